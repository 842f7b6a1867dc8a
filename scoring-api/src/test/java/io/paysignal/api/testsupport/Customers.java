package io.paysignal.api.testsupport;

import io.paysignal.core.history.Channel;
import io.paysignal.core.history.Contact;
import io.paysignal.core.history.ContactOutcome;
import io.paysignal.core.history.Customer;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.history.Invoice;
import io.paysignal.core.history.Payment;
import io.paysignal.core.snapshot.CustomerSnapshot;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Sample customers for API tests, as histories and as snapshots made from them. */
public final class Customers {

    /** The snapshot date of the samples. */
    public static final LocalDate AS_OF = LocalDate.of(2026, 3, 1);

    private Customers() {
    }

    /**
     * Customer {@code c<i>}: every third is in Chicago and prefers SMS, every fifth is do-not-contact, every
     * seventh opted out of email; each has between 0 and 3 open invoices, more overdue for higher i % 4.
     */
    public static CustomerHistory history(int i) {
        String id = "c" + i;
        ZoneId zone = i % 3 == 0 ? ZoneId.of("America/Chicago") : ZoneId.of("Europe/Berlin");
        Customer customer = new Customer(id, i % 2 == 0 ? "smb" : "enterprise", i % 3 == 0 ? "US" : "DE", zone,
                i % 3 == 0 ? Channel.SMS : null, i % 5 == 0, i % 4 == 0 ? null : 5000.0 + i,
                i % 6 == 0 ? null : LocalDate.of(2020, 1, 1).plusDays(i));
        List<Invoice> invoices = new ArrayList<>();
        List<Payment> payments = new ArrayList<>();
        int open = i % 4;
        for (int k = 0; k < open; k++) {
            LocalDate issued = AS_OF.minusDays(20L + 25L * k + 10L * (i % 4));
            Invoice invoice = new Invoice(id + "-inv" + k, id, issued, issued.plusDays(30), 100.0 + 37 * k,
                    "EUR", k == 2);
            invoices.add(invoice);
            if (k == 1) {
                payments.add(new Payment("p" + id + k, invoice.invoiceId(), issued.plusDays(5), 40.25));
            }
        }
        Invoice paid = new Invoice(id + "-paid", id, AS_OF.minusDays(90), AS_OF.minusDays(60), 80, "EUR", false);
        invoices.add(paid);
        payments.add(new Payment(null, paid.invoiceId(), AS_OF.minusDays(61), 80));
        List<Contact> contacts = new ArrayList<>();
        contacts.add(new Contact("k" + i, id, Instant.parse("2026-02-20T15:30:00Z"), Channel.EMAIL,
                i % 7 == 0 ? ContactOutcome.OPTED_OUT : ContactOutcome.NO_RESPONSE));
        if (i % 2 == 1) {
            contacts.add(new Contact(null, id, Instant.parse("2026-02-27T09:00:00Z"), Channel.PHONE,
                    ContactOutcome.REACHED));
        }
        return new CustomerHistory(customer, invoices, payments, contacts);
    }

    /** The snapshot of customer i as of {@link #AS_OF}, with the test feature source's features. */
    public static CustomerSnapshot snapshot(int i) {
        CustomerHistory history = history(i);
        return CustomerSnapshot.of(history, new LedgerFeatureSource().extract(history, AS_OF));
    }

    /** Snapshots of customers 1..count. */
    public static List<CustomerSnapshot> snapshots(int count) {
        List<CustomerSnapshot> snapshots = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            snapshots.add(snapshot(i));
        }
        return snapshots;
    }
}

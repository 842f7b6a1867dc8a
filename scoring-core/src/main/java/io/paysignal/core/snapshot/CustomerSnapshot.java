package io.paysignal.core.snapshot;

import io.paysignal.core.definition.InvoiceLedger;
import io.paysignal.core.feature.FeatureVector;
import io.paysignal.core.history.Contact;
import io.paysignal.core.history.ContactOutcome;
import io.paysignal.core.history.Customer;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.history.Invoice;
import io.paysignal.core.history.Payment;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the scoring API keeps per customer: the features as of T (so any model bundle can score them) and
 * the part of the history that outreach decisions after T still depend on: the customer row, the
 * invoices open at T with what had been paid on them, and the contacts of the last
 * {@link #CONTACT_MEMORY_DAYS} days plus every opt-out. It is written by {@code riskctl score} under
 * {@code OUT/features/} and read back by the API without Spark.
 *
 * @param features the feature vector as of {@code features.asOf()}
 * @param customer the customer row
 * @param openInvoices invoices issued on or before T and not settled on T
 * @param recentContacts contacts before the end of day T that outreach rules may still look at
 */
public record CustomerSnapshot(FeatureVector features, Customer customer, List<OpenInvoice> openInvoices,
                               List<Contact> recentContacts) implements Serializable {

    /**
     * Contact rules look back at most 7 days (phone attempts, quiet period after a conversation, weekly
     * cap); 35 days leaves room for a snapshot served for four weeks after its as-of date.
     */
    public static final int CONTACT_MEMORY_DAYS = 35;

    public CustomerSnapshot {
        if (features == null || customer == null) {
            throw new IllegalArgumentException("features and customer are required");
        }
        if (!features.customerId().equals(customer.customerId())) {
            throw new IllegalArgumentException("features of " + features.customerId()
                    + " given for customer " + customer.customerId());
        }
        openInvoices = List.copyOf(openInvoices);
        recentContacts = List.copyOf(recentContacts);
    }

    /**
     * An invoice open at the snapshot date.
     *
     * @param invoice the invoice row
     * @param paidAsOf sum of its payments dated on or before T
     */
    public record OpenInvoice(Invoice invoice, double paidAsOf) implements Serializable {
        public OpenInvoice {
            if (invoice == null || !(paidAsOf >= 0)) {
                throw new IllegalArgumentException("invoice required and paidAsOf >= 0");
            }
        }
    }

    /** The snapshot's as-of date T. */
    public LocalDate asOf() {
        return features.asOf();
    }

    /** The customer's id. */
    public String customerId() {
        return customer.customerId();
    }

    /**
     * Cuts a full history down to a snapshot as of {@code features.asOf()}: nothing dated after T is kept.
     */
    public static CustomerSnapshot of(CustomerHistory history, FeatureVector features) {
        LocalDate asOf = features.asOf();
        Instant endOfDay = asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant memoryStart = endOfDay.minusSeconds(86_400L * (CONTACT_MEMORY_DAYS + 1));
        Map<String, List<Payment>> payments = history.paymentsByInvoice();
        List<OpenInvoice> open = new ArrayList<>();
        for (Invoice invoice : history.invoices()) {
            if (invoice.issueDate().isAfter(asOf)) {
                continue;
            }
            InvoiceLedger ledger = new InvoiceLedger(invoice, payments.getOrDefault(invoice.invoiceId(), List.of()));
            if (!ledger.isSettledOn(asOf)) {
                open.add(new OpenInvoice(invoice, Math.max(0, ledger.paidBy(asOf))));
            }
        }
        List<Contact> contacts = new ArrayList<>();
        for (Contact contact : history.contacts()) {
            boolean beforeEndOfT = contact.contactTime().isBefore(endOfDay);
            boolean remembered = !contact.contactTime().isBefore(memoryStart)
                    || contact.outcome() == ContactOutcome.OPTED_OUT;
            if (beforeEndOfT && remembered) {
                contacts.add(contact);
            }
        }
        return new CustomerSnapshot(features, history.customer(), open, contacts);
    }

    /**
     * A history equivalent to the original for every outreach decision made at or after T: the open
     * invoices with one payment carrying what was paid by T, and the remembered contacts.
     */
    public CustomerHistory toHistory() {
        List<Invoice> invoices = new ArrayList<>(openInvoices.size());
        List<Payment> payments = new ArrayList<>();
        for (OpenInvoice open : openInvoices) {
            invoices.add(open.invoice());
            if (open.paidAsOf() > 0) {
                payments.add(new Payment(null, open.invoice().invoiceId(), asOf(), open.paidAsOf()));
            }
        }
        return new CustomerHistory(customer, invoices, payments, recentContacts);
    }
}

package io.paysignal.core.testsupport;

import io.paysignal.core.history.Channel;
import io.paysignal.core.history.Contact;
import io.paysignal.core.history.ContactOutcome;
import io.paysignal.core.history.Customer;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.history.Invoice;
import io.paysignal.core.history.Payment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/** Small builders for outreach tests: customers, invoices and contacts with readable defaults. */
public final class OutreachFixtures {

    public static final String CUSTOMER_ID = "C1";

    private OutreachFixtures() {
    }

    /** A customer in {@code zone} with no preference, contactable. */
    public static Customer customer(String zone) {
        return new Customer(CUSTOMER_ID, "smb", "US", ZoneId.of(zone), null, false, null, null);
    }

    /** A customer in {@code zone} preferring {@code preferred}. */
    public static Customer customer(String zone, Channel preferred) {
        return new Customer(CUSTOMER_ID, "smb", "US", ZoneId.of(zone), preferred, false, null, null);
    }

    /** A do-not-contact customer in {@code zone}. */
    public static Customer doNotContact(String zone) {
        return new Customer(CUSTOMER_ID, "smb", "US", ZoneId.of(zone), null, true, null, null);
    }

    /** An invoice of 100.00 issued 30 days before it is due. */
    public static Invoice invoice(String id, LocalDate due) {
        return new Invoice(id, CUSTOMER_ID, due.minusDays(30), due, 100.0, "USD", false);
    }

    /** A disputed invoice of 100.00 issued 30 days before it is due. */
    public static Invoice disputedInvoice(String id, LocalDate due) {
        return new Invoice(id, CUSTOMER_ID, due.minusDays(30), due, 100.0, "USD", true);
    }

    /** A payment of {@code amount} on {@code invoiceId}. */
    public static Payment payment(String invoiceId, LocalDate day, double amount) {
        return new Payment(null, invoiceId, day, amount);
    }

    /** A contact at an instant. */
    public static Contact contact(Instant at, Channel channel, ContactOutcome outcome) {
        return new Contact(null, CUSTOMER_ID, at, channel, outcome);
    }

    /** A contact at a local date-time in {@code zone}. */
    public static Contact contactAtLocal(String localDateTime, String zone, Channel channel, ContactOutcome outcome) {
        return contact(local(localDateTime, zone), channel, outcome);
    }

    /** The instant of a local date-time ({@code 2026-03-08T08:00}) in {@code zone}. */
    public static Instant local(String localDateTime, String zone) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of(zone)).toInstant();
    }

    /** A history of one customer. */
    public static CustomerHistory history(Customer customer, List<Invoice> invoices, List<Payment> payments,
                                          List<Contact> contacts) {
        return new CustomerHistory(customer, invoices, payments, contacts);
    }
}

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
import java.util.ArrayList;
import java.util.List;

/** Builds small hand-written customer histories for tests; dates are ISO strings to keep cases readable. */
public final class HistoryBuilder {

    public static final String CUSTOMER_ID = "c1";

    private Customer customer = Customer.withDefaults(CUSTOMER_ID);
    private final List<Invoice> invoices = new ArrayList<>();
    private final List<Payment> payments = new ArrayList<>();
    private final List<Contact> contacts = new ArrayList<>();

    public static HistoryBuilder history() {
        return new HistoryBuilder();
    }

    public HistoryBuilder customer(Double creditLimit, String openedDate) {
        customer = new Customer(CUSTOMER_ID, null, null, null, null, false, creditLimit,
                openedDate == null ? null : LocalDate.parse(openedDate));
        return this;
    }

    public HistoryBuilder invoice(String id, String issueDate, String dueDate, double amount) {
        return invoice(id, issueDate, dueDate, amount, false);
    }

    public HistoryBuilder invoice(String id, String issueDate, String dueDate, double amount, boolean disputed) {
        invoices.add(new Invoice(id, CUSTOMER_ID, LocalDate.parse(issueDate), LocalDate.parse(dueDate), amount,
                "EUR", disputed));
        return this;
    }

    public HistoryBuilder payment(String invoiceId, String paymentDate, double amount) {
        payments.add(new Payment(null, invoiceId, LocalDate.parse(paymentDate), amount));
        return this;
    }

    /** A contact at an ISO-8601 instant with offset, e.g. {@code 2025-06-30T23:59:59Z}. */
    public HistoryBuilder contact(String time, Channel channel, ContactOutcome outcome) {
        contacts.add(new Contact(null, CUSTOMER_ID, java.time.OffsetDateTime.parse(time).toInstant(), channel,
                outcome));
        return this;
    }

    public HistoryBuilder contact(Instant time, Channel channel, ContactOutcome outcome) {
        contacts.add(new Contact(null, CUSTOMER_ID, time, channel, outcome));
        return this;
    }

    public CustomerHistory build() {
        return new CustomerHistory(customer, invoices, payments, contacts);
    }
}

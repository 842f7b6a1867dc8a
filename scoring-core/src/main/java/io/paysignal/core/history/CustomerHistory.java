package io.paysignal.core.history;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the contract tables hold about one customer: the unit that features, labels and outreach
 * recommendations are computed from. Lists are sorted (invoices by issue date, payments by date,
 * contacts by time, then channel, outcome and id) so that every consumer sees the same order whatever order
 * the rows arrived in.
 *
 * @param customer the customer row
 * @param invoices the customer's invoices
 * @param payments payments against those invoices
 * @param contacts the outreach history
 */
public record CustomerHistory(Customer customer, List<Invoice> invoices, List<Payment> payments,
                              List<Contact> contacts) implements Serializable {

    public CustomerHistory {
        if (customer == null) {
            throw new IllegalArgumentException("customer is required");
        }
        invoices = sortedCopy(invoices, Comparator.comparing(Invoice::issueDate)
                .thenComparing(Invoice::dueDate).thenComparing(Invoice::invoiceId));
        payments = sortedCopy(payments, Comparator.comparing(Payment::paymentDate)
                .thenComparing(Payment::invoiceId).thenComparingDouble(Payment::amount));
        contacts = sortedCopy(contacts, CONTACT_ORDER);
    }

    /**
     * Contacts by time, channel, outcome, then id (absent ids first): a total order on what a contact
     * holds, so histories assembled from rows in any order (Spark tasks, API requests) list tied contacts
     * alike.
     */
    private static final Comparator<Contact> CONTACT_ORDER = Comparator.comparing(Contact::contactTime)
            .thenComparing(Contact::channel).thenComparing(Contact::outcome)
            .thenComparing(Contact::contactId, Comparator.nullsFirst(Comparator.naturalOrder()));

    private static <T> List<T> sortedCopy(List<T> items, Comparator<T> order) {
        List<T> copy = new ArrayList<>(items == null ? List.of() : items);
        copy.sort(order);
        return List.copyOf(copy);
    }

    /** The customer's id. */
    public String customerId() {
        return customer.customerId();
    }

    /** Payments grouped by invoice id, each list in date order. */
    public Map<String, List<Payment>> paymentsByInvoice() {
        Map<String, List<Payment>> byInvoice = new HashMap<>();
        for (Payment payment : payments) {
            byInvoice.computeIfAbsent(payment.invoiceId(), id -> new ArrayList<>()).add(payment);
        }
        return byInvoice;
    }
}

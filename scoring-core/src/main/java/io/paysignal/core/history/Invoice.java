package io.paysignal.core.history;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * One row of the contract's {@code invoices} table.
 *
 * @param invoiceId unique key
 * @param customerId the owning customer
 * @param issueDate when the invoice was issued; it is invisible to any as-of date before this
 * @param dueDate on or after {@code issueDate}
 * @param amount greater than 0
 * @param currency ISO 4217 code
 * @param disputed true when the customer disputes the invoice
 */
public record Invoice(
        String invoiceId,
        String customerId,
        LocalDate issueDate,
        LocalDate dueDate,
        double amount,
        String currency,
        boolean disputed) implements Serializable {

    public Invoice {
        if (invoiceId == null || invoiceId.isBlank()) {
            throw new IllegalArgumentException("invoice_id must not be blank");
        }
        if (customerId == null || customerId.isBlank()) {
            throw new IllegalArgumentException("customer_id must not be blank");
        }
        if (issueDate == null || dueDate == null) {
            throw new IllegalArgumentException("issue_date and due_date are required");
        }
        if (dueDate.isBefore(issueDate)) {
            throw new IllegalArgumentException("due_date " + dueDate + " is before issue_date " + issueDate);
        }
        if (!(amount > 0) || Double.isInfinite(amount)) {
            throw new IllegalArgumentException("amount must be a finite number greater than 0, was " + amount);
        }
    }
}

package io.paysignal.core.history;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * One row of the contract's {@code payments} table: a (possibly partial) payment against one invoice.
 *
 * @param paymentId optional id, may be null
 * @param invoiceId the invoice paid
 * @param paymentDate when the money arrived
 * @param amount greater than 0
 */
public record Payment(String paymentId, String invoiceId, LocalDate paymentDate, double amount)
        implements Serializable {

    public Payment {
        if (invoiceId == null || invoiceId.isBlank()) {
            throw new IllegalArgumentException("invoice_id must not be blank");
        }
        if (paymentDate == null) {
            throw new IllegalArgumentException("payment_date is required");
        }
        if (!(amount > 0) || Double.isInfinite(amount)) {
            throw new IllegalArgumentException("amount must be a finite number greater than 0, was " + amount);
        }
    }
}

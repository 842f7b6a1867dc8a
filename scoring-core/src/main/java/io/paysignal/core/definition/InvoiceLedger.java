package io.paysignal.core.definition;

import io.paysignal.core.history.Invoice;
import io.paysignal.core.history.Payment;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One invoice with its payments: open balance, settlement day and days past due on any day, exactly as
 * DATA-CONTRACT section 2 defines them. Everything here is a function of the day asked about, so the
 * same ledger answers "as of T" questions without seeing anything dated after T.
 */
public final class InvoiceLedger {

    private final Invoice invoice;
    private final List<Payment> payments;
    private final LocalDate settledOn;

    /**
     * @param invoice the invoice
     * @param payments its payments, in any order; payments for other invoices are a caller bug
     */
    public InvoiceLedger(Invoice invoice, List<Payment> payments) {
        this.invoice = invoice;
        List<Payment> sorted = new ArrayList<>(payments);
        for (Payment payment : sorted) {
            if (!payment.invoiceId().equals(invoice.invoiceId())) {
                throw new IllegalArgumentException("payment for " + payment.invoiceId()
                        + " given to the ledger of " + invoice.invoiceId());
            }
        }
        sorted.sort(Comparator.comparing(Payment::paymentDate));
        this.payments = List.copyOf(sorted);
        this.settledOn = findSettlementDay();
    }

    public Invoice invoice() {
        return invoice;
    }

    /** Payments in date order. */
    public List<Payment> payments() {
        return payments;
    }

    /** Amount minus payments dated on or before {@code day}; negative after an overpayment. */
    public double openBalance(LocalDate day) {
        double paid = 0;
        for (Payment payment : payments) {
            if (payment.paymentDate().isAfter(day)) {
                break;
            }
            paid += payment.amount();
        }
        return invoice.amount() - paid;
    }

    /** Sum of payments dated on or before {@code day}. */
    public double paidBy(LocalDate day) {
        return invoice.amount() - openBalance(day);
    }

    /**
     * The first day the open balance is within tolerance, or empty when that never happens in the
     * history given. Looking at this value is only point-in-time safe through {@link #isSettledOn}.
     */
    public Optional<LocalDate> settlementDay() {
        return Optional.ofNullable(settledOn);
    }

    /** True when the invoice is settled on {@code day} (its settlement day is on or before it). */
    public boolean isSettledOn(LocalDate day) {
        return settledOn != null && !settledOn.isAfter(day);
    }

    /** Days past due on {@code day}: {@code day - due_date} while not settled, else 0; never negative. */
    public long daysPastDue(LocalDate day) {
        if (isSettledOn(day)) {
            return 0;
        }
        return Math.max(0, ChronoUnit.DAYS.between(invoice.dueDate(), day));
    }

    /**
     * Days late at settlement (settlement day minus due date, at least 0), or empty when not settled
     * on or before {@code asOf}.
     */
    public Optional<Long> daysLateAtSettlement(LocalDate asOf) {
        if (!isSettledOn(asOf)) {
            return Optional.empty();
        }
        return Optional.of(Math.max(0, ChronoUnit.DAYS.between(invoice.dueDate(), settledOn)));
    }

    private LocalDate findSettlementDay() {
        double paid = 0;
        for (Payment payment : payments) {
            paid += payment.amount();
            if (SettlementTolerance.isSettled(invoice.amount(), invoice.amount() - paid)) {
                return payment.paymentDate();
            }
        }
        return null;
    }
}

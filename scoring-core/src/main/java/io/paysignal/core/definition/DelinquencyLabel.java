package io.paysignal.core.definition;

import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.history.Invoice;
import io.paysignal.core.history.Payment;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The delinquency label of DATA-CONTRACT section 2: for customer c as of T, 1 when some invoice of c
 * with {@code issue_date <= T + H} is not settled on day {@code due_date + D}, and that day lies in
 * {@code (T, T + H]}; else 0. An invoice already D or more days past due on T does not count.
 *
 * @param dpdThreshold D, days past due that make an invoice delinquent (default 30)
 * @param horizonDays H, how far after T the label looks (default 90)
 */
public record DelinquencyLabel(int dpdThreshold, int horizonDays) implements Serializable {

    public static final int DEFAULT_DPD = 30;
    public static final int DEFAULT_HORIZON = 90;

    public DelinquencyLabel {
        if (dpdThreshold < 1) {
            throw new IllegalArgumentException("dpd threshold must be at least 1, was " + dpdThreshold);
        }
        if (horizonDays < 1) {
            throw new IllegalArgumentException("horizon must be at least 1 day, was " + horizonDays);
        }
    }

    public static DelinquencyLabel defaults() {
        return new DelinquencyLabel(DEFAULT_DPD, DEFAULT_HORIZON);
    }

    /** The last day whose data the label as of {@code asOf} needs: T + H. */
    public LocalDate observedThrough(LocalDate asOf) {
        return asOf.plusDays(horizonDays);
    }

    /** The label for one customer's history as of {@code asOf}: true for 1. */
    public boolean isDelinquent(CustomerHistory history, LocalDate asOf) {
        Map<String, List<Payment>> paymentsByInvoice = history.paymentsByInvoice();
        for (Invoice invoice : history.invoices()) {
            InvoiceLedger ledger = new InvoiceLedger(invoice,
                    paymentsByInvoice.getOrDefault(invoice.invoiceId(), List.of()));
            if (becomesDelinquentWithinHorizon(ledger, asOf)) {
                return true;
            }
        }
        return false;
    }

    /** True when this invoice alone makes the label 1 as of {@code asOf}. */
    public boolean becomesDelinquentWithinHorizon(InvoiceLedger ledger, LocalDate asOf) {
        Invoice invoice = ledger.invoice();
        LocalDate horizonEnd = asOf.plusDays(horizonDays);
        if (invoice.issueDate().isAfter(horizonEnd)) {
            return false;
        }
        LocalDate delinquencyDay = invoice.dueDate().plusDays(dpdThreshold);
        // Already D+ days past due on T means delinquencyDay <= T: outside (T, T + H] by construction.
        if (!delinquencyDay.isAfter(asOf) || delinquencyDay.isAfter(horizonEnd)) {
            return false;
        }
        return !ledger.isSettledOn(delinquencyDay);
    }
}

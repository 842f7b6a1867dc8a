package io.paysignal.core.portfolio;

import io.paysignal.core.definition.InvoiceLedger;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.history.Invoice;
import io.paysignal.core.history.Payment;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A customer's receivables on one day, in one reporting currency: what is open, what of it is past due, and
 * how far past due the worst invoice is. An invoice counts when it was issued on or before the day and is
 * not settled on it (DATA-CONTRACT section 2, through {@link InvoiceLedger}); its open balance is its amount
 * minus the payments dated on or before the day. An invoice settled within the tolerance counts as nothing,
 * even if a few cents remain.
 *
 * @param currency the reporting currency of the amounts; null only for a customer without any invoice issued
 *        by {@code asOf} while amounts stay in invoice currencies
 * @param asOf the day
 * @param openBalance sum of the open balances of unsettled invoices, at least 0
 * @param overdueBalance the part of {@code openBalance} on invoices at least 1 day past due
 * @param maxDaysPastDue the highest days past due among unsettled invoices, 0 when none is past due
 * @param openInvoices the number of unsettled invoices
 */
public record ReceivablesPosition(String currency, LocalDate asOf, double openBalance, double overdueBalance,
                                  long maxDaysPastDue, int openInvoices) implements Serializable {

    /** Sums of doubles differ in the last bits depending on order; balances are compared with this slack. */
    private static final double SLACK = 1e-6;

    public ReceivablesPosition {
        if (asOf == null) {
            throw new IllegalArgumentException("asOf is required");
        }
        if (!(openBalance >= 0) || Double.isInfinite(openBalance) || !(overdueBalance >= 0)
                || overdueBalance > openBalance + SLACK) {
            throw new IllegalArgumentException("need 0 <= overdue balance <= open balance, finite; were "
                    + overdueBalance + " and " + openBalance);
        }
        if (maxDaysPastDue < 0 || openInvoices < 0 || (openInvoices == 0 && (maxDaysPastDue > 0 || openBalance > 0))) {
            throw new IllegalArgumentException("days past due and balances need open invoices: " + openInvoices
                    + " open, max DPD " + maxDaysPastDue + ", open balance " + openBalance);
        }
    }

    /** A position with nothing open. */
    public static ReceivablesPosition empty(String currency, LocalDate asOf) {
        return new ReceivablesPosition(currency, asOf, 0, 0, 0, 0);
    }

    /**
     * The customer's positions on {@code asOf}, one per reporting currency among its invoices issued on or
     * before {@code asOf} (one at most when amounts are converted), ordered by currency; empty when no invoice
     * was issued by then. Nothing dated after {@code asOf} changes the result.
     *
     * @throws IllegalArgumentException when converting and an invoice's currency has no rate
     */
    public static List<ReceivablesPosition> of(CustomerHistory history, LocalDate asOf, ReportingCurrency reporting) {
        Map<String, List<Payment>> payments = history.paymentsByInvoice();
        Map<String, Accumulator> byCurrency = new TreeMap<>();
        for (Invoice invoice : history.invoices()) {
            if (invoice.issueDate().isAfter(asOf)) {
                continue;
            }
            Accumulator sums = byCurrency.computeIfAbsent(reporting.currencyOf(invoice), c -> new Accumulator());
            InvoiceLedger ledger = new InvoiceLedger(invoice, payments.getOrDefault(invoice.invoiceId(), List.of()));
            if (ledger.isSettledOn(asOf)) {
                continue;
            }
            double balance = reporting.amountOf(invoice, ledger.openBalance(asOf));
            long daysPastDue = ledger.daysPastDue(asOf);
            sums.open += balance;
            sums.invoices++;
            if (daysPastDue > 0) {
                sums.overdue += balance;
                sums.maxDaysPastDue = Math.max(sums.maxDaysPastDue, daysPastDue);
            }
        }
        List<ReceivablesPosition> positions = new ArrayList<>(byCurrency.size());
        byCurrency.forEach((currency, sums) -> positions.add(new ReceivablesPosition(currency, asOf, sums.open,
                Math.min(sums.overdue, sums.open), sums.maxDaysPastDue, sums.invoices)));
        return positions;
    }

    /** The DPD bucket of the worst unsettled invoice. */
    public DpdBucket bucket() {
        return DpdBucket.of(maxDaysPastDue);
    }

    /** The open balance not yet past due: due on or after {@code asOf}. */
    public double currentBalance() {
        return Math.max(0, openBalance - overdueBalance);
    }

    /**
     * Expected delinquent exposure: {@code riskScore x openBalance}, the open balance weighted by the
     * probability that the customer becomes delinquent over the horizon.
     *
     * @param riskScore the customer's risk score, in [0, 1]
     */
    public double expectedDelinquentExposure(double riskScore) {
        if (!(riskScore >= 0 && riskScore <= 1)) {
            throw new IllegalArgumentException("risk score must lie in [0, 1], was " + riskScore);
        }
        return riskScore * openBalance;
    }

    private static final class Accumulator {
        private double open;
        private double overdue;
        private long maxDaysPastDue;
        private int invoices;
    }
}

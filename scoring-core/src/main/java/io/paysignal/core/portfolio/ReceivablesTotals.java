package io.paysignal.core.portfolio;

import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.history.Invoice;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The four sums that the portfolio KPIs of a {@link ReportingPeriod} are built from, for one customer or
 * added up over many (every component is additive). Balances are {@link ReceivablesPosition} open balances.
 *
 * @param beginningReceivables open balance at the end of the period's start day
 * @param creditSales amount of the invoices issued inside the period
 * @param endingReceivables open balance at the end of the period's last day
 * @param endingCurrentReceivables the part of {@code endingReceivables} not yet past due on that day
 */
public record ReceivablesTotals(double beginningReceivables, double creditSales, double endingReceivables,
                                double endingCurrentReceivables) implements Serializable {

    private static final double SLACK = 1e-6;

    public ReceivablesTotals {
        requireAmount("beginning receivables", beginningReceivables);
        requireAmount("credit sales", creditSales);
        requireAmount("ending receivables", endingReceivables);
        requireAmount("ending current receivables", endingCurrentReceivables);
        if (endingCurrentReceivables > endingReceivables + SLACK) {
            throw new IllegalArgumentException("current receivables " + endingCurrentReceivables
                    + " exceed the receivables " + endingReceivables);
        }
    }

    /** Nothing at all. */
    public static ReceivablesTotals zero() {
        return new ReceivablesTotals(0, 0, 0, 0);
    }

    /** The component-wise sum. */
    public ReceivablesTotals plus(ReceivablesTotals other) {
        return new ReceivablesTotals(beginningReceivables + other.beginningReceivables,
                creditSales + other.creditSales, endingReceivables + other.endingReceivables,
                endingCurrentReceivables + other.endingCurrentReceivables);
    }

    /** Ending receivables already past due. */
    public double endingOverdueReceivables() {
        return Math.max(0, endingReceivables - endingCurrentReceivables);
    }

    /**
     * One customer's totals over {@code period}, per reporting currency among its invoices issued on or before
     * the period's end (ordered by currency; empty when there is none). Nothing dated after the period's end
     * changes the result.
     */
    public static Map<String, ReceivablesTotals> of(CustomerHistory history, ReportingPeriod period,
                                                    ReportingCurrency reporting) {
        Map<String, ReceivablesTotals> totals = new TreeMap<>();
        for (Invoice invoice : history.invoices()) {
            if (period.contains(invoice.issueDate())) {
                totals.merge(reporting.currencyOf(invoice),
                        new ReceivablesTotals(0, reporting.amountOf(invoice, invoice.amount()), 0, 0),
                        ReceivablesTotals::plus);
            }
        }
        for (ReceivablesPosition begin : ReceivablesPosition.of(history, period.start(), reporting)) {
            totals.merge(begin.currency(), new ReceivablesTotals(begin.openBalance(), 0, 0, 0),
                    ReceivablesTotals::plus);
        }
        List<ReceivablesPosition> ending = ReceivablesPosition.of(history, period.end(), reporting);
        for (ReceivablesPosition end : ending) {
            totals.merge(end.currency(), new ReceivablesTotals(0, 0, end.openBalance(), end.currentBalance()),
                    ReceivablesTotals::plus);
        }
        return totals;
    }

    private static void requireAmount(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite amount of at least 0, was " + value);
        }
    }
}

package io.paysignal.core.portfolio;

import java.util.OptionalDouble;

/**
 * Portfolio KPIs of one {@link ReportingPeriod} (formulas and a worked example in docs/KPIS.md). With
 * {@code BR} the beginning receivables, {@code CS} the credit sales of the period, {@code ER} the ending
 * receivables, {@code ECR} the ending current (not yet due) receivables and {@code days} the period's length:
 *
 * <ul>
 *   <li><b>DSO</b> (days sales outstanding) {@code = ER / CS x days}</li>
 *   <li><b>Best possible DSO</b> {@code = ECR / CS x days}: the DSO if nobody paid late</li>
 *   <li><b>Average days delinquent</b> {@code = DSO - best possible DSO = (ER - ECR) / CS x days}</li>
 *   <li><b>CEI</b> (collection effectiveness index, percent)
 *       {@code = (BR + CS - ER) / (BR + CS - ECR) x 100}: what was collected of what was collectible</li>
 * </ul>
 *
 * A KPI is empty when its denominator is 0 (no sales in the period, or nothing collectible).
 *
 * @param period the period
 * @param totals the portfolio's sums over it
 */
public record PortfolioKpis(ReportingPeriod period, ReceivablesTotals totals) {

    public PortfolioKpis {
        if (period == null || totals == null) {
            throw new IllegalArgumentException("period and totals are required");
        }
    }

    /** Days sales outstanding: ending receivables over the period's credit sales, in days of the period. */
    public OptionalDouble daysSalesOutstanding() {
        return perDayOfSales(totals.endingReceivables());
    }

    /** Best possible DSO: ending current receivables over the period's credit sales, in days. */
    public OptionalDouble bestPossibleDso() {
        return perDayOfSales(totals.endingCurrentReceivables());
    }

    /** Average days delinquent: DSO minus best possible DSO. */
    public OptionalDouble averageDaysDelinquent() {
        return perDayOfSales(totals.endingOverdueReceivables());
    }

    /** Collection effectiveness index in percent (0 to 100). */
    public OptionalDouble collectionEffectivenessIndex() {
        double collectible = totals.beginningReceivables() + totals.creditSales() - totals.endingCurrentReceivables();
        if (!(collectible > 0)) {
            return OptionalDouble.empty();
        }
        double collected = totals.beginningReceivables() + totals.creditSales() - totals.endingReceivables();
        return OptionalDouble.of(100 * Math.max(0, Math.min(collected, collectible)) / collectible);
    }

    private OptionalDouble perDayOfSales(double receivables) {
        if (!(totals.creditSales() > 0)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(receivables / totals.creditSales() * period.days());
    }
}

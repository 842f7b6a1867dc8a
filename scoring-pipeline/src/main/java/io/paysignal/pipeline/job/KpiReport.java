package io.paysignal.pipeline.job;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paysignal.core.portfolio.DpdBucket;
import io.paysignal.core.portfolio.PortfolioKpis;
import io.paysignal.core.portfolio.ReceivablesTotals;
import io.paysignal.core.portfolio.RollRates;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The portfolio KPIs and roll rates of one reporting currency over one period, and how {@code riskctl segments}
 * writes them: {@code kpis.csv} (one row per currency and period), {@code roll_rates.csv} (one row per currency,
 * period, from-bucket with customers, and to-bucket) and entries of {@code kpis.json}. Formulas: docs/KPIS.md.
 *
 * @param currency the reporting currency of the amounts
 * @param kpis DSO, best possible DSO, average days delinquent and CEI of the period
 * @param rolls the moves between DPD buckets over the same period
 */
public record KpiReport(String currency, PortfolioKpis kpis, RollRates rolls) {

    static final String KPI_HEADER = "currency,period_start,period_end,days,beginning_receivables,credit_sales,"
            + "ending_receivables,ending_current_receivables,ending_overdue_receivables,dso,best_possible_dso,"
            + "average_days_delinquent,cei";

    static final String ROLL_HEADER = "currency,period_start,period_end,from_bucket,to_bucket,customers,"
            + "customers_from,rate,start_balance,balance_rate";

    /** The {@code kpis.csv} line (no line end). */
    String kpiCsvLine() {
        ReceivablesTotals t = kpis.totals();
        return String.join(",", currency, kpis.period().start().toString(), kpis.period().end().toString(),
                String.valueOf(kpis.period().days()), number(t.beginningReceivables()), number(t.creditSales()),
                number(t.endingReceivables()), number(t.endingCurrentReceivables()),
                number(t.endingOverdueReceivables()), number(kpis.daysSalesOutstanding()),
                number(kpis.bestPossibleDso()), number(kpis.averageDaysDelinquent()),
                number(kpis.collectionEffectivenessIndex()));
    }

    /** The {@code roll_rates.csv} lines: every to-bucket of every from-bucket that held customers. */
    List<String> rollCsvLines() {
        List<String> lines = new java.util.ArrayList<>();
        for (DpdBucket from : DpdBucket.values()) {
            long base = rolls.customersFrom(from);
            if (base == 0) {
                continue;
            }
            for (DpdBucket to : DpdBucket.values()) {
                double startBalance = rolls.cells().stream().filter(c -> c.from() == from && c.to() == to)
                        .mapToDouble(c -> c.startBalance()).sum();
                lines.add(String.join(",", currency, kpis.period().start().toString(), kpis.period().end().toString(),
                        from.wireName(), to.wireName(), String.valueOf(rolls.customers(from, to)), String.valueOf(base),
                        number(rolls.rate(from, to)), number(startBalance), number(rolls.balanceRate(from, to))));
            }
        }
        return lines;
    }

    /** The report as a JSON object. */
    ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        ReceivablesTotals t = kpis.totals();
        node.put("currency", currency);
        node.put("period_start", kpis.period().start().toString());
        node.put("period_end", kpis.period().end().toString());
        node.put("days", kpis.period().days());
        node.put("beginning_receivables", t.beginningReceivables());
        node.put("credit_sales", t.creditSales());
        node.put("ending_receivables", t.endingReceivables());
        node.put("ending_current_receivables", t.endingCurrentReceivables());
        node.put("ending_overdue_receivables", t.endingOverdueReceivables());
        put(node, "dso", kpis.daysSalesOutstanding());
        put(node, "best_possible_dso", kpis.bestPossibleDso());
        put(node, "average_days_delinquent", kpis.averageDaysDelinquent());
        put(node, "cei", kpis.collectionEffectivenessIndex());
        ObjectNode rollForward = node.putObject("roll_forward_rate");
        ObjectNode cure = node.putObject("cure_rate");
        ArrayNode matrix = node.putArray("roll_rates");
        for (DpdBucket from : DpdBucket.values()) {
            if (rolls.customersFrom(from) == 0) {
                continue;
            }
            put(rollForward, from.wireName(), rolls.rollForwardRate(from));
            if (from != DpdBucket.CURRENT) {
                put(cure, from.wireName(), rolls.cureRate(from));
            }
            for (DpdBucket to : DpdBucket.values()) {
                ObjectNode cell = matrix.addObject();
                cell.put("from", from.wireName());
                cell.put("to", to.wireName());
                cell.put("customers", rolls.customers(from, to));
                put(cell, "rate", rolls.rate(from, to));
                put(cell, "balance_rate", rolls.balanceRate(from, to));
            }
        }
        return node;
    }

    /** One line for people. */
    String summaryLine() {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "%s (%s, %s]: DSO %s d, best possible DSO %s d, average days delinquent %s d, CEI %s%%",
                currency, kpis.period().start(), kpis.period().end(), rounded(kpis.daysSalesOutstanding()),
                rounded(kpis.bestPossibleDso()), rounded(kpis.averageDaysDelinquent()),
                rounded(kpis.collectionEffectivenessIndex())));
        line.append("; roll forward");
        for (DpdBucket from : DpdBucket.values()) {
            OptionalDouble rate = rolls.rollForwardRate(from);
            if (rate.isPresent() && from != DpdBucket.DPD_90_PLUS) {
                line.append(String.format(Locale.ROOT, " %s %.1f%%", from.wireName(), 100 * rate.getAsDouble()));
            }
        }
        return line.toString();
    }

    private static void put(ObjectNode node, String name, OptionalDouble value) {
        if (value.isPresent()) {
            node.put(name, value.getAsDouble());
        } else {
            node.putNull(name);
        }
    }

    private static String number(double value) {
        return String.valueOf(value);
    }

    private static String number(OptionalDouble value) {
        return value.isPresent() ? String.valueOf(value.getAsDouble()) : "";
    }

    private static String rounded(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.1f", value.getAsDouble()) : "n/a";
    }
}

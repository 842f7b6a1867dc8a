package io.paysignal.pipeline.job;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paysignal.core.definition.DelinquencyLabel;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.policy.OutreachAction;
import io.paysignal.core.policy.RiskTier;
import io.paysignal.core.portfolio.DpdBucket;
import io.paysignal.core.portfolio.PortfolioKpis;
import io.paysignal.core.portfolio.ReceivablesTotals;
import io.paysignal.core.portfolio.ReportingCurrency;
import io.paysignal.core.portfolio.ReportingPeriod;
import io.paysignal.core.portfolio.RollRateCell;
import io.paysignal.core.portfolio.RollRates;
import io.paysignal.pipeline.io.History;
import io.paysignal.pipeline.io.HistoryReader;
import io.paysignal.pipeline.io.OutputPublisher;
import io.paysignal.pipeline.io.ReaderConfig;
import io.paysignal.pipeline.io.RejectsWriter;
import io.paysignal.pipeline.io.SingleCsvFile;
import io.paysignal.pipeline.io.TextFiles;
import io.paysignal.pipeline.spark.ContractRowMapping;
import io.paysignal.pipeline.spark.HistoryAssembler;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * {@code riskctl segments}: the portfolio as of T by segment, and its KPIs. Reads a history and the score table
 * {@code riskctl score} wrote for the same T, computes each customer's receivables position with
 * {@code core.portfolio} in Spark tasks, joins the scores and publishes atomically:
 *
 * <ul>
 *   <li>{@code segments.parquet/} and {@code segments.csv}: one row per business segment x risk tier x DPD bucket
 *       x preferred channel x reporting currency (columns: docs/KPIS.md);</li>
 *   <li>{@code portfolio.csv}: the per-customer rows behind it, with the recommended contact time in the
 *       customer's own zone;</li>
 *   <li>{@code kpis.json}, {@code kpis.csv}, {@code roll_rates.csv}: DSO, best possible DSO, average days
 *       delinquent, CEI and roll rates for the month ending on T and the months before it;</li>
 *   <li>{@code rejects.csv} and {@code _run.json}.</li>
 * </ul>
 */
public final class SegmentsJob {

    /** The segment table's key columns, in order. */
    public static final List<String> SEGMENT_KEY = List.of("segment", "risk_tier", "dpd_bucket", "preferred_channel",
            "currency");

    /**
     * @param history the history directory (any Hadoop URI)
     * @param asOf T
     * @param scores a {@code riskctl score} output directory for T
     * @param out the output directory
     * @param label D and H of the label whose observed rate is reported when the history covers T + H
     * @param reporting how amounts are summed: per invoice currency, or converted to one currency
     * @param kpiMonths how many months of KPIs, ending on T (months starting before the history are left out)
     * @param reader reader settings
     */
    public record Config(String history, LocalDate asOf, String scores, String out, DelinquencyLabel label,
                         ReportingCurrency reporting, int kpiMonths, ReaderConfig reader) {

        public Config {
            if (kpiMonths < 1) {
                throw new IllegalArgumentException("--kpi-months must be at least 1, was " + kpiMonths);
            }
        }
    }

    /**
     * What a run produced.
     *
     * @param out the published directory
     * @param customers customers in the segment table (scored and in the history)
     * @param segmentRows rows of the segment table
     * @param labelsObserved true when observed label rates were computed
     * @param scoredWithoutHistory score-table customers missing from the history (left out)
     * @param historyWithoutScore history customers missing from the score table (left out)
     * @param latest the KPIs of the month ending on T, per currency
     */
    public record Outcome(String out, long customers, long segmentRows, boolean labelsObserved,
                          long scoredWithoutHistory, long historyWithoutScore, List<KpiReport> latest) {
    }

    private SegmentsJob() {
    }

    public static Outcome run(SparkSession spark, Config config) {
        ScoreOutput scores = ScoreOutput.read(spark, config.scores());
        if (!scores.asOf().equals(config.asOf())) {
            throw new IllegalArgumentException("the scores in " + config.scores() + " are as of " + scores.asOf()
                    + ", not " + config.asOf());
        }
        Configuration hadoopConf = spark.sparkContext().hadoopConfiguration();
        History history = new HistoryReader(spark, config.reader()).read(config.history());
        JavaRDD<CustomerHistory> histories = null;
        try {
            HistoryFacts facts = HistoryFacts.of(history);
            LocalDate needed = config.label().observedThrough(config.asOf());
            boolean labelsObserved = facts.lastActivity() != null && !facts.lastActivity().isBefore(needed);
            List<ReportingPeriod> periods = ReportingPeriod.monthsEndingOn(config.asOf(), config.kpiMonths()).stream()
                    .filter(p -> facts.firstActivity() != null && !p.start().isBefore(facts.firstActivity()))
                    .toList();
            PortfolioRows rows = new PortfolioRows(config.asOf(), config.reporting(), config.label(), labelsObserved,
                    periods);
            // The label looks past T; without it nothing after T is needed (core cuts at T anyway).
            histories = HistoryAssembler.byCustomer(history, labelsObserved ? null : config.asOf())
                    .persist(StorageLevel.MEMORY_AND_DISK_SER());

            JavaRDD<CustomerHistory> grouped = histories;
            return OutputPublisher.forTarget(config.out(), hadoopConf).publishAfter(publisher -> {
                JavaPairRDD<String, Row> scoreRows = scores.scores()
                        .select(Arrays.stream(PortfolioRows.SCORE_COLUMNS).map(org.apache.spark.sql.functions::col)
                                .toArray(Column[]::new))
                        .toJavaRDD().mapToPair(row -> new Tuple2<>(row.getString(0), row));
                JavaRDD<Row> portfolioRows = grouped.mapToPair(h -> new Tuple2<>(h.customerId(), h)).join(scoreRows)
                        .flatMap(pair -> rows.portfolio(pair._2()._1(), pair._2()._2()).iterator());
                Dataset<Row> portfolio = spark.createDataFrame(portfolioRows, PortfolioRows.PORTFOLIO)
                        .persist(StorageLevel.MEMORY_AND_DISK_SER());
                Dataset<Row> segments = aggregate(portfolio).persist(StorageLevel.MEMORY_AND_DISK_SER());

                segments.coalesce(1).write().parquet(publisher.staging("segments.parquet"));
                SingleCsvFile.write(segments, publisher.staging(), "segments.csv",
                        String.join(",", segments.columns()));
                SingleCsvFile.write(portfolio.orderBy("customer_id", "currency"), publisher.staging(), "portfolio.csv",
                        String.join(",", portfolio.columns()));

                List<KpiReport> reports = kpiReports(spark, grouped, rows);
                writeKpis(hadoopConf, publisher, config, reports);
                new RejectsWriter().write(history.rejects(), publisher.staging());

                // Who is in both inputs (the segment table's customers) and who only in one, in a single pass.
                Row coverage = scores.scores().select(col("customer_id"), lit(true).as("scored"))
                        .join(history.customers().select(col("customer_id"), lit(true).as("in_history")),
                                "customer_id", "full_outer")
                        .agg(sum(when(col("scored").and(col("in_history")), 1L).otherwise(0L)),
                                sum(when(col("in_history").isNull(), 1L).otherwise(0L)),
                                sum(when(col("scored").isNull(), 1L).otherwise(0L)))
                        .first();
                long customers = coverage.isNullAt(0) ? 0 : coverage.getLong(0);
                long scoredWithoutHistory = coverage.isNullAt(1) ? 0 : coverage.getLong(1);
                long historyWithoutScore = coverage.isNullAt(2) ? 0 : coverage.getLong(2);
                long segmentRows = segments.count();
                List<KpiReport> latest = reports.stream()
                        .filter(r -> r.kpis().period().end().equals(config.asOf())).toList();
                writeRunSummary(hadoopConf, publisher, config, history, labelsObserved, needed, customers, segmentRows,
                        scoredWithoutHistory, historyWithoutScore);
                segments.unpersist();
                portfolio.unpersist();
                return new Outcome(publisher.target(), customers, segmentRows, labelsObserved, scoredWithoutHistory,
                        historyWithoutScore, latest);
            });
        } finally {
            if (histories != null) {
                histories.unpersist(false);
            }
            history.release();
        }
    }

    /** The segment table: per segment key, counts, balances, exposure, mean score, label rate, actions by kind. */
    static Dataset<Row> aggregate(Dataset<Row> portfolio) {
        List<Column> measures = new ArrayList<>(List.of(
                sum("open_balance").as("open_balance"),
                sum("overdue_balance").as("overdue_balance"),
                sum("expected_delinquent_exposure").as("expected_delinquent_exposure"),
                avg("risk_score").as("mean_score"),
                count("label").as("labelled_customers"),
                avg("label").as("observed_label_rate")));
        for (OutreachAction action : OutreachAction.values()) {
            measures.add(sum(when(col("action").equalTo(action.wireName()), 1L).otherwise(0L))
                    .as("action_" + action.wireName()));
        }
        Column[] keys = SEGMENT_KEY.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
        return portfolio.groupBy(keys)
                .agg(count(lit(1)).as("customers"), measures.toArray(Column[]::new))
                .orderBy(col("segment"), order("risk_tier", RiskTier.values().length, tierOrder()),
                        order("dpd_bucket", DpdBucket.values().length, bucketOrder()),
                        col("preferred_channel"), col("currency").asc_nulls_first());
    }

    private static Map<String, Integer> tierOrder() {
        Map<String, Integer> order = new TreeMap<>();
        for (RiskTier tier : RiskTier.values()) {
            order.put(tier.wireName(), tier.ordinal());
        }
        return order;
    }

    private static Map<String, Integer> bucketOrder() {
        Map<String, Integer> order = new TreeMap<>();
        for (DpdBucket bucket : DpdBucket.values()) {
            order.put(bucket.wireName(), bucket.ordinal());
        }
        return order;
    }

    private static Column order(String column, int unknown, Map<String, Integer> ranks) {
        Column rank = lit(unknown);
        for (Map.Entry<String, Integer> entry : ranks.entrySet()) {
            rank = when(col(column).equalTo(entry.getKey()), lit(entry.getValue())).otherwise(rank);
        }
        return rank;
    }

    /** KPIs and roll rates per currency and period, latest period first; sums in Spark, ratios in core. */
    private static List<KpiReport> kpiReports(SparkSession spark, JavaRDD<CustomerHistory> histories,
                                              PortfolioRows rows) {
        if (rows.periods().isEmpty()) {
            return List.of();
        }
        List<Row> totals = spark.createDataFrame(histories.flatMap(h -> rows.totals(h).iterator()), PortfolioRows.TOTALS)
                .groupBy("currency", "period_start", "period_end")
                .agg(sum("beginning_receivables"), sum("credit_sales"), sum("ending_receivables"),
                        sum("ending_current_receivables"))
                .collectAsList();
        List<Row> rolls = spark.createDataFrame(histories.flatMap(h -> rows.rolls(h).iterator()), PortfolioRows.ROLLS)
                .groupBy("currency", "period_start", "period_end", "from_bucket", "to_bucket")
                .agg(sum("customers"), sum("start_balance"))
                .collectAsList();
        Map<String, List<RollRateCell>> cellsByKey = new TreeMap<>();
        for (Row roll : rolls) {
            cellsByKey.computeIfAbsent(key(roll.getString(0), ContractRowMapping.localDate(roll.get(2))),
                    k -> new ArrayList<>()).add(new RollRateCell(bucket(roll.getString(3)), bucket(roll.getString(4)),
                    roll.getLong(5), Math.max(0, roll.getDouble(6))));
        }
        List<KpiReport> reports = new ArrayList<>();
        for (Row total : totals) {
            String currency = total.getString(0);
            ReportingPeriod period = new ReportingPeriod(ContractRowMapping.localDate(total.get(1)),
                    ContractRowMapping.localDate(total.get(2)));
            ReceivablesTotals sums = new ReceivablesTotals(total.getDouble(3), total.getDouble(4), total.getDouble(5),
                    Math.min(total.getDouble(6), total.getDouble(5)));
            reports.add(new KpiReport(currency, new PortfolioKpis(period, sums),
                    RollRates.of(period, cellsByKey.getOrDefault(key(currency, period.end()), List.of()))));
        }
        reports.sort(Comparator.comparing(KpiReport::currency)
                .thenComparing(r -> r.kpis().period().end(), Comparator.reverseOrder()));
        return reports;
    }

    private static String key(String currency, LocalDate periodEnd) {
        return currency + "|" + periodEnd;
    }

    private static DpdBucket bucket(String wireName) {
        return DpdBucket.fromWire(wireName).orElseThrow(() -> new IllegalStateException("unknown bucket " + wireName));
    }

    private static void writeKpis(Configuration conf, OutputPublisher publisher, Config config, List<KpiReport> reports) {
        StringBuilder kpis = new StringBuilder(KpiReport.KPI_HEADER).append('\n');
        StringBuilder rolls = new StringBuilder(KpiReport.ROLL_HEADER).append('\n');
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("as_of", config.asOf().toString());
        json.put("amounts", amountsDescription(config.reporting()));
        json.put("formulas", "docs/KPIS.md");
        ArrayNode periods = json.putArray("periods");
        for (KpiReport report : reports) {
            kpis.append(report.kpiCsvLine()).append('\n');
            report.rollCsvLines().forEach(line -> rolls.append(line).append('\n'));
            periods.add(report.toJson());
        }
        TextFiles.write(conf, publisher.staging("kpis.csv"), kpis.toString());
        TextFiles.write(conf, publisher.staging("roll_rates.csv"), rolls.toString());
        TextFiles.write(conf, publisher.staging("kpis.json"), json.toPrettyString() + "\n");
    }

    static String amountsDescription(ReportingCurrency reporting) {
        return reporting.converts() ? "converted to " + reporting.code() : "in each invoice's currency";
    }

    private static void writeRunSummary(Configuration conf, OutputPublisher publisher, Config config, History history,
                                        boolean labelsObserved, LocalDate needed, long customers, long segmentRows,
                                        long scoredWithoutHistory, long historyWithoutScore) {
        ObjectNode summary = JsonNodeFactory.instance.objectNode();
        summary.put("command", "segments");
        summary.put("as_of", config.asOf().toString());
        summary.put("history", config.history());
        summary.put("scores", config.scores());
        summary.put("amounts", amountsDescription(config.reporting()));
        summary.put("dpd", config.label().dpdThreshold());
        summary.put("horizon", config.label().horizonDays());
        summary.put("labels_observed", labelsObserved);
        summary.put("labels_need_history_through", needed.toString());
        summary.put("customers", customers);
        summary.put("segment_rows", segmentRows);
        summary.put("scored_without_history", scoredWithoutHistory);
        summary.put("history_without_score", historyWithoutScore);
        summary.set("input", history.summary().toJsonTree());
        TextFiles.write(conf, publisher.staging(ScoreOutput.RUN_SUMMARY), summary.toPrettyString() + "\n");
    }
}

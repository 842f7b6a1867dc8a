package io.paysignal.pipeline.job;

import io.paysignal.core.definition.DelinquencyLabel;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.model.BinaryMetrics;
import io.paysignal.pipeline.io.History;
import io.paysignal.pipeline.io.HistoryReader;
import io.paysignal.pipeline.io.ReaderConfig;
import io.paysignal.pipeline.io.RejectsWriter;
import io.paysignal.pipeline.io.SingleCsvFile;
import io.paysignal.pipeline.io.TextFiles;
import io.paysignal.pipeline.io.TooManyRejectsException;
import io.paysignal.pipeline.spark.HistoryAssembler;
import io.paysignal.pipeline.spark.ShippedBundle;
import io.paysignal.pipeline.train.EvaluationReport;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * {@code riskctl evaluate}: scores every customer active on T (features from data dated on or before T) and,
 * when the history reaches T + H, compares the scores with the contract labels: AUC, KS, Brier, ECE, a
 * calibration table and lift by decile. With {@code --truth} (a generator's {@code label_probability.csv}) it
 * also reports the AUC the true probabilities reach on the same customers, the best any model can do.
 */
public final class EvaluateJob {

    /**
     * @param history the history directory
     * @param asOf T
     * @param model registry or version folder
     * @param out optional output directory for evaluation.txt / evaluation.json and the run's rejects.csv, written
     *        there even when too many rejects fail the run (null: print only)
     * @param truth optional truth file (customer_id, as_of, true_probability)
     * @param reader reader settings
     * @param scoredOut optional directory for {@value #SCORED_FILE}: one row per evaluated customer with its score
     *        and label (and true probability with {@code truth}), for notebooks; null: not written
     */
    public record Config(String history, LocalDate asOf, java.nio.file.Path model, String out, String truth,
                         ReaderConfig reader, String scoredOut) {

        /** Without a per-customer file. */
        public Config(String history, LocalDate asOf, java.nio.file.Path model, String out, String truth,
                      ReaderConfig reader) {
            this(history, asOf, model, out, truth, reader, null);
        }
    }

    /** The per-customer file written into {@code scoredOut}. */
    public static final String SCORED_FILE = "scored.csv";
    /** Its header. */
    public static final String SCORED_HEADER = "customer_id,as_of,risk_score,label,true_probability";

    /** The result: the report when labels were observable, and the text printed. */
    public record Outcome(EvaluationReport report, String text) {
    }

    private static final StructType SCORED = new StructType()
            .add("customer_id", DataTypes.StringType, false)
            .add("risk_score", DataTypes.DoubleType, false)
            .add("label", DataTypes.BooleanType, false);

    private EvaluateJob() {
    }

    public static Outcome run(SparkSession spark, Config config) throws IOException {
        ModelSource model = ModelSource.load(config.model());
        DelinquencyLabel label = model.bundle().manifest().label();
        History history;
        try {
            history = new HistoryReader(spark, config.reader()).read(config.history());
        } catch (TooManyRejectsException tooMany) {
            if (config.out() == null) {
                throw tooMany;
            }
            // Bad rows are never silently dropped (DATA-CONTRACT "Bad rows"), even by a run they make fail.
            try {
                new RejectsWriter().write(tooMany.history().rejects(), config.out());
            } finally {
                tooMany.history().release();
            }
            throw new IllegalStateException(tooMany.getMessage() + "; every rejected row is in " + config.out() + "/"
                    + RejectsWriter.FILE_NAME, tooMany);
        }
        try {
            if (config.out() != null) {
                new RejectsWriter().write(history.rejects(), config.out());
            }
            HistoryFacts facts = HistoryFacts.of(history);
            LocalDate needed = label.observedThrough(config.asOf());
            StringBuilder text = new StringBuilder();
            if (facts.lastActivity() == null || facts.lastActivity().isBefore(needed)) {
                text.append("history ends ").append(facts.lastActivity()).append("; labels as of ")
                        .append(config.asOf()).append(" need data through ").append(needed)
                        .append(" (T + H): no metrics. Score with `riskctl score` instead.\n");
                return new Outcome(null, text.toString());
            }
            Dataset<Row> scored = spark.createDataFrame(scoredWithLabels(spark, history, config.asOf(), model, label),
                    SCORED).cache();
            List<Row> collected = scored.select("risk_score", "label").collectAsList();
            double[] scores = new double[collected.size()];
            boolean[] labels = new boolean[collected.size()];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = collected.get(i).getDouble(0);
                labels[i] = collected.get(i).getBoolean(1);
            }
            EvaluationReport report = EvaluationReport.of(model.bundle().version(), config.asOf(), scores, labels);
            text.append(report.toText());
            if (config.truth() != null) {
                text.append(truthComparison(spark, scored, config));
            }
            if (config.scoredOut() != null) {
                writeScored(spark, scored, config);
            }
            scored.unpersist();
            if (config.out() != null) {
                Configuration hadoopConf = spark.sparkContext().hadoopConfiguration();
                TextFiles.write(hadoopConf, new Path(config.out(), "evaluation.txt").toString(), text.toString());
                TextFiles.write(hadoopConf, new Path(config.out(), "evaluation.json").toString(), report.toJson());
            }
            return new Outcome(report, text.toString());
        } finally {
            history.release();
        }
    }

    private static JavaRDD<Row> scoredWithLabels(SparkSession spark, History history, LocalDate asOf,
                                                 ModelSource model, DelinquencyLabel label) {
        Broadcast<ShippedBundle> bundle = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .broadcast(model.shipped());
        CustomerScoring scoring = new CustomerScoring(asOf, new Outreach(model.outreach()));
        // The whole history: features cut themselves at T, the label needs T + H.
        JavaRDD<CustomerHistory> active = HistoryAssembler.byCustomer(history, null)
                .filter(customer -> Snapshots.isActiveOn(customer, asOf));
        return active.mapPartitions(partition -> {
            Iterator<CustomerScoring.Scored> scored = scoring.scorePartition(partition, bundle.value().bundle());
            List<Row> rows = new ArrayList<>();
            while (scored.hasNext()) {
                CustomerScoring.Scored customer = scored.next();
                rows.add(RowFactory.create(customer.history().customerId(), customer.risk().riskScore(),
                        label.isDelinquent(customer.history(), asOf)));
            }
            return rows.iterator();
        });
    }

    /** Per customer: score, label (1/0) and, with a truth file, the true probability; ordered by customer. */
    private static void writeScored(SparkSession spark, Dataset<Row> scored, Config config) {
        Dataset<Row> rows = scored.select(col("customer_id"), lit(java.sql.Date.valueOf(config.asOf())).as("as_of"),
                col("risk_score"), col("label").cast(DataTypes.IntegerType).as("label"));
        if (config.truth() != null) {
            Dataset<Row> truth = spark.read().option("header", "true").csv(config.truth())
                    .filter(col("as_of").equalTo(config.asOf().toString()))
                    .select(col("customer_id"), col("true_probability").cast(DataTypes.DoubleType));
            rows = rows.join(truth, "customer_id", "left");
        } else {
            rows = rows.withColumn("true_probability", lit(null).cast(DataTypes.DoubleType));
        }
        SingleCsvFile.write(rows.select("customer_id", "as_of", "risk_score", "label", "true_probability")
                .orderBy("customer_id"), config.scoredOut(), SCORED_FILE, SCORED_HEADER);
    }

    private static String truthComparison(SparkSession spark, Dataset<Row> scored, Config config) {
        Dataset<Row> truth = spark.read().option("header", "true").csv(config.truth())
                .filter(col("as_of").equalTo(config.asOf().toString()))
                .select(col("customer_id"), col("true_probability").cast(DataTypes.DoubleType).as("truth"));
        List<Row> joined = scored.join(truth, "customer_id").select("risk_score", "truth", "label").collectAsList();
        if (joined.isEmpty()) {
            return "\ntruth: no rows for as_of " + config.asOf() + " in " + config.truth() + "\n";
        }
        double[] model = new double[joined.size()];
        double[] best = new double[joined.size()];
        boolean[] labels = new boolean[joined.size()];
        for (int i = 0; i < model.length; i++) {
            model[i] = joined.get(i).getDouble(0);
            best[i] = joined.get(i).getDouble(1);
            labels[i] = joined.get(i).getBoolean(2);
        }
        double modelAuc = BinaryMetrics.auc(model, labels);
        double truthAuc = BinaryMetrics.auc(best, labels);
        return String.format("%ntruth comparison on %d customers: model AUC %.4f, true-probability AUC %.4f,"
                + " ratio %.4f; model Brier %.4f vs truth Brier %.4f%n", model.length, modelAuc, truthAuc,
                modelAuc / truthAuc, BinaryMetrics.brier(model, labels), BinaryMetrics.brier(best, labels));
    }
}

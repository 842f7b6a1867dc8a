package io.paysignal.pipeline.job;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paysignal.core.feature.FeatureExtractor;
import io.paysignal.core.feature.FeatureNames;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.policy.OutreachDecision;
import io.paysignal.pipeline.io.History;
import io.paysignal.pipeline.io.OutputPublisher;
import io.paysignal.pipeline.io.ReaderConfig;
import io.paysignal.pipeline.io.RejectsWriter;
import io.paysignal.pipeline.io.SingleCsvFile;
import io.paysignal.pipeline.io.StreamingHistoryReader;
import io.paysignal.pipeline.io.TextFiles;
import io.paysignal.pipeline.io.TooManyRejectsException;
import io.paysignal.pipeline.spark.ShippedBundle;
import io.paysignal.pipeline.spark.SnapshotRows;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.CatalystTypeConverters;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Function1;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code riskctl score}: scores every customer of a history as of T and publishes, atomically, the score
 * table (DATA-CONTRACT section 4) with the per-customer feature snapshot under {@code OUT/features/}, the
 * run's {@code rejects.csv} and a {@code _run.json} describing the run. A run that fails because the history
 * has too many rejects publishes only {@code rejects.csv} and a failed {@code _run.json}
 * ({@link #publishRejectedRun}).
 */
public final class ScoreJob {

    private static final Logger LOG = LoggerFactory.getLogger(ScoreJob.class);

    /** Output formats of the score table. */
    public enum Format { PARQUET, CSV }

    /**
     * @param history the history directory (any Hadoop URI)
     * @param asOf T
     * @param model registry or version folder
     * @param out output directory (any Hadoop URI)
     * @param format score table format
     * @param reader reader settings
     */
    /**
     * @param model the bundle folder (or a registry) on the local disk
     * @param modelOrigin where that bundle came from, for {@code _run.json} (null: {@code model} itself); see
     *                    {@link io.paysignal.pipeline.io.ModelStore#fetch}
     */
    public record Config(String history, LocalDate asOf, java.nio.file.Path model, String out, Format format,
                         ReaderConfig reader, String modelOrigin) {

        /** A model read where it lies. */
        public Config(String history, LocalDate asOf, java.nio.file.Path model, String out, Format format,
                      ReaderConfig reader) {
            this(history, asOf, model, out, format, reader, null);
        }
    }

    /** What a scoring run produced. */
    public record Outcome(String out, String modelVersion, long customers) {
    }

    /** A customer's score-table row and feature-snapshot row side by side. */
    private static final StructType BOTH_SCHEMA = new StructType()
            .add("score", ScoreTable.SCHEMA, false)
            .add("features", SnapshotRows.schema(FeatureNames.names()), false);

    private ScoreJob() {
    }

    public static Outcome run(SparkSession spark, Config config) throws IOException {
        ModelSource model = ModelSource.load(config.model());
        StreamingHistoryReader.Result read;
        try {
            // One pass: the reader checks the history and scores each accepted customer's history, cut at T,
            // in the same tasks (HistoryReader's rules, without its cached tables and joins).
            read = new StreamingHistoryReader(spark, config.reader()).read(config.history(), config.asOf(),
                    BOTH_SCHEMA, new ScoreBatches(spark, config.asOf(), model));
        } catch (TooManyRejectsException tooMany) {
            String published = publishRejectedRun(spark, config, model, tooMany);
            throw new IllegalStateException(tooMany.getMessage() + "; every rejected row is in " + published + "/"
                    + RejectsWriter.FILE_NAME, tooMany);
        }
        History history = read.checked();
        try {
            history.summary().textLines().forEach(line -> LOG.info("input: {}", line));
            long customers = history.summary().table("customers").acceptedRows();
            return OutputPublisher.forTarget(config.out(), spark.sparkContext().hadoopConfiguration())
                    .publishAfter(publisher -> {
                        writeOutputs(spark, config, model, history, customers, read.payload(), publisher);
                        return new Outcome(publisher.target(), model.bundle().version(), customers);
                    });
        } finally {
            history.release();
        }
    }

    /**
     * The score table, the feature snapshot, {@code rejects.csv} and {@code _run.json}, into the staging directory.
     * Both tables come from one computation: each customer's two rows travel as one row of two structs ({@code
     * both}), persisted by the reader with its rejects and counts while the score table is written, and read back
     * for the snapshot (spilling to disk rather than recompute).
     */
    private static void writeOutputs(SparkSession spark, Config config, ModelSource model, History history,
                                     long customers, Dataset<Row> both, OutputPublisher publisher)
            throws IOException {
        Dataset<Row> scores = both.select("score.*");
        if (config.format() == Format.CSV) {
            SingleCsvFile.write(scores.orderBy("customer_id"), publisher.staging(), ScoreTable.CSV_FILE,
                    ScoreTable.CSV_HEADER);
        } else {
            scores.write().parquet(publisher.staging());
        }
        both.select("features.*").write().parquet(publisher.staging("features"));
        new RejectsWriter().write(history.rejects(), publisher.staging());
        writeRunSummary(spark, publisher.staging("_run.json"), config, model, history, customers);
    }

    /**
     * A run that fails for too many rejects still owes the data team its rejected rows (DATA-CONTRACT "Bad rows":
     * never silently dropped, written to {@code rejects.csv} in the run's output directory). {@code OUT} is
     * published, atomically as always, holding only {@code rejects.csv} and a {@code _run.json} whose
     * {@code status} is {@code failed}: no score table and no feature snapshot, so nothing can be served from
     * it. Returns the published directory.
     */
    static String publishRejectedRun(SparkSession spark, Config config, ModelSource model,
                                     TooManyRejectsException tooMany) throws IOException {
        return RejectedRun.publish(spark, config.out(), "_run.json", "score", tooMany, summary -> {
            summary.put("as_of", config.asOf().toString());
            summary.put("history", config.history());
            summary.put("model_version", model.bundle().version());
        });
    }

    /**
     * Scores a batch of histories into rows of {@link #BOTH_SCHEMA}, made internal rows in the task (what
     * {@code createDataFrame} would do to the external rows later).
     */
    private static final class ScoreBatches implements StreamingHistoryReader.BatchFunction {

        private static final long serialVersionUID = 1L;

        private final Broadcast<ShippedBundle> bundle;
        private final CustomerScoring scoring;
        private final LocalDate asOf;
        private final String version;
        private transient FeatureExtractor extractor;
        private transient Function1<Object, Object> toInternal;

        ScoreBatches(SparkSession spark, LocalDate asOf, ModelSource model) {
            this.bundle = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(model.shipped());
            this.scoring = new CustomerScoring(asOf, new Outreach(model.outreach()));
            this.asOf = asOf;
            this.version = model.bundle().version();
        }

        @Override
        public List<InternalRow> apply(List<CustomerHistory> batch) {
            if (toInternal == null) {
                extractor = new FeatureExtractor();
                toInternal = CatalystTypeConverters.createToCatalystConverter(BOTH_SCHEMA);
            }
            List<InternalRow> rows = new ArrayList<>(batch.size());
            for (CustomerScoring.Scored customer : scoring.scoreBatch(batch, bundle.value().bundle(), extractor)) {
                rows.add((InternalRow) toInternal.apply(RowFactory.create(scoreRow(customer, asOf, version),
                        SnapshotRows.toRow(customer.snapshot()))));
            }
            return rows;
        }
    }

    static Row scoreRow(CustomerScoring.Scored customer, LocalDate asOf, String version) {
        OutreachDecision decision = customer.decision();
        return RowFactory.create(customer.snapshot().customerId(), java.sql.Date.valueOf(asOf),
                customer.risk().riskScore(), customer.risk().tier().wireName(), customer.reasonCodesText(),
                decision.action().wireName(), decision.channel() == null ? null : decision.channel().wireName(),
                decision.contactAt() == null ? null : java.sql.Timestamp.from(decision.contactAt()), version);
    }

    private static void writeRunSummary(SparkSession spark, String path, Config config, ModelSource model,
                                        History history, long customers) throws IOException {
        ObjectNode summary = JsonNodeFactory.instance.objectNode();
        summary.put("command", "score");
        summary.put("status", "succeeded");
        summary.put("as_of", config.asOf().toString());
        summary.put("history", config.history());
        summary.put("model_version", model.bundle().version());
        summary.put("model_folder", config.modelOrigin() != null ? config.modelOrigin() : model.folder().toString());
        summary.put("format", config.format().name().toLowerCase(java.util.Locale.ROOT));
        summary.put("customers_scored", customers);
        summary.put("feature_schema", model.bundle().manifest().featureSchemaVersion());
        summary.put("outreach_policy", model.outreach().policy().policyVersion());
        summary.put("outreach_daily_delay_discount", model.outreach().policy().dailyDelayDiscount());
        summary.put("outreach_daily_delay_discount_source", model.outreach().delayDiscountSource());
        summary.put("outreach_source", model.outreachFromBundle() ? "bundle"
                : "default policy with an uninformed response model: the bundle predates outreach settings");
        summary.set("input", history.summary().toJsonTree());
        TextFiles.write(spark.sparkContext().hadoopConfiguration(), path, summary.toPrettyString());
    }
}

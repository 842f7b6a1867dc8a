package io.paysignal.pipeline.job;

import com.sun.management.OperatingSystemMXBean;
import io.paysignal.core.bundle.FeatureSchema;
import io.paysignal.core.bundle.ModelRegistry;
import io.paysignal.core.bundle.OutreachSettings;
import io.paysignal.core.definition.DelinquencyLabel;
import io.paysignal.core.feature.FeatureExtractor;
import io.paysignal.core.feature.FeatureNames;
import io.paysignal.core.feature.FeatureVector;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.pipeline.io.History;
import io.paysignal.pipeline.io.HistoryReader;
import io.paysignal.pipeline.io.ModelLocation;
import io.paysignal.pipeline.io.ModelStore;
import io.paysignal.pipeline.io.ReaderConfig;
import io.paysignal.pipeline.io.RejectsWriter;
import io.paysignal.pipeline.io.TooManyRejectsException;
import io.paysignal.pipeline.spark.HistoryAssembler;
import io.paysignal.pipeline.train.CustomerSample;
import io.paysignal.pipeline.train.ModelTrainer;
import io.paysignal.pipeline.train.TrainerConfig;
import io.paysignal.pipeline.train.TrainingRequest;
import io.paysignal.pipeline.train.TrainingResult;
import io.paysignal.pipeline.train.TrainingRow;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.RDDInfo;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * {@code riskctl train}: reads a history, builds labelled feature snapshots at several as-of dates no later
 * than T - H inside Spark tasks, trains the candidate models on the driver and publishes the winner as a new
 * version of the model registry (its {@code rejects.csv} and run summary in the version folder).
 */
public final class TrainJob {

    private static final Logger LOG = LoggerFactory.getLogger(TrainJob.class);
    /** The order training rows reach the trainer in: by snapshot date, then customer id. */
    static final Comparator<TrainingRow> TRAINING_ROW_ORDER = Comparator.comparing(TrainingRow::snapshot)
            .thenComparing(TrainingRow::customerId);
    /**
     * The assembled histories are read four times (training rows, then the three passes of the response model),
     * so they are cached, serialised. Caching them as objects (MEMORY_AND_DISK) was measured and is no cheaper:
     * Spark then spends more CPU estimating the objects' size (SizeEstimator) than serialising them costs.
     */
    static final StorageLevel HISTORIES_STORAGE = StorageLevel.MEMORY_AND_DISK_SER();
    /** Where failed runs' rejects go inside the registry (see {@link #publishRejectedRun}). */
    static final String REJECTED_RUNS = ".rejected";
    private static final DateTimeFormatter VERSION_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    /**
     * @param history the history directory (any Hadoop URI)
     * @param asOf T: every label must be observed by T
     * @param registry the model registry folder (local file system)
     * @param label D and H
     * @param reader reader settings (default currency, reject share)
     * @param schedule snapshot dates
     * @param trainer trainer hyper-parameters
     * @param gitCommit the source revision, recorded in the bundle
     * @param delayDiscountOverride a configured daily delay discount for the bundle's outreach policy, winning over
     *                              the one estimated from the history; null: the estimate
     */
    /**
     * @param registry the registry to publish into: a local folder or a folder on any Hadoop file system
     *                 ({@link ModelStore})
     */
    public record Config(String history, LocalDate asOf, ModelLocation registry, DelinquencyLabel label,
                         ReaderConfig reader, SnapshotSchedule schedule, TrainerConfig trainer, String gitCommit,
                         Double delayDiscountOverride) {

        /** A local registry. */
        public Config(String history, LocalDate asOf, Path registry, DelinquencyLabel label, ReaderConfig reader,
                      SnapshotSchedule schedule, TrainerConfig trainer, String gitCommit,
                      Double delayDiscountOverride) {
            this(history, asOf, ModelLocation.of(registry), label, reader, schedule, trainer, gitCommit,
                    delayDiscountOverride);
        }

        /** A local registry, without a delay-discount override: the bundle plans with the estimated discount. */
        public Config(String history, LocalDate asOf, Path registry, DelinquencyLabel label, ReaderConfig reader,
                      SnapshotSchedule schedule, TrainerConfig trainer, String gitCommit) {
            this(history, asOf, registry, label, reader, schedule, trainer, gitCommit, null);
        }
    }

    /**
     * What a training run produced.
     *
     * @param published the version folder in the registry (a local path or a Hadoop URI)
     */
    public record Outcome(String version, String published, TrainingResult result, List<LocalDate> snapshots,
                          long trainingRows, OutreachSettings outreach) {
    }

    private TrainJob() {
    }

    public static Outcome run(SparkSession spark, Config config) throws IOException {
        History history;
        try {
            history = new HistoryReader(spark, config.reader()).read(config.history());
        } catch (TooManyRejectsException tooMany) {
            String published = publishRejectedRun(spark, config, tooMany);
            throw new IllegalStateException(tooMany.getMessage() + "; every rejected row is in " + published + "/"
                    + RejectsWriter.FILE_NAME, tooMany);
        }
        try {
            history.summary().textLines().forEach(line -> LOG.info("input: {}", line));
            HistoryFacts facts = HistoryFacts.of(history);
            if (facts.firstActivity() == null) {
                throw new IllegalArgumentException("the history has no invoices: nothing to train on");
            }
            List<LocalDate> snapshots = config.schedule().dates(config.asOf(), config.label().horizonDays(),
                    facts.firstActivity());
            LOG.info("snapshots: {} ({} s of process CPU so far)", snapshots, processCpuSeconds());

            long customers = history.summary().table("customers").acceptedRows();
            int cap = config.trainer().maxTrainingRows();
            // Sample whole customers before anything reaches the driver, aiming a little above the cap so the
            // trainer's exact cap (same hash order) rarely has to drop more.
            double fraction = Math.min(1.0, 1.1 * cap / Math.max(1.0, (double) customers * snapshots.size()));
            CustomerSample sample = new CustomerSample(fraction, config.trainer().seed());
            DelinquencyLabel label = config.label();
            long snapshotStart = System.nanoTime();
            JavaRDD<CustomerHistory> histories = HistoryAssembler.byCustomer(history, config.asOf())
                    .persist(HISTORIES_STORAGE);
            List<String> featureNames = FeatureNames.names();
            List<TrainingRow> rows = new ArrayList<>();
            for (ShippedRow shipped : histories
                    .filter(customer -> sample.keeps(customer.customerId()))
                    .flatMap(customer -> ShippedRow.of(trainingRows(customer, snapshots, label), featureNames))
                    .collect()) {
                rows.add(shipped.toTrainingRow(featureNames));
            }
            // Spark hands rows back in partition order, which depends on the master and its parallelism (a
            // cluster's 200 shuffle partitions, a laptop's 8), and the learners depend on row order: a fixed
            // order makes the same history and seed give the same model wherever the job runs.
            rows.sort(TRAINING_ROW_ORDER);
            long trainingRows = rows.size();
            logStorage(spark, histories, millisSince(snapshotStart));
            LOG.info("{} training rows from {} customers (sampled fraction {})", rows.size(), customers,
                    String.format("%.3f", fraction));

            Instant now = Instant.now();
            String fingerprint = HistoryFacts.fingerprint(spark, config.history());
            TrainingRequest request = new TrainingRequest(FeatureSchema.ofThisBuild().version(), config.label(),
                    FeatureSchema.reasonCatalog(), fingerprint, config.gitCommit(), now);
            // The response model needs only the histories, the candidates only the rows: fitting it in Spark
            // while the driver fits the candidates puts the second core to work during the single-threaded
            // learners. Both are deterministic and share nothing, so the overlap changes no result.
            CompletableFuture<OutreachSettings> outreachFit = CompletableFuture.supplyAsync(() -> {
                long start = System.nanoTime();
                OutreachSettings fitted = OutreachTraining.fit(histories, config.asOf(), customers,
                        config.trainer().seed(), config.delayDiscountOverride());
                LOG.info("response model fitted in {} ms (beside the candidates)", millisSince(start));
                return fitted;
            }, runnable -> {
                Thread thread = new Thread(runnable, "riskctl-response-model");
                thread.setDaemon(true);
                thread.start();
            });
            TrainingResult result;
            try {
                result = new ModelTrainer(config.trainer()).train(rows, request);
            } catch (RuntimeException e) {
                outreachFit.cancel(true);
                throw e;
            }
            rows = null;
            long waitStart = System.nanoTime();
            OutreachSettings outreach = awaitResponseModel(outreachFit);
            LOG.info("waited {} ms for the response model after the candidates ({} s of process CPU so far)",
                    millisSince(waitStart), processCpuSeconds());

            long publishStart = System.nanoTime();
            String version = VERSION_TIME.format(now) + "-" + fingerprint.substring(0, 6);
            RejectsWriter rejects = new RejectsWriter();
            String published = publish(spark, config.registry(), version, result, staging -> {
                rejects.write(history.rejects(), staging.toUri().toString());
                Files.write(staging.resolve(OutreachSettings.FILE), outreach.toJson());
                Files.writeString(staging.resolve("run-summary.json"), history.summary().toJson(),
                        StandardCharsets.UTF_8);
            });
            LOG.info("published {} in {} ms ({} s of process CPU so far)", version, millisSince(publishStart),
                    processCpuSeconds());
            histories.unpersist(false);
            return new Outcome(version, published, result, snapshots, trainingRows, outreach);
        } finally {
            history.release();
        }
    }

    /**
     * Publishes the bundle and {@code extras} as {@code version} of {@code registry} and makes it current; returns
     * the version folder. A registry on another file system gets a version built and checked in a local scratch
     * registry first ({@link ModelRegistry#publish} reads it back), then copied up by {@link ModelStore#publish}.
     */
    private static String publish(SparkSession spark, ModelLocation registry, String version, TrainingResult result,
                                  ModelRegistry.ExtraFiles extras) throws IOException {
        if (registry.isLocal()) {
            return new ModelRegistry(registry.local()).publish(version, result.writer(), extras).toString();
        }
        Path scratch = Files.createTempDirectory("riskctl-registry-");
        try (ModelStore.Local local = ModelStore.Local.scratch(scratch)) {
            Path folder = new ModelRegistry(local.folder()).publish(version, result.writer(), extras);
            return ModelStore.publish(folder, version, registry, spark.sparkContext().hadoopConfiguration());
        }
    }

    /**
     * A training run that fails for too many rejects publishes no version, so its rejected rows cannot go in a
     * version folder. They go, with a failed {@code run-summary.json}, into {@code REGISTRY/.rejected/<time>/}:
     * inside the registry the data team already looks at, and hidden, so {@code models list}, the API and
     * {@code CURRENT} never take it for a version (their listings skip names starting with a dot).
     */
    static String publishRejectedRun(SparkSession spark, Config config, TooManyRejectsException tooMany)
            throws IOException {
        Instant now = Instant.now();
        ModelLocation registry = config.registry();
        String target = registry.isLocal()
                ? registry.local().resolve(REJECTED_RUNS).resolve(VERSION_TIME.format(now)).toUri().toString()
                : registry.resolve(REJECTED_RUNS + "/" + VERSION_TIME.format(now));
        return RejectedRun.publish(spark, target, "run-summary.json", "train", tooMany, summary -> {
            summary.put("as_of", config.asOf().toString());
            summary.put("history", config.history());
            summary.put("failed_at", now.toString());
        });
    }

    private static void logStorage(SparkSession spark, JavaRDD<CustomerHistory> histories, long millis) {
        for (RDDInfo info : spark.sparkContext().getRDDStorageInfo()) {
            if (info.id() == histories.id()) {
                LOG.info("histories assembled and rows built in {} ms ({} s of process CPU so far); cached {} of {}"
                        + " partitions: {} MB in memory, {} MB on disk ({})", millis, processCpuSeconds(),
                        info.numCachedPartitions(), info.numPartitions(), info.memSize() >> 20,
                        info.diskSize() >> 20, HISTORIES_STORAGE.description());
            }
        }
    }

    private static OutreachSettings awaitResponseModel(CompletableFuture<OutreachSettings> fit) throws IOException {
        try {
            return fit.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fitting the response model", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("response model failed: " + cause.getMessage(), cause);
        }
    }

    /** CPU time of the whole process (all threads, native ones included), for the phase log lines. */
    private static String processCpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
            return String.format(Locale.ROOT, "%.1f", os.getProcessCpuTime() / 1e9);
        }
        return "?";
    }

    private static long millisSince(long nanoStart) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoStart);
    }

    /**
     * A training row on its way from a Spark task to the driver: the values without the 60 feature names, which
     * are the same for every row. Shipping {@link TrainingRow}s spent a tenth of a 10k train's CPU in Java
     * serialisation of the task results (every row's names list, date and record constructor).
     */
    record ShippedRow(String customerId, long snapshotEpochDay, double[] values, boolean delinquent)
            implements Serializable {

        /** The rows of one customer without their names; IllegalStateException when a row has other names. */
        static Iterator<ShippedRow> of(List<TrainingRow> rows, List<String> names) {
            List<ShippedRow> shipped = new ArrayList<>(rows.size());
            for (TrainingRow row : rows) {
                if (!row.features().names().equals(names)) {
                    throw new IllegalStateException("features of customer " + row.customerId()
                            + " are not the schema's " + names.size() + " features");
                }
                shipped.add(new ShippedRow(row.customerId(), row.snapshot().toEpochDay(), row.features().values(),
                        row.delinquent()));
            }
            return shipped.iterator();
        }

        TrainingRow toTrainingRow(List<String> names) {
            return new TrainingRow(new FeatureVector(customerId, LocalDate.ofEpochDay(snapshotEpochDay), names,
                    values), delinquent);
        }
    }

    /** One labelled row per snapshot date on which the customer is active. */
    static List<TrainingRow> trainingRows(CustomerHistory customer, List<LocalDate> snapshots, DelinquencyLabel label) {
        FeatureExtractor extractor = new FeatureExtractor();
        List<TrainingRow> rows = new ArrayList<>(snapshots.size());
        for (LocalDate asOf : snapshots) {
            if (Snapshots.isActiveOn(customer, asOf)) {
                rows.add(new TrainingRow(extractor.extract(customer, asOf), label.isDelinquent(customer, asOf)));
            }
        }
        return rows;
    }
}

package io.paysignal.pipeline.job;

import io.paysignal.core.bundle.OutreachSettings;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.policy.OutreachConfig;
import io.paysignal.core.policy.OutreachPlanner;
import io.paysignal.core.replay.HeldOutSplit;
import io.paysignal.core.replay.OutreachEvaluation;
import io.paysignal.core.replay.OutreachReplay;
import io.paysignal.core.replay.SegmentBestHours;
import io.paysignal.core.replay.SlotProbability;
import io.paysignal.core.response.ResponseModel;
import io.paysignal.pipeline.generate.ResponseProfile;
import io.paysignal.pipeline.generate.ResponseTruth;
import io.paysignal.pipeline.io.History;
import io.paysignal.pipeline.io.HistoryReader;
import io.paysignal.pipeline.io.ReaderConfig;
import io.paysignal.pipeline.io.TextFiles;
import io.paysignal.pipeline.spark.HistoryAssembler;
import io.paysignal.pipeline.spark.ShippedBundle;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * {@code riskctl evaluate-outreach}: replays the outreach recommendations as of T offline. Every customer
 * active on T is scored and planned exactly as {@code riskctl score} does (the history cut at T, the
 * bundle's risk model, policy and response model), and the recommendation is compared, within the same
 * action, rules and search horizon, with the model's best allowed slot, a per-segment best-hour heuristic
 * and a random allowed slot, and with the contacts the existing policy really made in the held-out window
 * (T, T + window]. With a generator's truth every slot is also rated by the true response probability, and
 * the recommendation is measured as a share of the best allowed slot. Every recommendation is audited
 * against the contact rules.
 *
 * <p>The per-customer work runs in Spark tasks; only the summed {@link OutreachEvaluation} reaches the
 * driver.
 */
public final class OutreachEvaluationJob {

    /** Default length of the held-out window, in days. */
    public static final int DEFAULT_WINDOW_DAYS = 30;
    /** File name of the truth inside a generator's truth folder. */
    static final String RESPONSE_TRUTH_FILE = "response_truth.csv";

    /**
     * @param history the history directory
     * @param asOf T
     * @param model registry or version folder
     * @param truth a generator's truth folder or its {@code response_truth.csv}; null for none
     * @param out optional output directory for outreach-evaluation.txt / .json (null: print only)
     * @param windowDays length of the held-out window
     * @param seed seed of the random baseline
     * @param delayDiscount what-if: replan with this daily delay discount instead of the bundle's (null: the
     *                      bundle's)
     * @param searchHorizonDays what-if: replan over this many local days instead of the bundle's (null: the
     *                          bundle's)
     * @param reader reader settings
     * @param refitResponseModel what-if: choose and fit the response model again with this build's
     *                           {@link OutreachTraining} on the history up to T, as {@code train} would ship it,
     *                           instead of the bundle's (the risk model and policy stay the bundle's)
     */
    public record Config(String history, LocalDate asOf, java.nio.file.Path model, String truth, String out,
                         int windowDays, long seed, Double delayDiscount, Integer searchHorizonDays,
                         ReaderConfig reader, boolean refitResponseModel) {

        public Config {
            if (windowDays < 1) {
                throw new IllegalArgumentException("the held-out window must be at least 1 day, was " + windowDays);
            }
        }

        /** A run with the bundle's response model. */
        public Config(String history, LocalDate asOf, java.nio.file.Path model, String truth, String out,
                      int windowDays, long seed, Double delayDiscount, Integer searchHorizonDays, ReaderConfig reader) {
            this(history, asOf, model, truth, out, windowDays, seed, delayDiscount, searchHorizonDays, reader, false);
        }

        /** The bundle's outreach settings with this run's what-if changes applied. */
        OutreachSettings applyTo(OutreachSettings settings) {
            OutreachConfig policy = settings.policy();
            if (delayDiscount != null) {
                policy = policy.withDailyDelayDiscount(delayDiscount);
            }
            if (searchHorizonDays != null) {
                policy = policy.withSearchHorizonDays(searchHorizonDays);
            }
            return settings.withPolicy(policy);
        }

        /** A note on the what-if changes for the report; empty when the bundle's policy is evaluated as is. */
        String whatIf(OutreachSettings bundle) {
            StringBuilder note = new StringBuilder();
            if (delayDiscount != null) {
                note.append("daily delay discount ").append(delayDiscount).append(" instead of ")
                        .append(bundle.policy().dailyDelayDiscount());
            }
            if (searchHorizonDays != null) {
                note.append(note.length() == 0 ? "" : ", ").append("search horizon ").append(searchHorizonDays)
                        .append(" days instead of ").append(bundle.policy().searchHorizonDays());
            }
            if (refitResponseModel) {
                note.append(note.length() == 0 ? "" : ", ").append("response model refitted on the history up to T ")
                        .append("instead of the bundle's ").append(bundle.responseModel().settings().describe());
            }
            return note.toString();
        }
    }

    /** The summed evaluation and the text printed. */
    public record Outcome(OutreachEvaluation evaluation, String text, String json) {
    }

    private OutreachEvaluationJob() {
    }

    public static Outcome run(SparkSession spark, Config config) throws IOException {
        ModelSource bundled = ModelSource.load(config.model());
        History history = new HistoryReader(spark, config.reader()).read(config.history());
        JavaRDD<CustomerHistory> histories = null;
        try {
            HistoryFacts facts = HistoryFacts.of(history);
            LocalDate asOf = config.asOf();
            Instant earliest = Outreach.earliestContact(asOf);
            // Whole histories up to the end of the held-out window; each task cuts them at T again.
            histories = HistoryAssembler.byCustomer(history, asOf.plusDays(config.windowDays()))
                    .filter(customer -> Snapshots.isActiveOn(customer, asOf))
                    .persist(StorageLevel.MEMORY_AND_DISK_SER());
            OutreachSettings outreach = config.applyTo(bundled.outreach());
            if (config.refitResponseModel()) {
                int windowDays = config.windowDays();
                JavaRDD<CustomerHistory> known = histories.map(h -> HeldOutSplit.of(h, asOf, windowDays).known());
                OutreachTraining.Fitted refitted = OutreachTraining.fitResponseModel(known, asOf, known.count(),
                        config.seed());
                outreach = new OutreachSettings(outreach.policy(), refitted.model(), refitted.selection(),
                        outreach.delayDiscount());
            }
            ModelSource model = new ModelSource(bundled.folder(), bundled.bundle(), outreach,
                    bundled.outreachFromBundle(), bundled.shipped());
            SegmentBestHours heuristic = SegmentBestHours.fit(OutreachTraining.observations(histories, earliest),
                    SegmentBestHours.DEFAULT_MIN_ATTEMPTS);
            JavaRDD<OutreachReplay> replays = replays(spark, histories, config, model, heuristic);
            OutreachEvaluation evaluation = config.truth() == null
                    ? replays.map(replay -> OutreachEvaluation.of(replay, null))
                            .fold(OutreachEvaluation.empty(), OutreachEvaluation::plus)
                    : withTruth(spark, replays, truthFile(config.truth()));
            OutreachEvaluationReport report = new OutreachEvaluationReport(evaluation, asOf, config.windowDays(),
                    config.seed(), model.bundle().version(), model.outreach(), facts.lastActivity(),
                    config.truth(), heuristic, config.whatIf(bundled.outreach()));
            String text = report.toText();
            String json = report.toJson();
            if (config.out() != null) {
                Configuration hadoopConf = spark.sparkContext().hadoopConfiguration();
                TextFiles.write(hadoopConf, new Path(config.out(), "outreach-evaluation.txt").toString(), text);
                TextFiles.write(hadoopConf, new Path(config.out(), "outreach-evaluation.json").toString(), json);
            }
            return new Outcome(evaluation, text, json);
        } finally {
            if (histories != null) {
                histories.unpersist(false);
            }
            history.release();
        }
    }

    /** Per active customer, in Spark tasks: scored and planned as {@code score} does, then replayed. */
    static JavaRDD<OutreachReplay> replays(SparkSession spark, JavaRDD<CustomerHistory> histories, Config config,
                                           ModelSource model, SegmentBestHours heuristic) {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<ShippedBundle> bundle = context.broadcast(model.shipped());
        Broadcast<SegmentBestHours> ranking = context.broadcast(heuristic);
        LocalDate asOf = config.asOf();
        int windowDays = config.windowDays();
        long seed = config.seed();
        Instant earliest = Outreach.earliestContact(asOf);
        CustomerScoring scoring = new CustomerScoring(asOf, new Outreach(model.outreach()));
        OutreachPlanner planner = new OutreachPlanner(model.outreach().policy());
        ResponseModel responseModel = model.outreach().responseModel();
        return histories.mapPartitions(partition -> {
            // Scoring works in batches and keeps the input order: the splits wait here for their scores.
            Deque<HeldOutSplit> pending = new ArrayDeque<>();
            Iterator<CustomerHistory> known = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return partition.hasNext();
                }

                @Override
                public CustomerHistory next() {
                    HeldOutSplit split = HeldOutSplit.of(partition.next(), asOf, windowDays);
                    pending.addLast(split);
                    return split.known();
                }
            };
            Iterator<CustomerScoring.Scored> scored = scoring.scorePartition(known, bundle.value().bundle());
            return new Iterator<OutreachReplay>() {
                @Override
                public boolean hasNext() {
                    return scored.hasNext();
                }

                @Override
                public OutreachReplay next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    CustomerScoring.Scored customer = scored.next();
                    HeldOutSplit split = pending.removeFirst();
                    if (!split.known().customerId().equals(customer.history().customerId())) {
                        throw new IllegalStateException("scores came back out of order: " + customer.history().customerId()
                                + " after " + split.known().customerId());
                    }
                    return OutreachReplay.of(split, asOf, earliest, customer.risk().tier(), customer.decision(),
                            planner, responseModel, ranking.value(), seed);
                }
            };
        });
    }

    /** Joins each replay with its customer's true response profile (read by Spark) and sums. */
    private static OutreachEvaluation withTruth(SparkSession spark, JavaRDD<OutreachReplay> replays, String truthFile) {
        JavaRDD<String> lines = spark.read().textFile(truthFile).javaRDD();
        if (lines.isEmpty() || !ResponseTruth.isHeader(lines.first())) {
            throw new IllegalArgumentException(truthFile + " is not a generator's response truth file");
        }
        JavaPairRDD<String, ResponseProfile> profiles = lines
                .filter(line -> !line.isBlank() && !ResponseTruth.isHeader(line))
                .mapToPair(line -> {
                    ResponseProfile profile = ResponseTruth.parseLine(line);
                    return new Tuple2<>(profile.customerId(), profile);
                });
        return replays.mapToPair(replay -> new Tuple2<>(replay.customerId(), replay))
                .leftOuterJoin(profiles)
                .map(pair -> {
                    OutreachReplay replay = pair._2()._1();
                    SlotProbability truth = pair._2()._2().isPresent() ? truthOf(pair._2()._2().get()) : null;
                    return OutreachEvaluation.of(replay, truth);
                })
                .fold(OutreachEvaluation.empty(), OutreachEvaluation::plus);
    }

    /** The generator's true response function of one customer. */
    static SlotProbability truthOf(ResponseProfile profile) {
        return key -> ResponseTruth.probability(profile, key.channel(), key.localHour(), key.dayOfWeek());
    }

    /** {@code --truth} names the truth folder or the file itself. */
    static String truthFile(String truth) {
        return truth.endsWith(".csv") ? truth : new Path(truth, RESPONSE_TRUTH_FILE).toString();
    }
}

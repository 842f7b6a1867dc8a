package io.paysignal.pipeline.cli;

import io.paysignal.pipeline.io.ReaderConfig;
import io.paysignal.pipeline.job.OutreachEvaluationJob;
import io.paysignal.pipeline.io.ModelStore;
import io.paysignal.pipeline.spark.SparkSessions;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code riskctl evaluate-outreach}: offline evaluation of the outreach recommendations as of T. */
@Command(name = "evaluate-outreach", mixinStandardHelpOptions = true,
        description = "Replay the outreach recommendations as of T: estimated (and, with --truth, true) response of"
                + " the recommended slots vs the best allowed slot, a per-segment best-hour heuristic, random"
                + " allowed slots and the existing policy's contacts in the held-out window; audit every"
                + " recommendation against the contact rules.")
final class EvaluateOutreachCommand implements Callable<Integer> {

    @Mixin
    ScoringInputs inputs = new ScoringInputs();

    @Option(names = "--truth", paramLabel = "DIR",
            description = "A generator's truth folder (or its response_truth.csv): also rate every slot by the true"
                    + " response probability.")
    String truth;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Also write outreach-evaluation.txt and outreach-evaluation.json here.")
    String out;

    @Option(names = "--window-days", paramLabel = "DAYS", defaultValue = "30",
            description = "Length of the held-out window after T (default: ${DEFAULT-VALUE}).")
    int windowDays;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed of the random-slot baseline (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--delay-discount", paramLabel = "X",
            description = "What-if: replan with this value per day of delay (0 < X <= 1) instead of the bundle's.")
    Double delayDiscount;

    @Option(names = "--search-horizon-days", paramLabel = "DAYS",
            description = "What-if: replan over this many local days instead of the bundle's search horizon.")
    Integer searchHorizonDays;

    @Option(names = "--refit-response-model",
            description = "What-if: choose and fit the response model again on the history up to T with this build's"
                    + " code, as train would, instead of using the bundle's (risk model and policy stay the bundle's).")
    boolean refitResponseModel;

    @Mixin
    SparkOptions sparkOptions = new SparkOptions();

    @Override
    public Integer call() throws Exception {
        SparkSession spark = SparkSessions.start("riskctl-evaluate-outreach", sparkOptions.master);
        try (ModelStore.Local model = inputs.fetchModel(spark)) {
            OutreachEvaluationJob.Config config = new OutreachEvaluationJob.Config(inputs.history, inputs.asOf,
                    model.folder(), truth, out, windowDays, seed, delayDiscount, searchHorizonDays,
                    new ReaderConfig(sparkOptions.defaultCurrency, sparkOptions.maxRejectShare), refitResponseModel);
            System.out.print(OutreachEvaluationJob.run(spark, config).text());
            return 0;
        } finally {
            spark.stop();
        }
    }
}

package io.paysignal.pipeline.cli;

import io.paysignal.pipeline.io.ReaderConfig;
import io.paysignal.pipeline.job.EvaluateJob;
import io.paysignal.pipeline.io.ModelStore;
import io.paysignal.pipeline.spark.SparkSessions;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code riskctl evaluate}: DATA-CONTRACT section 3. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Score as of T and, when the history reaches T + H, print AUC, KS, Brier, ECE, a calibration"
                + " table and lift by decile against the labels.")
final class EvaluateCommand implements Callable<Integer> {

    @Mixin
    ScoringInputs inputs = new ScoringInputs();

    @Option(names = "--out", paramLabel = "DIR", description = "Also write evaluation.txt, evaluation.json and the run's rejects.csv here.")
    String out;

    @Option(names = "--truth", paramLabel = "FILE",
            description = "A generator's truth/label_probability.csv: also report the true probabilities' AUC.")
    String truth;

    @Option(names = "--scored-out", paramLabel = "DIR",
            description = "Also write DIR/scored.csv: customer_id, as_of, risk_score, label and (with --truth)"
                    + " true_probability per evaluated customer, when the labels are observable.")
    String scoredOut;

    @Mixin
    SparkOptions sparkOptions = new SparkOptions();

    @Override
    public Integer call() throws Exception {
        SparkSession spark = SparkSessions.start("riskctl-evaluate", sparkOptions.master);
        try (ModelStore.Local model = inputs.fetchModel(spark)) {
            EvaluateJob.Config config = new EvaluateJob.Config(inputs.history, inputs.asOf, model.folder(), out, truth,
                    new ReaderConfig(sparkOptions.defaultCurrency, sparkOptions.maxRejectShare), scoredOut);
            System.out.print(EvaluateJob.run(spark, config).text());
            return 0;
        } finally {
            spark.stop();
        }
    }
}

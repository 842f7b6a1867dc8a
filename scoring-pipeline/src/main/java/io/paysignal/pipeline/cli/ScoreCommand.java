package io.paysignal.pipeline.cli;

import io.paysignal.pipeline.io.ReaderConfig;
import io.paysignal.pipeline.job.ScoreJob;
import io.paysignal.pipeline.io.ModelStore;
import io.paysignal.pipeline.spark.SparkSessions;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code riskctl score}: DATA-CONTRACT sections 3 and 4. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score every customer as of T: score table, feature snapshot (OUT/features/) and rejects.csv,"
                + " published atomically.")
final class ScoreCommand implements Callable<Integer> {

    @Mixin
    ScoringInputs inputs = new ScoringInputs();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (local or any Hadoop URI).")
    String out;

    @Option(names = "--format", paramLabel = "parquet|csv", defaultValue = "parquet",
            description = "Score table format: parquet (default) or csv (one file scores.csv).")
    String format;

    @Mixin
    SparkOptions sparkOptions = new SparkOptions();

    @Override
    public Integer call() throws Exception {
        ScoreJob.Format tableFormat = switch (format.toLowerCase(Locale.ROOT)) {
            case "parquet" -> ScoreJob.Format.PARQUET;
            case "csv" -> ScoreJob.Format.CSV;
            default -> throw new IllegalArgumentException("--format must be parquet or csv, was " + format);
        };
        SparkSession spark = SparkSessions.start("riskctl-score", sparkOptions.master);
        try (ModelStore.Local model = inputs.fetchModel(spark)) {
            ScoreJob.Config config = new ScoreJob.Config(inputs.history, inputs.asOf, model.folder(), out, tableFormat,
                    new ReaderConfig(sparkOptions.defaultCurrency, sparkOptions.maxRejectShare), model.origin());
            ScoreJob.Outcome outcome = ScoreJob.run(spark, config);
            System.out.println("scored " + outcome.customers() + " customers as of " + inputs.asOf + " with model "
                    + outcome.modelVersion() + " into " + outcome.out());
            return 0;
        } finally {
            spark.stop();
        }
    }
}

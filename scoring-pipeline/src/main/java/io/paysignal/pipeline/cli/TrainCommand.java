package io.paysignal.pipeline.cli;

import io.paysignal.core.bundle.CandidateReport;
import io.paysignal.core.model.MetricSummary;
import io.paysignal.pipeline.io.ModelLocation;
import io.paysignal.pipeline.io.ReaderConfig;
import io.paysignal.pipeline.job.SnapshotSchedule;
import io.paysignal.pipeline.job.TrainJob;
import io.paysignal.pipeline.spark.SparkSessions;
import io.paysignal.pipeline.train.TrainerConfig;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.util.concurrent.Callable;

/** {@code riskctl train}: DATA-CONTRACT section 3. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train on labelled snapshots no later than T - H and publish a model bundle into a registry.")
final class TrainCommand implements Callable<Integer> {

    @Option(names = "--history", required = true, paramLabel = "DIR", description = "History directory (local or any Hadoop URI).")
    String history;

    @Option(names = "--as-of", required = true, paramLabel = "T", description = "As-of date yyyy-MM-dd; every label is observed by T.")
    LocalDate asOf;

    @Option(names = "--model-out", required = true, paramLabel = "DIR", description = "Model registry folder (local or any Hadoop URI).")
    ModelLocation modelOut;

    @Mixin
    LabelOptions labelOptions = new LabelOptions();

    @Mixin
    SparkOptions sparkOptions = new SparkOptions();

    @Option(names = "--snapshots", paramLabel = "N", defaultValue = "12",
            description = "Snapshot dates at most (default: ${DEFAULT-VALUE}).")
    int snapshots;

    @Option(names = "--snapshot-step-days", paramLabel = "DAYS", defaultValue = "30",
            description = "Days between snapshot dates (default: ${DEFAULT-VALUE}).")
    int snapshotStepDays;

    @Option(names = "--trainer-config", paramLabel = "FILE|NAME",
            description = "Trainer hyper-parameters: a properties file, or the name of one bundled in the jar"
                    + " (trainers-v1, trainers-v2; default: " + TrainerConfig.DEFAULT_NAME + ").")
    String trainerConfig;

    @Option(names = "--max-training-rows", paramLabel = "N",
            description = "Cap on training rows, whole customers kept by seeded hash (default: the trainer config's).")
    Integer maxTrainingRows;

    @Option(names = "--delay-discount", paramLabel = "X",
            description = "Daily delay discount of the bundle's outreach policy, in (0, 1]; overrides the one"
                    + " estimated from the history's cure rates of overdue invoices (default: the estimate).")
    Double delayDiscount;

    @Override
    public Integer call() throws Exception {
        if (delayDiscount != null && !(delayDiscount > 0 && delayDiscount <= 1)) {
            throw new IllegalArgumentException("--delay-discount must be in (0, 1], was " + delayDiscount);
        }
        TrainerConfig trainer = TrainerConfig.fileOrBundled(trainerConfig == null ? TrainerConfig.DEFAULT_NAME
                : trainerConfig);
        if (maxTrainingRows != null) {
            trainer = trainer.withMaxTrainingRows(maxTrainingRows);
        }
        TrainJob.Config config = new TrainJob.Config(history, asOf, modelOut, labelOptions.label(),
                new ReaderConfig(sparkOptions.defaultCurrency, sparkOptions.maxRejectShare),
                new SnapshotSchedule(snapshots, snapshotStepDays, SnapshotSchedule.DEFAULT.minHistoryDays()),
                trainer, BuildInfo.gitCommit(), delayDiscount);
        SparkSession spark = SparkSessions.start("riskctl-train", sparkOptions.master);
        try {
            TrainJob.Outcome outcome = TrainJob.run(spark, config);
            System.out.println("published model " + outcome.version() + " to " + outcome.published());
            System.out.println("snapshots " + outcome.snapshots() + ", " + outcome.trainingRows() + " training rows");
            String chosen = outcome.result().manifest().chosenCandidate();
            for (CandidateReport candidate : outcome.result().manifest().candidates()) {
                System.out.printf("  %-10s %-22s validation AUC %.4f  KS %.4f  Brier %.4f  ECE %.4f%s%n",
                        candidate.name(), candidate.learner(), candidate.validation().auc(),
                        candidate.validation().ks(), candidate.validation().brier(), candidate.validation().ece(),
                        candidate.name().equals(chosen) ? "  <- chosen" : "");
            }
            MetricSummary calibrated = outcome.result().manifest().chosenCalibrated();
            System.out.println("outreach delay discount " + outcome.outreach().policy().dailyDelayDiscount()
                    + "/day: " + outcome.outreach().delayDiscountSource());
            System.out.printf("  calibrated (cross-fitted on the validation snapshot): AUC %.4f  Brier %.4f  ECE %.4f%n",
                    calibrated.auc(), calibrated.brier(), calibrated.ece());
            return 0;
        } finally {
            spark.stop();
        }
    }
}

package io.paysignal.pipeline.cli;

import io.paysignal.core.definition.DelinquencyLabel;
import io.paysignal.core.monitoring.QuantileBins;
import io.paysignal.core.monitoring.StabilityBand;
import io.paysignal.pipeline.io.ReaderConfig;
import io.paysignal.pipeline.job.DriftJob;
import io.paysignal.pipeline.job.DriftReport;
import io.paysignal.pipeline.spark.SparkSessions;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code riskctl drift}: population stability and model decay between two score outputs (docs/MONITORING.md). */
@Command(name = "drift", mixinStandardHelpOptions = true,
        description = "PSI of the score and CSI of every feature between two `riskctl score` outputs (bins at the"
                + " baseline's deciles), and with --labels-history AUC/KS/Brier/ECE decay. Exit status "
                + DriftCommand.EXIT_DRIFT + " when a PSI/CSI exceeds --threshold-psi (or the AUC drop exceeds"
                + " --max-auc-drop), so a scheduler can trigger retraining.")
final class DriftCommand implements Callable<Integer> {

    /** Exit status when the populations drifted past a threshold; 0 within, 1 and 2 are failures and usage errors. */
    static final int EXIT_DRIFT = 3;

    @Option(names = "--baseline", required = true, paramLabel = "DIR",
            description = "Baseline `riskctl score` output directory (score table and features/).")
    String baseline;

    @Option(names = "--current", required = true, paramLabel = "DIR",
            description = "Current `riskctl score` output directory.")
    String current;

    @Option(names = "--threshold-psi", paramLabel = "PSI", defaultValue = "" + StabilityBand.SIGNIFICANT_ABOVE,
            description = "Exit " + EXIT_DRIFT + " when the score PSI or any feature CSI is above this (default: ${DEFAULT-VALUE}).")
    double thresholdPsi;

    @Option(names = "--bins", paramLabel = "N", defaultValue = "" + QuantileBins.DEFAULT_BINS,
            description = "Bins per variable, cut at the baseline's quantiles (default: ${DEFAULT-VALUE}).")
    int bins;

    @Option(names = "--labels-history", paramLabel = "DIR",
            description = "History to observe labels in: AUC/KS/Brier/ECE of each population whose T + H it covers,"
                    + " against the bundle's validation metrics and each other.")
    String labelsHistory;

    @Option(names = "--max-auc-drop", paramLabel = "DROP",
            description = "Also exit " + EXIT_DRIFT + " when any reported AUC drop is above this (default: not checked).")
    Double maxAucDrop;

    @Option(names = "--dpd", paramLabel = "D", description = "Label threshold D (default: the bundle's, else 30).")
    Integer dpd;

    @Option(names = "--horizon", paramLabel = "H", description = "Label horizon H (default: the bundle's, else 90).")
    Integer horizon;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Also write drift.csv, drift_bins.csv, metrics.csv and drift.json here (published atomically).")
    String out;

    @Mixin
    SparkOptions sparkOptions = new SparkOptions();

    @Override
    public Integer call() {
        DelinquencyLabel label = dpd == null && horizon == null ? null
                : new DelinquencyLabel(dpd == null ? DelinquencyLabel.DEFAULT_DPD : dpd,
                        horizon == null ? DelinquencyLabel.DEFAULT_HORIZON : horizon);
        DriftJob.Config config = new DriftJob.Config(baseline, current, bins, thresholdPsi, maxAucDrop, labelsHistory,
                label, new ReaderConfig(sparkOptions.defaultCurrency, sparkOptions.maxRejectShare));
        SparkSession spark = SparkSessions.start("riskctl-drift", sparkOptions.master);
        try {
            DriftJob.Outcome outcome = DriftJob.run(spark, config);
            System.out.print(DriftReport.text(outcome));
            if (out != null) {
                System.out.println("written to " + DriftReport.write(spark.sparkContext().hadoopConfiguration(),
                        outcome, out));
            }
            if (!outcome.breaches().isEmpty()) {
                System.err.println("riskctl drift: over threshold: " + String.join("; ", outcome.breaches()));
                return EXIT_DRIFT;
            }
            return 0;
        } finally {
            spark.stop();
        }
    }
}

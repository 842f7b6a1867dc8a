package io.paysignal.pipeline.job;

import io.paysignal.core.bundle.CandidateReport;
import io.paysignal.core.bundle.FeatureSchema;
import io.paysignal.core.definition.DelinquencyLabel;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.pipeline.io.History;
import io.paysignal.pipeline.io.HistoryReader;
import io.paysignal.pipeline.io.ReaderConfig;
import io.paysignal.pipeline.spark.HistoryAssembler;
import io.paysignal.pipeline.spark.SparkSessions;
import io.paysignal.pipeline.train.CustomerSample;
import io.paysignal.pipeline.train.ModelTrainer;
import io.paysignal.pipeline.train.TrainerConfig;
import io.paysignal.pipeline.train.TrainingRequest;
import io.paysignal.pipeline.train.TrainingResult;
import io.paysignal.pipeline.train.TrainingRow;
import org.apache.spark.sql.SparkSession;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Bench-only main: builds the training rows of {@code riskctl train} once (same schedule, sampling and order)
 * and trains them with several trainer configurations in turn, printing each candidate's validation figures
 * and fit time, so learner settings (epochs, tree method, threads) are compared on the same rows.
 * Usage: {@code CandidateSweep HISTORY AS_OF CONFIG...} (a CONFIG is a file or a bundled name).
 */
public final class CandidateSweep {

    private CandidateSweep() {
    }

    public static void main(String[] args) throws Exception {
        String historyDir = args[0];
        LocalDate asOf = LocalDate.parse(args[1]);
        List<TrainerConfig> configs = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            configs.add(TrainerConfig.fileOrBundled(args[i]));
        }
        SparkSession spark = SparkSessions.start("candidate-sweep", null);
        try {
            History history = new HistoryReader(spark, ReaderConfig.defaults()).read(historyDir);
            DelinquencyLabel label = DelinquencyLabel.defaults();
            List<LocalDate> snapshots = SnapshotSchedule.DEFAULT.dates(asOf, label.horizonDays(),
                    HistoryFacts.of(history).firstActivity());
            long customers = history.summary().table("customers").acceptedRows();
            int cap = configs.get(0).maxTrainingRows();
            double fraction = Math.min(1.0, 1.1 * cap / Math.max(1.0, (double) customers * snapshots.size()));
            CustomerSample sample = new CustomerSample(fraction, configs.get(0).seed());
            List<CustomerHistory> kept = HistoryAssembler.byCustomer(history, asOf)
                    .filter(c -> sample.keeps(c.customerId())).collect();
            List<TrainingRow> rows = new ArrayList<>();
            for (CustomerHistory customer : kept) {
                rows.addAll(TrainJob.trainingRows(customer, snapshots, label));
            }
            rows.sort(TrainJob.TRAINING_ROW_ORDER);
            history.release();
            TrainingRequest request = new TrainingRequest(FeatureSchema.ofThisBuild().version(), label,
                    FeatureSchema.reasonCatalog(), "sweep", "sweep", Instant.parse("2026-01-01T00:00:00Z"));
            System.out.println("rows " + rows.size());
            for (TrainerConfig config : configs) {
                TrainingResult result = new ModelTrainer(config).train(rows, request);
                for (CandidateReport c : result.manifest().candidates()) {
                    System.out.printf(Locale.ROOT, "sweep %s %s %s auc=%.4f ks=%.4f brier=%.4f ece=%.4f fit_ms=%d"
                                    + " load1=%s%n", config.version(), c.name(), c.hyperParameters(),
                            c.validation().auc(), c.validation().ks(), c.validation().brier(), c.validation().ece(),
                            c.fitMillis(), new String(java.nio.file.Files.readAllBytes(
                                    java.nio.file.Path.of("/proc/loadavg"))).split(" ")[0]);
                }
            }
        } finally {
            spark.stop();
        }
    }
}

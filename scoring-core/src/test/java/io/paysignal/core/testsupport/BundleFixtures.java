package io.paysignal.core.testsupport;

import io.paysignal.core.bundle.BundleManifest;
import io.paysignal.core.bundle.BundleWriter;
import io.paysignal.core.bundle.CandidateReport;
import io.paysignal.core.bundle.PositiveClassScorer;
import io.paysignal.core.bundle.SerializedModel;
import io.paysignal.core.bundle.TrainingWindow;
import io.paysignal.core.definition.DelinquencyLabel;
import io.paysignal.core.feature.FeatureVector;
import io.paysignal.core.model.BinaryMetrics;
import io.paysignal.core.model.IsotonicCalibration;
import io.paysignal.core.model.ReasonCode;
import io.paysignal.core.model.TierCutoffs;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.MeanStdDevTransformation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Small, deterministic Tribuo models and manifests for bundle tests. */
public final class BundleFixtures {

    /** The feature names of every fixture. */
    public static final List<String> FEATURES = List.of("max_days_past_due_90d", "open_balance_share",
            "invoices_90d", "tenure_days");
    /** The fixtures' feature-schema version. */
    public static final String SCHEMA_VERSION = "fixture-features-v1";
    /** The instant fixtures claim to be created at. */
    public static final Instant CREATED_AT = Instant.parse("2026-01-15T10:00:00Z");

    private BundleFixtures() {
    }

    /** Which learner a fixture uses. */
    public enum Learner { LINEAR, XGBOOST }

    /** A fitted model together with the rows it was calibrated on. */
    public record Fitted(Model<Label> model, List<double[]> holdout, boolean[] holdoutLabels) {
    }

    /** Rows with a known logistic relation: risk rises with DPD and open share, falls with tenure. */
    public static List<double[]> rows(Random random, int count) {
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new double[] {random.nextInt(60), random.nextDouble(), random.nextInt(12),
                    random.nextInt(2000)});
        }
        return rows;
    }

    /** The true probability of delinquency for a fixture row. */
    public static double trueProbability(double[] row) {
        double logit = -2.0 + 0.06 * row[0] + 1.5 * row[1] + 0.05 * row[2] - 0.0008 * row[3];
        return 1.0 / (1.0 + Math.exp(-logit));
    }

    /** Fits a learner on 600 seeded rows and keeps 400 more as a calibration hold-out. */
    public static Fitted fit(Learner learner, long seed) {
        Random random = new Random(seed);
        List<double[]> train = rows(random, 600);
        boolean[] trainLabels = labels(random, train);
        List<double[]> holdout = rows(random, 400);
        boolean[] holdoutLabels = labels(random, holdout);
        MutableDataset<Label> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance("bundle fixture", CREATED_AT.atOffset(ZoneOffset.UTC),
                        new LabelFactory()), new LabelFactory());
        for (int i = 0; i < train.size(); i++) {
            dataset.add(PositiveClassScorer.example(FEATURES, train.get(i), trainLabels[i]));
        }
        Trainer<Label> trainer = switch (learner) {
            case LINEAR -> new TransformTrainer<>(
                    new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1), 10, -1, 1, seed),
                    new TransformationMap(List.of(new MeanStdDevTransformation())), true);
            case XGBOOST -> new XGBoostClassificationTrainer(10, 0.3, 0, 3, 1, 1, 1, 1, 0, 1, true, seed);
        };
        return new Fitted(trainer.train(dataset), holdout, holdoutLabels);
    }

    private static boolean[] labels(Random random, List<double[]> rows) {
        boolean[] labels = new boolean[rows.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = random.nextDouble() < trueProbability(rows.get(i));
        }
        return labels;
    }

    /** A complete manifest describing {@code fitted}, calibrated on its hold-out. */
    public static BundleManifest manifest(Fitted fitted, SerializedModel serialized, Learner learner) {
        double[] raw = new PositiveClassScorer(fitted.model(), FEATURES).positiveProbabilities(fitted.holdout());
        IsotonicCalibration calibration = IsotonicCalibration.fit(raw, fitted.holdoutLabels());
        double[] calibrated = calibration.applyAll(raw);
        String name = learner.name().toLowerCase();
        CandidateReport report = new CandidateReport(name, name, Map.of("seed", "7"),
                BinaryMetrics.of(raw, fitted.holdoutLabels()).summary(), 12);
        return new BundleManifest(BundleManifest.CURRENT_FORMAT_VERSION, SCHEMA_VERSION, FEATURES,
                medians(fitted.holdout()),
                Map.of("max_days_past_due_90d", new ReasonCode("HIGH_DPD_90D",
                        "An invoice ran far past due in the last 90 days")),
                calibration, TierCutoffs.fromTopShares(calibrated, 0.1, 0.3), DelinquencyLabel.defaults(),
                new TrainingWindow(LocalDate.of(2025, 6, 30), LocalDate.of(2025, 9, 30),
                        List.of(LocalDate.of(2025, 6, 30), LocalDate.of(2025, 9, 30)), LocalDate.of(2025, 9, 30),
                        600, 400),
                "fixture-data-" + learner.name().toLowerCase(), List.of(report), name,
                BinaryMetrics.of(calibrated, fitted.holdoutLabels()).summary(), Map.of("config.version", "fixture"),
                fitted.model().getProvenance().toString(), "0000000000000000000000000000000000000000", CREATED_AT,
                BundleWriter.MODEL_FILE, serialized.sha256());
    }

    /** A ready-to-write bundle for a freshly fitted learner. */
    public static BundleWriter writer(Learner learner, long seed) {
        Fitted fitted = fit(learner, seed);
        SerializedModel serialized = SerializedModel.of(fitted.model());
        return new BundleWriter(manifest(fitted, serialized, learner), serialized);
    }

    /** A fixture feature vector. */
    public static FeatureVector vector(String customerId, double... values) {
        return new FeatureVector(customerId, LocalDate.of(2026, 1, 15), FEATURES, values);
    }

    private static double[] medians(List<double[]> rows) {
        double[] medians = new double[FEATURES.size()];
        for (int j = 0; j < medians.length; j++) {
            int column = j;
            double[] values = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
            int mid = values.length / 2;
            medians[j] = values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2.0;
        }
        return Arrays.copyOf(medians, medians.length);
    }
}

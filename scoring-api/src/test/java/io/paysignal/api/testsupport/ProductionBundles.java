package io.paysignal.api.testsupport;

import io.paysignal.core.bundle.BundleManifest;
import io.paysignal.core.bundle.BundleWriter;
import io.paysignal.core.bundle.CandidateReport;
import io.paysignal.core.bundle.FeatureSchema;
import io.paysignal.core.bundle.ModelRegistry;
import io.paysignal.core.bundle.PositiveClassScorer;
import io.paysignal.core.bundle.SerializedModel;
import io.paysignal.core.bundle.TrainingWindow;
import io.paysignal.core.definition.DelinquencyLabel;
import io.paysignal.core.feature.FeatureExtractor;
import io.paysignal.core.feature.FeatureVector;
import io.paysignal.core.model.BinaryMetrics;
import io.paysignal.core.model.IsotonicCalibration;
import io.paysignal.core.model.TierCutoffs;
import io.paysignal.core.snapshot.CustomerSnapshot;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Real model bundles of this build's feature schema (the 60 features of {@code FeatureNames}), published with
 * the core {@link ModelRegistry}, and snapshots whose features the core {@link FeatureExtractor} computed: what
 * {@code riskctl train} and {@code riskctl score} produce, small enough for unit tests. Lets API tests run the
 * production components ({@code CoreComponentsProvider}) end to end.
 */
public final class ProductionBundles {

    private static final Instant CREATED_AT = Instant.parse("2026-02-01T12:00:00Z");

    private ProductionBundles() {
    }

    /** The snapshots of {@link Customers} 1..count with the production features as of {@link Customers#AS_OF}. */
    public static List<CustomerSnapshot> snapshots(int count) {
        FeatureExtractor extractor = new FeatureExtractor();
        List<CustomerSnapshot> snapshots = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            var history = Customers.history(i);
            snapshots.add(CustomerSnapshot.of(history, extractor.extract(history, Customers.AS_OF)));
        }
        return snapshots;
    }

    /**
     * Fits a logistic model (plain SGD on raw features) on the production features of {@code count} sample customers (label: the customer
     * has an invoice 30+ days past due, so both classes occur) and publishes it as {@code version}, making it
     * current. Returns the version folder.
     */
    public static Path publish(Path registry, String version, int count) {
        List<FeatureVector> vectors = snapshots(count).stream().map(CustomerSnapshot::features).toList();
        List<String> names = FeatureSchema.ofThisBuild().names();
        int dpd = names.indexOf(names.stream().filter(n -> n.startsWith("max_days_past_due")).findFirst()
                .orElseThrow());
        boolean[] labels = new boolean[vectors.size()];
        List<double[]> rows = new ArrayList<>();
        var dataset = new MutableDataset<Label>(new SimpleDataSourceProvenance("api test customers",
                CREATED_AT.atOffset(ZoneOffset.UTC), new LabelFactory()), new LabelFactory());
        for (int i = 0; i < vectors.size(); i++) {
            double[] values = vectors.get(i).values();
            labels[i] = values[dpd] >= 30 || i % 11 == 0;
            rows.add(values);
            dataset.add(PositiveClassScorer.example(names, values, labels[i]));
        }
        // Raw features, no standardisation: some features are constant over these few customers, and Tribuo's
        // mean/std-dev transformation turns a constant into NaN.
        Model<Label> model = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1), 5, -1, 1, 7L)
                .train(dataset);
        double[] raw = new PositiveClassScorer(model, names).positiveProbabilities(rows);
        IsotonicCalibration calibration = IsotonicCalibration.fit(raw, labels);
        double[] calibrated = calibration.applyAll(raw);
        SerializedModel serialized = SerializedModel.of(model);
        BundleManifest manifest = new BundleManifest(BundleManifest.CURRENT_FORMAT_VERSION,
                FeatureSchema.ofThisBuild().version(), names, medians(rows, names.size()),
                FeatureSchema.reasonCatalog(), calibration, TierCutoffs.fromTopShares(calibrated, 0.1, 0.3),
                DelinquencyLabel.defaults(),
                new TrainingWindow(LocalDate.of(2025, 9, 1), LocalDate.of(2025, 11, 1),
                        List.of(LocalDate.of(2025, 9, 1), LocalDate.of(2025, 11, 1)), LocalDate.of(2025, 11, 1),
                        rows.size(), rows.size()),
                "api-test-customers-" + count,
                List.of(new CandidateReport("logistic", "linear-sgd-logistic", Map.of("epochs", "5"),
                        BinaryMetrics.of(raw, labels).summary(), 1)),
                "logistic", BinaryMetrics.of(calibrated, labels).summary(), Map.of("config.version", "api-test"),
                model.getProvenance().toString(), "0000000000000000000000000000000000000000", CREATED_AT,
                BundleWriter.MODEL_FILE, serialized.sha256());
        try {
            return new ModelRegistry(registry).publish(version, new BundleWriter(manifest, serialized));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double[] medians(List<double[]> rows, int width) {
        double[] medians = new double[width];
        for (int j = 0; j < width; j++) {
            int column = j;
            double[] values = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
            medians[j] = values[values.length / 2];
        }
        return medians;
    }
}

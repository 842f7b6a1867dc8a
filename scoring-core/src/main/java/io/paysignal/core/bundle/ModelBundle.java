package io.paysignal.core.bundle;

import io.paysignal.core.feature.FeatureVector;
import io.paysignal.core.model.ReasonCodes;
import io.paysignal.core.model.ScoreReason;
import io.paysignal.core.model.ScoredRisk;
import org.tribuo.Model;
import org.tribuo.classification.Label;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A loaded model bundle: scores feature vectors into the contract's risk score, tier and reason codes.
 *
 * <p>Scoring one customer costs {@code 1 + features} model evaluations (the extra ones find the reason codes);
 * {@link #scoreAll} sends them to the model in batches, which matters for XGBoost where every call builds a
 * native matrix. Instances are immutable and safe to share between threads.
 */
public final class ModelBundle {

    /** Customers per model call in {@link #scoreAll}: bounds the rows held at once to this times (1 + features). */
    static final int CUSTOMERS_PER_BATCH = 256;

    private final String version;
    private final BundleManifest manifest;
    private final PositiveClassScorer scorer;
    private final ReasonCodes reasonCodes;

    private ModelBundle(String version, BundleManifest manifest, Model<Label> model) {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("bundle version is required");
        }
        Set<String> known = new HashSet<>(manifest.featureNames());
        List<String> unknown = model.getFeatureIDMap().keySet().stream().filter(f -> !known.contains(f))
                .sorted().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("model uses features the manifest does not list: " + unknown);
        }
        this.version = version;
        this.manifest = manifest;
        this.scorer = new PositiveClassScorer(model, manifest.featureNames());
        this.reasonCodes = new ReasonCodes(manifest.featureNames(), manifest.referenceValues(),
                manifest.reasonCodes());
    }

    /**
     * A bundle from a manifest and the model it describes, e.g. right after training.
     *
     * @param version the version name reported in the score table's {@code model_version}
     */
    public static ModelBundle of(String version, BundleManifest manifest, Model<Label> model) {
        return new ModelBundle(version, manifest, model);
    }

    /** The version this bundle was published as (its folder name when read from disk). */
    public String version() {
        return version;
    }

    /** The manifest. */
    public BundleManifest manifest() {
        return manifest;
    }

    /**
     * Scores one customer.
     *
     * @throws IllegalArgumentException when the vector's feature names differ from the manifest's
     */
    public ScoredRisk score(FeatureVector features) {
        return scoreAll(List.of(features)).get(0);
    }

    /**
     * Scores many customers, in order.
     *
     * @throws IllegalArgumentException when any vector's feature names differ from the manifest's
     */
    public List<ScoredRisk> scoreAll(List<FeatureVector> vectors) {
        for (FeatureVector vector : vectors) {
            requireSchema(vector);
        }
        List<ScoredRisk> results = new ArrayList<>(vectors.size());
        for (int from = 0; from < vectors.size(); from += CUSTOMERS_PER_BATCH) {
            results.addAll(scoreBatch(vectors.subList(from, Math.min(vectors.size(), from + CUSTOMERS_PER_BATCH))));
        }
        return results;
    }

    /** The model's raw (uncalibrated) probability for each vector: what calibration and candidates see. */
    public double[] rawScores(List<FeatureVector> vectors) {
        List<double[]> rows = new ArrayList<>(vectors.size());
        for (FeatureVector vector : vectors) {
            requireSchema(vector);
            rows.add(vector.values());
        }
        return scorer.positiveProbabilities(rows);
    }

    private List<ScoredRisk> scoreBatch(List<FeatureVector> batch) {
        int width = manifest.featureNames().size();
        List<double[]> rows = new ArrayList<>(batch.size() * (width + 1));
        for (FeatureVector vector : batch) {
            double[] values = vector.values();
            rows.add(values);
            rows.addAll(Arrays.asList(reasonCodes.referenceSwaps(values)));
        }
        double[] raw = scorer.positiveProbabilities(rows);
        List<ScoredRisk> results = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            int base = i * (width + 1);
            double own = raw[base];
            double[] swapped = Arrays.copyOfRange(raw, base + 1, base + 1 + width);
            List<ScoreReason> reasons = reasonCodes.explain(own, swapped);
            double riskScore = manifest.calibration().apply(own);
            results.add(new ScoredRisk(riskScore, manifest.tierCutoffs().tierOf(riskScore), reasons));
        }
        return results;
    }

    private void requireSchema(FeatureVector vector) {
        if (!vector.names().equals(manifest.featureNames())) {
            String difference = manifest.featureSchema().differenceFrom(
                    new FeatureSchema(manifest.featureSchemaVersion(), vector.names()));
            throw new IllegalArgumentException("feature vector of " + vector.customerId()
                    + " does not match bundle " + version + ": " + difference);
        }
    }

    @Override
    public String toString() {
        return "ModelBundle[" + version + ", " + manifest + "]";
    }
}

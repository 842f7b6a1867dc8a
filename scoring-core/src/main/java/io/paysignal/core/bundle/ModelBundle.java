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
import java.util.stream.IntStream;

/**
 * A loaded model bundle: scores feature vectors into the contract's risk score, tier and reason codes.
 *
 * <p>Scoring one customer costs one model evaluation plus one per feature that differs from its reference
 * value (those find the reason codes, see {@link ReasonCodes});
 * {@link #scoreAll} sends them to the model in batches, which matters for XGBoost where every call builds a
 * native matrix. Instances are immutable; concurrent calls rely on the Tribuo model's {@code predict} not
 * mutating the model, which holds for the linear, factorization-machine and XGBoost models the trainer makes
 * (exercised by {@code ModelBundleTest}).
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
        double[] reference = manifest.referenceValues();
        List<double[]> rows = new ArrayList<>(batch.size() * (width + 1));
        // Per customer: its own row, then one row per feature that differs from the reference. A feature
        // already at its reference value cannot be a reason (resetting it changes nothing), so it costs no row.
        int[][] swappedFeatures = new int[batch.size()][];
        for (int i = 0; i < batch.size(); i++) {
            double[] values = batch.get(i).values();
            rows.add(values);
            int[] differing = IntStream.range(0, width).filter(j -> values[j] != reference[j]).toArray();
            for (int j : differing) {
                double[] swapped = values.clone();
                swapped[j] = reference[j];
                rows.add(swapped);
            }
            swappedFeatures[i] = differing;
        }
        double[] raw = scorer.positiveProbabilities(rows);
        List<ScoredRisk> results = new ArrayList<>(batch.size());
        int next = 0;
        for (int i = 0; i < batch.size(); i++) {
            double own = raw[next++];
            double[] swappedScores = new double[width];
            Arrays.fill(swappedScores, own);
            for (int j : swappedFeatures[i]) {
                swappedScores[j] = raw[next++];
            }
            List<ScoreReason> reasons = reasonCodes.explain(own, swappedScores);
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

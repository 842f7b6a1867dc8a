package io.paysignal.core.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Picks the features that raise one customer's score most compared with a typical customer.
 *
 * <p>For each feature {@code j}, the contribution is {@code score(x) - score(x with x_j set to the reference
 * value)}, the reference being the training median. Only positive contributions are reasons; the largest
 * {@value #MAX_REASONS} are returned, ties broken by feature order so the result is deterministic.
 *
 * <p>This is a one-at-a-time counterfactual, not an additive attribution: with interacting features the
 * contributions need not sum to the score gap. It is model-agnostic and needs only {@code 1 + features}
 * evaluations, which callers batch ({@link #referenceSwaps} then {@link #explain}). Callers should pass the
 * model's <em>raw</em> score: calibration is monotone, so the order is the same, but isotonic steps would
 * flatten small differences to zero.
 */
public final class ReasonCodes {

    /** The contract's limit: up to three codes per customer. */
    public static final int MAX_REASONS = 3;

    private final List<String> featureNames;
    private final double[] referenceValues;
    private final List<ReasonCode> codes;

    /**
     * @param featureNames the model's ordered feature names
     * @param referenceValues the typical (training median) value of each feature, aligned with the names
     * @param catalog reason code per feature name; a feature without an entry gets
     *        {@link ReasonCode#fallbackFor}
     */
    public ReasonCodes(List<String> featureNames, double[] referenceValues, Map<String, ReasonCode> catalog) {
        this.featureNames = List.copyOf(featureNames);
        if (new HashSet<>(this.featureNames).size() != this.featureNames.size()) {
            throw new IllegalArgumentException("feature names must be unique");
        }
        if (referenceValues.length != this.featureNames.size()) {
            throw new IllegalArgumentException(this.featureNames.size() + " features but "
                    + referenceValues.length + " reference values");
        }
        for (double value : referenceValues) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("reference values must be finite");
            }
        }
        this.referenceValues = referenceValues.clone();
        List<ReasonCode> resolved = new ArrayList<>();
        for (String name : this.featureNames) {
            ReasonCode code = catalog.get(name);
            resolved.add(code != null ? code : ReasonCode.fallbackFor(name));
        }
        this.codes = List.copyOf(resolved);
    }

    /** The ordered feature names. */
    public List<String> featureNames() {
        return featureNames;
    }

    /** The code reported for a feature. */
    public ReasonCode codeFor(String featureName) {
        int index = featureNames.indexOf(featureName);
        if (index < 0) {
            throw new IllegalArgumentException("no feature named " + featureName);
        }
        return codes.get(index);
    }

    /**
     * The rows to score for one customer: row {@code j} is {@code values} with feature {@code j} set to its
     * reference value.
     */
    public double[][] referenceSwaps(double[] values) {
        requireWidth(values.length);
        double[][] rows = new double[values.length][];
        for (int j = 0; j < values.length; j++) {
            rows[j] = values.clone();
            rows[j][j] = referenceValues[j];
        }
        return rows;
    }

    /**
     * The reasons for one customer.
     *
     * @param score the model's score of the customer's own values
     * @param swappedScores the model's score of each {@link #referenceSwaps} row, in order
     * @return up to {@value #MAX_REASONS} reasons with positive contribution, largest first
     */
    public List<ScoreReason> explain(double score, double[] swappedScores) {
        requireWidth(swappedScores.length);
        List<ScoreReason> positive = new ArrayList<>();
        for (int j = 0; j < swappedScores.length; j++) {
            double increase = score - swappedScores[j];
            if (increase > 0.0 && Double.isFinite(increase)) {
                positive.add(new ScoreReason(featureNames.get(j), codes.get(j), increase));
            }
        }
        // List.sort is stable: equal increases keep feature order.
        positive.sort(Comparator.comparingDouble(ScoreReason::scoreIncrease).reversed());
        return List.copyOf(positive.subList(0, Math.min(MAX_REASONS, positive.size())));
    }

    private void requireWidth(int width) {
        if (width != featureNames.size()) {
            throw new IllegalArgumentException("expected " + featureNames.size() + " values, got " + width);
        }
    }
}

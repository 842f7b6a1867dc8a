package io.paysignal.api.testsupport;

import io.paysignal.api.service.ModelInfo;
import io.paysignal.api.service.RiskModel;
import io.paysignal.api.service.ScoreResult;
import io.paysignal.core.feature.FeatureVector;
import io.paysignal.core.model.ReasonCode;
import io.paysignal.core.policy.RiskTier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A real logistic scorer over a feature vector, for API tests: {@code p = 1 / (1 + exp(-(b + w . x)))}, tiers
 * by two cut-offs, reasons are the features with the largest positive contributions. It stands in for
 * scoring-core's model bundle.
 */
public final class LogisticRiskModel implements RiskModel {

    private final ModelInfo info;
    private final double intercept;
    private final double[] weights;
    private final double mediumCutoff;
    private final double highCutoff;

    public LogisticRiskModel(ModelInfo info, double intercept, double[] weights, double mediumCutoff,
                             double highCutoff) {
        if (weights.length != info.featureNames().size()) {
            throw new IllegalArgumentException("one weight per feature");
        }
        this.info = info;
        this.intercept = intercept;
        this.weights = weights.clone();
        this.mediumCutoff = mediumCutoff;
        this.highCutoff = highCutoff;
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public ScoreResult score(FeatureVector features) {
        if (!features.names().equals(info.featureNames())) {
            throw new IllegalArgumentException("feature schema mismatch");
        }
        double[] x = features.values();
        double z = intercept;
        List<double[]> contributions = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            z += weights[i] * x[i];
            contributions.add(new double[] {i, weights[i] * x[i]});
        }
        double p = 1 / (1 + Math.exp(-z));
        RiskTier tier = p >= highCutoff ? RiskTier.HIGH : p >= mediumCutoff ? RiskTier.MEDIUM : RiskTier.LOW;
        List<ReasonCode> reasons = contributions.stream()
                .filter(c -> c[1] > 0)
                .sorted(Comparator.comparingDouble((double[] c) -> -c[1]))
                .limit(ScoreResult.MAX_REASONS)
                .map(c -> {
                    String name = info.featureNames().get((int) c[0]);
                    return new ReasonCode(name.toUpperCase(Locale.ROOT), name.replace('_', ' ') + " is " + x[(int) c[0]]);
                })
                .toList();
        return new ScoreResult(p, tier, reasons);
    }
}

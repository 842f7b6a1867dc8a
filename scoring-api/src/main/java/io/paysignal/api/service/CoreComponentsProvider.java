package io.paysignal.api.service;

import io.paysignal.core.feature.FeatureExtractor;
import io.paysignal.core.feature.FeatureNames;

/**
 * The production wiring of {@code riskctl serve}: real model bundles, the one feature definition and the
 * core outreach planner. Registered for {@link java.util.ServiceLoader} in META-INF/services.
 */
public final class CoreComponentsProvider implements ScoringComponentsProvider {

    @Override
    public ScoringComponents components() {
        FeatureExtractor extractor = new FeatureExtractor();
        return new ScoringComponents(BundleRiskModel::read, FeatureSource.of(FeatureNames.names(), extractor::extract),
                new CoreOutreachPlanner());
    }
}

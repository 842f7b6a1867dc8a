package io.paysignal.api.service;

/**
 * The three pieces of scoring-core the service is built from; {@code Main} obtains them once at start-up.
 *
 * @param modelReader opens a registry version folder as a model
 * @param features computes features from an inline history
 * @param planner decides outreach
 */
public record ScoringComponents(RiskModelReader modelReader, FeatureSource features, OutreachPlanner planner) {

    public ScoringComponents {
        if (modelReader == null || features == null || planner == null) {
            throw new IllegalArgumentException("model reader, feature source and planner are all required");
        }
    }
}

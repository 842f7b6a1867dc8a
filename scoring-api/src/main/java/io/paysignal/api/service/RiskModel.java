package io.paysignal.api.service;

import io.paysignal.core.feature.FeatureVector;

/**
 * A loaded model bundle as the API sees it: one of the three seams between the service and scoring-core
 * (with {@link FeatureSource} and {@link OutreachPlanner}).
 *
 * <p>Implementations must be immutable and thread-safe: many request threads call {@link #score} at once,
 * and a model is replaced by swapping the reference, never by mutating it.
 */
public interface RiskModel {

    /** The manifest facts {@code GET /v1/model} shows; {@code info().featureNames()} is the schema the model expects. */
    ModelInfo info();

    /**
     * Scores one feature vector whose names equal {@code info().featureNames()}.
     *
     * @throws IllegalArgumentException when the vector does not match the model's feature schema
     */
    ScoreResult score(FeatureVector features);

    /** The bundle's version: the score table's {@code model_version}. */
    default String version() {
        return info().version();
    }
}

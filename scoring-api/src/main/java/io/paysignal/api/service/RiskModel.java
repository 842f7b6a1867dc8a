package io.paysignal.api.service;

import io.paysignal.core.feature.FeatureVector;
import io.paysignal.core.model.ReasonCode;

import java.util.Optional;

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

    /**
     * The reason this model reports under {@code code}, with its sentence, or empty when it never reports that
     * code: how a score table's {@code reason_codes} cell is turned back into reasons. A model that answers
     * empty for every code is always scored, never served from a score table.
     */
    default Optional<ReasonCode> reasonCode(String code) {
        return Optional.empty();
    }

    /** The bundle's version: the score table's {@code model_version}. */
    default String version() {
        return info().version();
    }
}

package io.paysignal.core.model;

import java.io.Serializable;

/**
 * One reason a customer's score is high: resetting {@code feature} to a typical customer's value would lower
 * the model's score by {@code scoreIncrease}.
 *
 * @param feature the feature name
 * @param reason its code and sentence
 * @param scoreIncrease how much this feature's value adds to the model's score, greater than 0
 */
public record ScoreReason(String feature, ReasonCode reason, double scoreIncrease) implements Serializable {

    public ScoreReason {
        if (feature == null || feature.isBlank() || reason == null) {
            throw new IllegalArgumentException("feature and reason are required");
        }
        if (!(scoreIncrease > 0.0) || !Double.isFinite(scoreIncrease)) {
            throw new IllegalArgumentException("a reason must raise the score, increase was " + scoreIncrease);
        }
    }
}

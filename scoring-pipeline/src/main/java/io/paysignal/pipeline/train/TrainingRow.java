package io.paysignal.pipeline.train;

import io.paysignal.core.feature.FeatureVector;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * One customer in one snapshot: features as of the snapshot date and the delinquency label over the horizon
 * after it.
 *
 * @param features the features; {@code features.asOf()} is the snapshot date
 * @param delinquent the contract label (true for 1)
 */
public record TrainingRow(FeatureVector features, boolean delinquent) implements Serializable {

    public TrainingRow {
        if (features == null) {
            throw new IllegalArgumentException("features are required");
        }
    }

    /** The snapshot's as-of date. */
    public LocalDate snapshot() {
        return features.asOf();
    }

    /** The customer. */
    public String customerId() {
        return features.customerId();
    }
}

package io.paysignal.api.service;

import io.paysignal.core.feature.FeatureVector;
import io.paysignal.core.history.CustomerHistory;

import java.time.LocalDate;
import java.util.List;

/**
 * Computes features from a history: the seam to {@code io.paysignal.core.feature.FeatureExtractor}, so that
 * an inline history posted to the API gets exactly the features the pipeline computes. The real wiring is
 * {@code FeatureSource.of(FeatureNames.names(), FeatureExtractor::extract)} (or an extractor instance's
 * method reference).
 */
public interface FeatureSource {

    /** The ordered feature names every vector from {@link #extract} carries; the snapshot and models must match it. */
    List<String> featureNames();

    /** The features of {@code history} as of {@code asOf}; nothing dated after {@code asOf} may change them. */
    FeatureVector extract(CustomerHistory history, LocalDate asOf);

    /** Extraction as a function of history and date. */
    @FunctionalInterface
    interface Extraction {
        FeatureVector extract(CustomerHistory history, LocalDate asOf);
    }

    /** A source from a fixed name list and an extraction function (e.g. a method reference). */
    static FeatureSource of(List<String> featureNames, Extraction extraction) {
        List<String> names = List.copyOf(featureNames);
        return new FeatureSource() {
            @Override
            public List<String> featureNames() {
                return names;
            }

            @Override
            public FeatureVector extract(CustomerHistory history, LocalDate asOf) {
                return extraction.extract(history, asOf);
            }
        };
    }
}

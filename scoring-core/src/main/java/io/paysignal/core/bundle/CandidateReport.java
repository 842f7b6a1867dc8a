package io.paysignal.core.bundle;

import io.paysignal.core.model.MetricSummary;

import java.util.Map;
import java.util.TreeMap;

/**
 * One learner the trainer tried, with its settings and how its raw (uncalibrated) scores did on the
 * held-out validation snapshot.
 *
 * @param name the candidate's name in the trainer configuration, e.g. {@code xgboost}
 * @param learner the learner kind, e.g. {@code linear-sgd-logistic}
 * @param hyperParameters the settings it was trained with
 * @param validation its raw scores' metrics on the validation snapshot
 * @param fitMillis wall time spent fitting it
 */
public record CandidateReport(String name, String learner, Map<String, String> hyperParameters,
                              MetricSummary validation, long fitMillis) {

    public CandidateReport {
        if (name == null || name.isBlank() || learner == null || learner.isBlank()) {
            throw new IllegalArgumentException("candidate name and learner are required");
        }
        if (validation == null || fitMillis < 0) {
            throw new IllegalArgumentException("candidate " + name + " needs validation metrics and fit time");
        }
        hyperParameters = Map.copyOf(new TreeMap<>(hyperParameters));
    }
}

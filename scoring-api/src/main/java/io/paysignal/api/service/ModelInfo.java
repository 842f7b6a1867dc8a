package io.paysignal.api.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a model bundle's manifest says about it, as served by {@code GET /v1/model}.
 *
 * @param version the bundle's version (its folder name in the registry)
 * @param createdAt when the bundle was trained, or null when the manifest does not say
 * @param trainingFrom first as-of date of the training snapshots, or null when unknown
 * @param trainingTo last as-of date of the training snapshots, or null when unknown
 * @param featureNames the ordered feature names the model expects
 * @param metrics evaluation metrics recorded at training time (e.g. {@code auc}, {@code brier}); may be empty
 * @param details other manifest facts worth showing (algorithm, git commit, format version); may be empty
 */
public record ModelInfo(String version, Instant createdAt, LocalDate trainingFrom, LocalDate trainingTo,
                        List<String> featureNames, Map<String, Double> metrics, Map<String, String> details) {

    public ModelInfo {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("version must not be blank");
        }
        if (featureNames == null || featureNames.isEmpty()) {
            throw new IllegalArgumentException("a model needs at least one feature name");
        }
        if (trainingFrom != null && trainingTo != null && trainingTo.isBefore(trainingFrom)) {
            throw new IllegalArgumentException("training window ends before it starts");
        }
        featureNames = List.copyOf(featureNames);
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}

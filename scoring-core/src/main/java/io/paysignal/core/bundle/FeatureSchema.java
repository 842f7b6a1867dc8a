package io.paysignal.core.bundle;

import io.paysignal.core.feature.FeatureDefinition;
import io.paysignal.core.feature.FeatureNames;
import io.paysignal.core.model.ReasonCode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The features a build computes: a schema version and the ordered feature names. A bundle is only usable by a
 * build whose schema equals the one it was trained on; {@link BundleReader} checks this at load time so a
 * mismatch fails at startup rather than as silently wrong scores.
 *
 * @param version the feature-schema version, e.g. {@code features-v1}
 * @param names the ordered, unique feature names
 */
public record FeatureSchema(String version, List<String> names) {

    public FeatureSchema {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("feature schema version is required");
        }
        names = List.copyOf(names);
        if (names.isEmpty() || new HashSet<>(names).size() != names.size()) {
            throw new IllegalArgumentException("feature names must be non-empty and unique");
        }
    }

    /**
     * The schema this build's {@link io.paysignal.core.feature.FeatureExtractor} computes: version
     * {@code features-v<N>} with N = {@link FeatureNames#SCHEMA_VERSION}.
     */
    public static FeatureSchema ofThisBuild() {
        return new FeatureSchema("features-v" + FeatureNames.SCHEMA_VERSION,
                FeatureNames.names());
    }

    /**
     * The reason code and sentence of every feature in the catalog, as the model bundle records them.
     */
    public static Map<String, ReasonCode> reasonCatalog() {
        Map<String, ReasonCode> catalog = new LinkedHashMap<>();
        for (FeatureDefinition definition : FeatureNames.definitions()) {
            catalog.put(definition.name(),
                    new ReasonCode(definition.reasonCode(), definition.reasonSentence()));
        }
        return catalog;
    }

    /**
     * Describes how {@code actual} differs from this schema, or returns an empty string when they are equal.
     */
    public String differenceFrom(FeatureSchema actual) {
        List<String> problems = new ArrayList<>();
        if (!version.equals(actual.version)) {
            problems.add("schema version " + actual.version + " instead of " + version);
        }
        Set<String> expected = new HashSet<>(names);
        Set<String> present = new HashSet<>(actual.names);
        List<String> missing = names.stream().filter(n -> !present.contains(n)).toList();
        List<String> unexpected = actual.names.stream().filter(n -> !expected.contains(n)).toList();
        if (!missing.isEmpty()) {
            problems.add("missing features " + missing);
        }
        if (!unexpected.isEmpty()) {
            problems.add("unexpected features " + unexpected);
        }
        if (missing.isEmpty() && unexpected.isEmpty() && !names.equals(actual.names)) {
            problems.add("the same features in a different order");
        }
        return String.join("; ", problems);
    }
}

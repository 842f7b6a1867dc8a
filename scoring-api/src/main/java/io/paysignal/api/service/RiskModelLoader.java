package io.paysignal.api.service;

import io.paysignal.core.feature.FeatureVector;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.LocalDate;
import java.util.List;

/**
 * Loads a registry version and proves it can serve before anyone relies on it: the bundle must read, name
 * itself after its folder, expect exactly the feature schema this build computes, and give valid scores
 * (a finite probability, a tier, at most three reasons, the same answer twice) on canary feature vectors
 * taken from the snapshot. A model that fails any check is rejected with the reason; it is never half
 * installed.
 */
public final class RiskModelLoader {

    private final ModelRegistry registry;
    private final RiskModelReader reader;
    private final List<String> expectedFeatures;

    /**
     * @param registry where versions live
     * @param reader opens a version folder
     * @param expectedFeatures the ordered feature names this build computes (the snapshot's and the
     *                         {@link FeatureSource}'s)
     */
    public RiskModelLoader(ModelRegistry registry, RiskModelReader reader, List<String> expectedFeatures) {
        this.registry = registry;
        this.reader = reader;
        this.expectedFeatures = List.copyOf(expectedFeatures);
    }

    /** Loads and validates the version the registry's {@code CURRENT} names. */
    public RiskModel loadCurrent(List<FeatureVector> canaries) {
        return load(registry.currentVersion(), canaries);
    }

    /**
     * Loads and validates one version.
     *
     * @param canaries feature vectors to test-score; when empty, a vector of zeros is scored instead
     * @throws ModelRejectedException with the reason when any check fails
     */
    public RiskModel load(String version, List<FeatureVector> canaries) {
        Path folder = registry.folder(version);
        RiskModel model;
        try {
            model = reader.read(folder);
        } catch (IOException | RuntimeException e) {
            throw new ModelRejectedException(version, "cannot read the bundle in " + folder + ": " + e.getMessage(), e);
        }
        if (model == null || model.info() == null) {
            throw new ModelRejectedException(version, "the bundle reader returned no model for " + folder);
        }
        if (!version.equals(model.version())) {
            throw new ModelRejectedException(version, "the bundle in folder " + version + " says it is version "
                    + model.version());
        }
        checkSchema(version, model.info().featureNames());
        List<FeatureVector> vectors = canaries.isEmpty()
                ? List.of(new FeatureVector("canary", LocalDate.EPOCH, expectedFeatures,
                        new double[expectedFeatures.size()]))
                : canaries;
        for (FeatureVector vector : vectors) {
            canaryScore(version, model, vector);
        }
        ScoreResult first = canaryScore(version, model, vectors.get(0));
        ScoreResult again = canaryScore(version, model, vectors.get(0));
        if (!first.equals(again)) {
            throw new ModelRejectedException(version, "the model scores the same customer differently on two calls");
        }
        return model;
    }

    private void checkSchema(String version, List<String> modelFeatures) {
        if (modelFeatures.equals(expectedFeatures)) {
            return;
        }
        List<String> missing = new ArrayList<>(expectedFeatures);
        missing.removeAll(modelFeatures);
        List<String> unknown = new ArrayList<>(modelFeatures);
        unknown.removeAll(expectedFeatures);
        String difference = missing.isEmpty() && unknown.isEmpty()
                ? "same names in a different order"
                : "not computed here: " + unknown + ", not used by the model: " + missing;
        throw new ModelRejectedException(version, "feature schema mismatch (" + difference + ")");
    }

    private static ScoreResult canaryScore(String version, RiskModel model, FeatureVector vector) {
        try {
            ScoreResult result = model.score(vector);
            if (result == null) {
                throw new ModelRejectedException(version, "canary score for " + vector.customerId() + " is missing");
            }
            return result;
        } catch (ModelRejectedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ModelRejectedException(version, "canary score for customer " + vector.customerId()
                    + " failed: " + e.getMessage(), e);
        }
    }
}

package io.paysignal.api.service;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Opens one version folder of the model registry as a {@link RiskModel}. This is the seam to
 * {@code io.paysignal.core.bundle}: the real implementation reads the bundle with its manifest, e.g.
 * {@code folder -> new BundleRiskModel(BundleReader.read(folder))}.
 *
 * <p>It only has to read; {@link RiskModelLoader} checks the result (version, feature schema, canary scores)
 * before anything is served with it. The model's {@code info().version()} must be the folder's name, which
 * is how the registry's {@code CURRENT} file names versions.
 */
@FunctionalInterface
public interface RiskModelReader {

    /**
     * Reads the bundle in {@code versionFolder}.
     *
     * @throws IOException when the folder cannot be read
     * @throws IllegalArgumentException when its content is not a valid bundle
     */
    RiskModel read(Path versionFolder) throws IOException;
}

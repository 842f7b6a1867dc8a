package io.paysignal.core.bundle;

import io.paysignal.core.model.MetricSummary;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One version folder in a {@link ModelRegistry}. A folder whose manifest cannot be read is still listed, with
 * the reason, so an operator sees it rather than wondering where it went.
 *
 * @param version the version name (the folder name)
 * @param folder the version folder
 * @param current true when {@code CURRENT} names this version
 * @param manifest the manifest, or null when it could not be read
 * @param problem why the manifest could not be read, or null when it could
 */
public record RegistryEntry(String version, Path folder, boolean current, BundleManifest manifest,
                            String problem) {

    public RegistryEntry {
        if (version == null || folder == null) {
            throw new IllegalArgumentException("version and folder are required");
        }
        if ((manifest == null) == (problem == null)) {
            throw new IllegalArgumentException("an entry has either a manifest or a problem");
        }
    }

    /** True when the manifest was read. */
    public boolean readable() {
        return manifest != null;
    }

    /** The chosen model's out-of-sample calibrated validation metrics, when the manifest was read. */
    public Optional<MetricSummary> headline() {
        return Optional.ofNullable(manifest).map(BundleManifest::chosenCalibrated);
    }
}

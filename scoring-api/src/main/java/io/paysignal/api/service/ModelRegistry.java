package io.paysignal.api.service;

import io.paysignal.core.bundle.InvalidBundleException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The model registry folder {@code riskctl train --model-out} publishes into (DATA-CONTRACT section 3), as the
 * API reads it: the core registry ({@link io.paysignal.core.bundle.ModelRegistry}, which also writes it), with
 * every way {@code CURRENT} can fail to name a servable version turned into a {@link ModelRejectedException},
 * so the version being served keeps serving.
 */
public final class ModelRegistry {

    private final io.paysignal.core.bundle.ModelRegistry registry;

    public ModelRegistry(Path root) {
        if (root == null) {
            throw new IllegalArgumentException("registry folder is required");
        }
        this.registry = new io.paysignal.core.bundle.ModelRegistry(root.toAbsolutePath().normalize());
    }

    /** The registry folder. */
    public Path root() {
        return registry.root();
    }

    /** The version folders, sorted by name; hidden folders ({@code .tmp-*}, {@code .rejected}) are left out. */
    public List<String> versions() {
        try {
            return registry.versions();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list model registry " + root(), e);
        }
    }

    /**
     * The version {@code CURRENT} names.
     *
     * @throws ModelRejectedException when there is no readable {@code CURRENT}, or it names no version folder
     */
    public String currentVersion() {
        String version;
        try {
            version = registry.currentVersion().orElseThrow(() -> new ModelRejectedException(null,
                    "the registry " + root() + " has no " + io.paysignal.core.bundle.ModelRegistry.CURRENT_FILE
                            + " file"));
        } catch (InvalidBundleException e) {
            throw new ModelRejectedException(null, e.getMessage(), e);
        } catch (IOException e) {
            throw new ModelRejectedException(null, "cannot read the registry's CURRENT: " + e.getMessage(), e);
        }
        if (!Files.isDirectory(registry.folder(version))) {
            throw new ModelRejectedException(version, "CURRENT names version " + version
                    + " but the registry has no such folder");
        }
        return version;
    }

    /** The folder of {@code version}; IllegalArgumentException when it is not a plain version name. */
    public Path folder(String version) {
        return registry.folder(version);
    }
}

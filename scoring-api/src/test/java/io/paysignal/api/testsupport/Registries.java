package io.paysignal.api.testsupport;

import io.paysignal.core.bundle.ModelRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes model registries of {@link PropertiesModelReader} bundles. */
public final class Registries {

    private Registries() {
    }

    /** A version whose risk rises with days past due and open balance. */
    public static void writeVersion(Path registry, String version, double intercept) {
        writeVersion(registry, version, LedgerFeatureSource.NAMES, intercept, "0.2,0.001,0.05,0.1");
    }

    /** A version with the given schema and weights (comma-separated; "NaN" makes a model that fails canaries). */
    public static void writeVersion(Path registry, String version, List<String> features, double intercept,
                                    String weights) {
        String properties = String.join("\n",
                "version=" + version,
                "features=" + String.join(",", features),
                "intercept=" + intercept,
                "weights=" + weights,
                "tier.medium=0.3",
                "tier.high=0.6",
                "created_at=2026-02-01T12:00:00Z",
                "training_from=2025-01-31",
                "training_to=2025-11-30",
                "metric.auc=0.81",
                "metric.brier=0.12",
                "detail.algorithm=logistic") + "\n";
        write(registry.resolve(version).resolve(PropertiesModelReader.FILE), properties);
    }

    /** Points CURRENT at {@code version}. */
    public static void setCurrent(Path registry, String version) {
        write(registry.resolve(ModelRegistry.CURRENT_FILE), version + "\n");
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Path staging = file.resolveSibling("." + file.getFileName() + ".tmp");
            Files.writeString(staging, text);
            Files.move(staging, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

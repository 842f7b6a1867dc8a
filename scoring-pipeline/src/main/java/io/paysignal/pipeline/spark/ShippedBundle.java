package io.paysignal.pipeline.spark;

import io.paysignal.core.bundle.BundleReader;
import io.paysignal.core.bundle.FeatureSchema;
import io.paysignal.core.bundle.ModelBundle;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A model bundle as the bytes of its files, broadcast to Spark executors (which may not see the driver's
 * disk) and loaded once per executor JVM on first use, with the same checks as a load from disk.
 */
public final class ShippedBundle implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String version;
    private final byte[] manifestJson;
    private final byte[] modelBytes;
    private transient volatile ModelBundle loaded;

    private ShippedBundle(String version, byte[] manifestJson, byte[] modelBytes) {
        this.version = version;
        this.manifestJson = manifestJson;
        this.modelBytes = modelBytes;
    }

    /** Reads a bundle folder (already checked by the caller) into shippable bytes. */
    public static ShippedBundle of(ModelBundle bundle, Path folder) {
        try {
            return new ShippedBundle(bundle.version(), Files.readAllBytes(folder.resolve(BundleReader.MANIFEST_FILE)),
                    Files.readAllBytes(folder.resolve(bundle.manifest().modelFile())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundle " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The bundle, loaded on first call in this JVM and shared by the tasks that run here. */
    public ModelBundle bundle() {
        ModelBundle current = loaded;
        if (current == null) {
            synchronized (this) {
                current = loaded;
                if (current == null) {
                    try {
                        current = new BundleReader().read(version, manifestJson, modelBytes,
                                FeatureSchema.ofThisBuild());
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot load bundle " + version + ": " + e.getMessage(), e);
                    }
                    loaded = current;
                }
            }
        }
        return current;
    }

    /** The bundle's version. */
    public String version() {
        return version;
    }

}

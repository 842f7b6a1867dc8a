package io.paysignal.core.bundle;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a bundle (model file, then {@code manifest.json}) into a folder. It never overwrites: a file that
 * already exists makes it fail. {@link ModelRegistry#publish} uses it to fill a hidden folder before the
 * atomic rename that makes the version visible.
 */
public final class BundleWriter {

    /** The model file name this build writes. */
    public static final String MODEL_FILE = "model.tribuo";

    private final BundleManifest manifest;
    private final SerializedModel model;
    private final ManifestCodec codec = new ManifestCodec();

    /**
     * @param manifest the manifest; its {@code modelFile} and {@code modelSha256} must describe {@code model}
     * @param model the serialized model
     */
    public BundleWriter(BundleManifest manifest, SerializedModel model) {
        if (!manifest.modelSha256().equals(model.sha256())) {
            throw new IllegalArgumentException("manifest SHA-256 " + manifest.modelSha256()
                    + " does not describe the model, whose SHA-256 is " + model.sha256());
        }
        if (manifest.formatVersion() != BundleManifest.CURRENT_FORMAT_VERSION) {
            throw new IllegalArgumentException("this build writes format version "
                    + BundleManifest.CURRENT_FORMAT_VERSION + " only");
        }
        this.manifest = manifest;
        this.model = model;
    }

    /** The manifest that will be written. */
    public BundleManifest manifest() {
        return manifest;
    }

    /**
     * Writes the model file and the manifest into {@code folder}, creating it if needed. The manifest is
     * written last, so a folder with a manifest has its model file complete.
     */
    public void writeTo(Path folder) throws IOException {
        Files.createDirectories(folder);
        try (OutputStream out = Files.newOutputStream(folder.resolve(manifest.modelFile()),
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            model.writeTo(out);
        }
        force(folder.resolve(manifest.modelFile()));
        Path manifestFile = folder.resolve(BundleReader.MANIFEST_FILE);
        Files.write(manifestFile, codec.write(manifest), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        force(manifestFile);
    }

    /** Flushes a file to disk so a rename that follows cannot expose it unwritten after a crash. */
    static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }
}

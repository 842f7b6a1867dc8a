package io.paysignal.core.bundle;

import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads a bundle folder and refuses, with a message that says what is wrong, one that cannot be trusted:
 * a missing or unreadable manifest, a format version this build does not know, a feature schema other than
 * the expected one, or a model file that is missing, truncated, altered or not a Tribuo classification model.
 */
public final class BundleReader {

    /** The manifest's file name inside a bundle folder. */
    public static final String MANIFEST_FILE = "manifest.json";

    private final ManifestCodec codec = new ManifestCodec();

    /** Reads and checks only the manifest (cheap: used to list registry versions). */
    public BundleManifest readManifest(Path folder) throws IOException {
        Path manifestFile = folder.resolve(MANIFEST_FILE);
        if (!Files.isRegularFile(manifestFile)) {
            throw new InvalidBundleException(folder + " is not a model bundle: " + MANIFEST_FILE + " is missing");
        }
        return codec.read(Files.readAllBytes(manifestFile), manifestFile.toString());
    }

    /**
     * Loads a bundle, refusing it unless it was trained on exactly the {@code expected} feature schema.
     * The bundle's version is the folder's name.
     */
    public ModelBundle read(Path folder, FeatureSchema expected) throws IOException {
        BundleManifest manifest = readManifest(folder);
        requireSchema(folder.toString(), manifest, expected);
        return load(folder, manifest);
    }

    /** Loads a bundle whatever feature schema it has, e.g. to inspect or evaluate it. */
    public ModelBundle read(Path folder) throws IOException {
        return load(folder, readManifest(folder));
    }

    /**
     * Loads a bundle from the bytes of its two files, e.g. shipped to Spark executors, which may not see the
     * driver's disk. Checks exactly what {@link #read(Path, FeatureSchema)} checks.
     */
    public ModelBundle read(String version, byte[] manifestJson, byte[] modelBytes, FeatureSchema expected)
            throws IOException {
        BundleManifest manifest = codec.read(manifestJson, version + "/" + MANIFEST_FILE);
        requireSchema(version, manifest, expected);
        return assemble(version, version, manifest, modelBytes);
    }

    private void requireSchema(String bundle, BundleManifest manifest, FeatureSchema expected)
            throws InvalidBundleException {
        String difference = expected.differenceFrom(manifest.featureSchema());
        if (!difference.isEmpty()) {
            throw new InvalidBundleException("bundle " + bundle + " was trained on feature schema "
                    + manifest.featureSchemaVersion() + " with " + manifest.featureNames().size()
                    + " features, but this build computes schema " + expected.version() + " with "
                    + expected.names().size() + ": " + difference + "; retrain the model with this build");
        }
    }

    private ModelBundle load(Path folder, BundleManifest manifest) throws IOException {
        Path modelFile = folder.resolve(manifest.modelFile());
        if (!Files.isRegularFile(modelFile)) {
            throw new InvalidBundleException("model file " + modelFile + " is missing");
        }
        return assemble(folderName(folder), folder.toString(), manifest, Files.readAllBytes(modelFile));
    }

    private static ModelBundle assemble(String version, String where, BundleManifest manifest, byte[] modelBytes)
            throws IOException {
        Model<Label> model = readModel(where + "/" + manifest.modelFile(), modelBytes, manifest);
        try {
            return ModelBundle.of(version, manifest, model);
        } catch (IllegalArgumentException e) {
            throw new InvalidBundleException("bundle " + where + " is inconsistent: " + e.getMessage(), e);
        }
    }

    private static Model<Label> readModel(String modelFile, byte[] bytes, BundleManifest manifest)
            throws IOException {
        String actual = SerializedModel.sha256Of(bytes);
        if (!actual.equals(manifest.modelSha256())) {
            throw new InvalidBundleException("model file " + modelFile + " is corrupt or truncated: "
                    + bytes.length + " bytes with SHA-256 " + actual + ", manifest expects "
                    + manifest.modelSha256());
        }
        Model<?> model;
        try {
            model = Model.deserializeFromStream(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            throw new InvalidBundleException("model file " + modelFile
                    + " matches its checksum but is not a readable Tribuo model: " + e.getMessage(), e);
        }
        if (!model.validate(Label.class)) {
            throw new InvalidBundleException("model file " + modelFile + " is not a classification model");
        }
        if (model instanceof XGBoostModel<?> trees) {
            // A deserialized booster predicts with one OpenMP thread per core. Our calls are small (one customer
            // and its reason-code rows) and already run on parallel threads (HTTP workers, Spark tasks), so the
            // extra threads only add hand-offs, and on a busy machine they spin-wait: one call took about 25 ms
            // with the default and tens of microseconds with one thread (bench/RESULTS.md, ScoringBenchmark).
            trees.setNumThreads(1);
        }
        return model.castModel(Label.class);
    }

    private static String folderName(Path folder) {
        Path name = folder.toAbsolutePath().normalize().getFileName();
        return name == null ? folder.toString() : name.toString();
    }
}

package io.paysignal.pipeline.io;

import io.paysignal.core.bundle.BundleReader;
import io.paysignal.core.bundle.InvalidBundleException;
import io.paysignal.core.bundle.ModelRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.UnsupportedFileSystemException;

/**
 * Model registries and bundle folders on any Hadoop file system, for {@code --model} and {@code --model-out}
 * (DATA-CONTRACT section 3: every path may be local or any URI Spark reads). Bundles are read and written with
 * java.nio ({@link ModelRegistry} and the bundle reader live in {@code scoring-core}, which the API shares), so
 * a remote bundle is copied to a local scratch folder before it is read, and a new version is built in a local
 * scratch registry and then copied up.
 *
 * <p>Publishing keeps the registry's promises on the remote side: the version folder is copied under a hidden
 * name and renamed into place, so no reader sees half a version, and {@code CURRENT} is written aside and
 * renamed over the old one (atomic on HDFS; on object stores a rename is a copy, as for Spark's own outputs).
 */
public final class ModelStore {

    private ModelStore() {
    }

    /**
     * A bundle folder on the local disk.
     *
     * @param folder the version folder to read
     * @param origin where a copy came from, for run summaries (the remote folder); null when {@code folder} is the
     *               user's own
     * @param scratch the local copy to delete when done; null when {@code folder} is the user's own
     */
    public record Local(java.nio.file.Path folder, String origin, java.nio.file.Path scratch) implements AutoCloseable {

        /** A folder the user gave: read where it lies, never deleted. */
        static Local own(java.nio.file.Path folder) {
            return new Local(folder, null, null);
        }

        /** A scratch folder, deleted on {@link #close()}. */
        public static Local scratch(java.nio.file.Path scratch) {
            return new Local(scratch, null, scratch);
        }

        @Override
        public void close() throws IOException {
            if (scratch != null) {
                deleteRecursively(scratch);
            }
        }
    }

    /**
     * The bundle {@code location} means (a registry, meaning its {@code CURRENT} version, or one version folder)
     * as a local folder: the location itself when local, else a copy of the one version folder.
     *
     * @throws InvalidBundleException when the location is neither a registry nor a version folder
     */
    public static Local fetch(ModelLocation location, Configuration conf) throws IOException {
        if (location.isLocal()) {
            return Local.own(location.local());
        }
        Path root = new Path(location.text());
        FileSystem fs = root.getFileSystem(conf);
        if (!fs.exists(root) || !fs.getFileStatus(root).isDirectory()) {
            throw new InvalidBundleException("model path " + location + " is not a folder");
        }
        Path source;
        Path pointer = new Path(root, ModelRegistry.CURRENT_FILE);
        if (fs.isFile(pointer)) {
            String version = readPointer(fs, pointer, location);
            source = new Path(root, version);
            if (!fs.exists(source) || !fs.getFileStatus(source).isDirectory()) {
                throw new InvalidBundleException("registry " + location + " names current version " + version
                        + " but has no such folder");
            }
        } else if (fs.isFile(new Path(root, BundleReader.MANIFEST_FILE))) {
            source = root;
        } else {
            throw new InvalidBundleException("model path " + location + " is neither a model registry (no "
                    + ModelRegistry.CURRENT_FILE + " file) nor a bundle version folder (no "
                    + BundleReader.MANIFEST_FILE + ")");
        }
        java.nio.file.Path scratch = Files.createTempDirectory("riskctl-model-");
        try {
            // The folder keeps its name: a bundle's version is its folder's name.
            java.nio.file.Path copy = scratch.resolve(source.getName());
            copy(fs, source, localFileSystem(conf), new Path(copy.toUri()), conf);
            return new Local(copy, fs.makeQualified(source).toString(), scratch);
        } catch (IOException | RuntimeException e) {
            deleteRecursively(scratch);
            throw e;
        }
    }

    /**
     * A local registry holding what {@code models list} reads of a remote one: {@code CURRENT} and each version's
     * manifest (the model files stay where they are).
     */
    public static Local manifests(ModelLocation registry, Configuration conf) throws IOException {
        if (registry.isLocal()) {
            return Local.own(registry.local());
        }
        Path root = new Path(registry.text());
        FileSystem fs = root.getFileSystem(conf);
        java.nio.file.Path scratch = Files.createTempDirectory("riskctl-registry-");
        try {
            if (fs.exists(root)) {
                for (FileStatus child : fs.listStatus(root)) {
                    String name = child.getPath().getName();
                    if (child.isFile() && name.equals(ModelRegistry.CURRENT_FILE)) {
                        copy(fs, child.getPath(), localFileSystem(conf),
                                new Path(scratch.resolve(name).toUri()), conf);
                    } else if (child.isDirectory() && ModelRegistry.isVersionName(name)) {
                        Path manifest = new Path(child.getPath(), BundleReader.MANIFEST_FILE);
                        java.nio.file.Path folder = Files.createDirectories(scratch.resolve(name));
                        if (fs.isFile(manifest)) {
                            copy(fs, manifest, localFileSystem(conf),
                                    new Path(folder.resolve(BundleReader.MANIFEST_FILE).toUri()), conf);
                        }
                    }
                }
            }
            return new Local(scratch, registry.text(), scratch);
        } catch (IOException | RuntimeException e) {
            deleteRecursively(scratch);
            throw e;
        }
    }

    /**
     * Copies a version folder built locally into the remote registry {@code registry} as {@code version} and makes
     * it current. Returns the published folder's URI.
     *
     * @throws FileAlreadyExistsException when the registry has that version already (versions are never reused)
     */
    public static String publish(java.nio.file.Path localFolder, String version, ModelLocation registry,
                                 Configuration conf) throws IOException {
        if (registry.isLocal()) {
            throw new IllegalArgumentException("publish copies to another file system; " + registry + " is local");
        }
        Path root = new Path(registry.text());
        FileSystem fs = root.getFileSystem(conf);
        Path target = new Path(root, version);
        fs.mkdirs(root);
        if (fs.exists(target)) {
            throw new FileAlreadyExistsException(target.toString(), null,
                    "version " + version + " is already published; versions are never reused");
        }
        Path staging = new Path(root, ".tmp-" + version + "-" + UUID.randomUUID().toString().substring(0, 8));
        try {
            copy(localFileSystem(conf), new Path(localFolder.toUri()), fs, staging, conf);
            if (!fs.rename(staging, target)) {
                throw new IOException("cannot rename " + staging + " to " + target);
            }
        } finally {
            fs.delete(staging, true);
        }
        Path temporary = new Path(root, ".CURRENT-" + UUID.randomUUID() + ".tmp");
        try {
            try (OutputStream out = fs.create(temporary, false)) {
                out.write((version + "\n").getBytes(StandardCharsets.UTF_8));
            }
            replace(fs, temporary, new Path(root, ModelRegistry.CURRENT_FILE), conf);
        } finally {
            fs.delete(temporary, false);
        }
        return fs.makeQualified(target).toString();
    }

    /**
     * A Hadoop configuration for commands that start no Spark session: the defaults on the classpath plus every
     * {@code spark.hadoop.*} system property, as Spark would add them.
     */
    public static Configuration hadoopConfiguration() {
        Configuration conf = new Configuration();
        for (Map.Entry<Object, Object> property : System.getProperties().entrySet()) {
            String key = String.valueOf(property.getKey());
            if (key.startsWith("spark.hadoop.")) {
                conf.set(key.substring("spark.hadoop.".length()), String.valueOf(property.getValue()));
            }
        }
        return conf;
    }

    /** The local disk without Hadoop's checksum files: the copies are read by java.nio, never by Hadoop. */
    private static FileSystem localFileSystem(Configuration conf) throws IOException {
        return FileSystem.getLocal(conf).getRawFileSystem();
    }

    /** Renames {@code source} over {@code target}: in one step where the file system can, else delete then rename. */
    private static void replace(FileSystem fs, Path source, Path target, Configuration conf) throws IOException {
        try {
            FileContext.getFileContext(fs.getUri(), conf).rename(source, target, Options.Rename.OVERWRITE);
            return;
        } catch (UnsupportedFileSystemException e) {
            // No FileContext binding for this scheme: fall through to the two-step replace.
        }
        fs.delete(target, false);
        if (!fs.rename(source, target)) {
            throw new IOException("cannot rename " + source + " to " + target);
        }
    }

    private static String readPointer(FileSystem fs, Path pointer, ModelLocation location) throws IOException {
        String version;
        try (InputStream in = fs.open(pointer)) {
            version = new String(in.readNBytes(4096), StandardCharsets.UTF_8).trim();
        }
        if (!ModelRegistry.isVersionName(version)) {
            throw new InvalidBundleException("registry " + location + ": " + ModelRegistry.CURRENT_FILE
                    + " names no valid version ('" + version + "')");
        }
        return version;
    }

    private static void copy(FileSystem from, Path source, FileSystem to, Path target, Configuration conf)
            throws IOException {
        if (!FileUtil.copy(from, source, to, target, false, true, conf)) {
            throw new IOException("cannot copy " + source + " to " + target);
        }
    }

    private static void deleteRecursively(java.nio.file.Path folder) throws IOException {
        if (!FileUtil.fullyDelete(folder.toFile())) {
            throw new IOException("cannot delete " + folder);
        }
    }
}

package io.paysignal.core.bundle;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A folder of published bundles: {@code DIR/<version>/} per version and {@code DIR/CURRENT}, a one-line text
 * file naming the version to serve.
 *
 * <p>Publishing never shows a half-written version: the bundle is written into a hidden
 * {@code DIR/.tmp-<version>-<random>} folder, loaded back to prove it is complete, renamed to
 * {@code DIR/<version>} in one atomic step, and only then is {@code CURRENT} replaced, again by writing a
 * hidden temporary file and atomically moving it over the old one. A reader therefore sees either the old
 * current version or the new one. A version name is never reused: publishing an existing version fails.
 * Version names are chosen by the caller, e.g. {@code yyyyMMdd-HHmmss-<short fingerprint>}.
 *
 * <p>The registry relies on same-file-system atomic renames, so it works on local (or POSIX network) paths;
 * object stores without rename need a different publisher.
 */
public final class ModelRegistry {

    /** The pointer file naming the current version. */
    public static final String CURRENT_FILE = "CURRENT";

    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private final Path root;
    private final BundleReader reader = new BundleReader();

    /** Writes extra files (e.g. the training run's {@code rejects.csv}) into a version folder before publishing. */
    @FunctionalInterface
    public interface ExtraFiles {
        /** Writes into {@code versionFolder}, which is still hidden when this runs. */
        void writeInto(Path versionFolder) throws IOException;
    }

    /** A registry rooted at {@code root}; the folder is created on the first publish. */
    public ModelRegistry(Path root) {
        this.root = root;
    }

    /** The registry folder. */
    public Path root() {
        return root;
    }

    /** Publishes a bundle as {@code version} and makes it current. Returns the version folder. */
    public Path publish(String version, BundleWriter bundle) throws IOException {
        return publish(version, bundle, folder -> { });
    }

    /**
     * Publishes a bundle and extra files as {@code version} and makes it current.
     *
     * @return the new version folder
     * @throws FileAlreadyExistsException when the version exists already
     * @throws IllegalArgumentException when the version name is not a plain folder name
     */
    public Path publish(String version, BundleWriter bundle, ExtraFiles extras) throws IOException {
        Path target = folder(version);
        Files.createDirectories(root);
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString(), null,
                    "version " + version + " is already published; versions are never reused");
        }
        Path staging = root.resolve(".tmp-" + version + "-" + UUID.randomUUID().toString().substring(0, 8));
        Files.createDirectory(staging);
        try {
            bundle.writeTo(staging);
            extras.writeInto(staging);
            reader.read(staging);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try {
                deleteRecursively(staging);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        writeCurrent(version);
        return target;
    }

    /**
     * Points {@code CURRENT} at an already published version, e.g. to roll back.
     *
     * @throws InvalidBundleException when the version folder is missing or does not hold a loadable bundle
     */
    public void makeCurrent(String version) throws IOException {
        Path folder = folder(version);
        if (!Files.isDirectory(folder)) {
            throw new InvalidBundleException("registry " + root + " has no version " + version);
        }
        reader.read(folder);
        writeCurrent(version);
    }

    /** The version {@code CURRENT} names, if there is one. */
    public Optional<String> currentVersion() throws IOException {
        Path pointer = root.resolve(CURRENT_FILE);
        if (!Files.isRegularFile(pointer)) {
            return Optional.empty();
        }
        return Optional.of(readPointer(pointer));
    }

    /**
     * The published version names, sorted. Hidden folders (publications in progress, {@code .rejected}) and
     * folders whose name is no version name are left out; a registry that does not exist yet has none.
     */
    public List<String> versions() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<String> versions = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                if (VERSION.matcher(name).matches()) {
                    versions.add(name);
                }
            }
        }
        versions.sort(null);
        return versions;
    }

    /**
     * The folder of {@code version}, which may not exist.
     *
     * @throws IllegalArgumentException when {@code version} is not a plain version name (it could leave the
     *                                  registry, e.g. {@code ..} or {@code a/b})
     */
    public Path folder(String version) {
        requireVersionName(version);
        return root.resolve(version);
    }

    /** Every published version, sorted by name, with its headline metrics when its manifest is readable. */
    public List<RegistryEntry> list() throws IOException {
        String current = currentVersion().orElse(null);
        List<RegistryEntry> entries = new ArrayList<>();
        for (String version : versions()) {
            Path folder = root.resolve(version);
            boolean isCurrent = version.equals(current);
            try {
                entries.add(new RegistryEntry(version, folder, isCurrent, reader.readManifest(folder), null));
            } catch (IOException e) {
                entries.add(new RegistryEntry(version, folder, isCurrent, null, e.getMessage()));
            }
        }
        return entries;
    }

    /**
     * The bundle folder a {@code --model} path means: for a registry (a folder with {@code CURRENT}), the
     * current version's folder; for a version folder (one with {@code manifest.json}), the folder itself.
     *
     * @throws InvalidBundleException when the path is neither, or {@code CURRENT} names a missing version
     */
    public static Path resolve(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            throw new InvalidBundleException("model path " + path + " is not a folder");
        }
        Path pointer = path.resolve(CURRENT_FILE);
        if (Files.isRegularFile(pointer)) {
            String version = readPointer(pointer);
            Path folder = path.resolve(version);
            if (!Files.isDirectory(folder)) {
                throw new InvalidBundleException("registry " + path + " names current version " + version
                        + " but has no such folder");
            }
            return folder;
        }
        if (Files.isRegularFile(path.resolve(BundleReader.MANIFEST_FILE))) {
            return path;
        }
        throw new InvalidBundleException("model path " + path + " is neither a model registry (no "
                + CURRENT_FILE + " file) nor a bundle version folder (no " + BundleReader.MANIFEST_FILE + ")");
    }

    private void writeCurrent(String version) throws IOException {
        Path temporary = root.resolve(".CURRENT-" + UUID.randomUUID() + ".tmp");
        try {
            Files.write(temporary, (version + "\n").getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temporary, root.resolve(CURRENT_FILE), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static String readPointer(Path pointer) throws IOException {
        String version = Files.readString(pointer, StandardCharsets.UTF_8).trim();
        if (!VERSION.matcher(version).matches()) {
            throw new InvalidBundleException(pointer + " does not name a version: '" + version + "'");
        }
        return version;
    }

    /**
     * True when {@code name} can name a version: letters, digits, '.', '_' or '-' (not starting with '.' or '-'),
     * at most 128 characters, and not {@code CURRENT}.
     */
    public static boolean isVersionName(String name) {
        return name != null && VERSION.matcher(name).matches() && !name.equals(CURRENT_FILE);
    }

    private static void requireVersionName(String version) {
        if (!isVersionName(version)) {
            throw new IllegalArgumentException("version must be letters, digits, '.', '_' or '-' (not starting"
                    + " with '.' or '-'), at most 128 characters, and not " + CURRENT_FILE + "; was " + version);
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}

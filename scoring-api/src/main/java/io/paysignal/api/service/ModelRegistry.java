package io.paysignal.api.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The model registry folder {@code riskctl train --model-out} publishes into (DATA-CONTRACT section 3):
 * one folder per version, and a file {@code CURRENT} naming the version to serve.
 */
public final class ModelRegistry {

    /** The file naming the version to serve. */
    public static final String CURRENT_FILE = "CURRENT";

    /** A version is a plain folder name: no separators, no {@code ..}, nothing hidden. */
    private static final Pattern VERSION_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private final Path root;

    public ModelRegistry(Path root) {
        if (root == null) {
            throw new IllegalArgumentException("registry folder is required");
        }
        this.root = root.toAbsolutePath().normalize();
    }

    /** The registry folder. */
    public Path root() {
        return root;
    }

    /**
     * The version folders, sorted by name. Hidden folders ({@code .staging-*}) and anything that is not a
     * plain folder name are left out: they are publications in progress, not versions.
     */
    public List<String> versions() {
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(Files::isDirectory)
                    .map(path -> path.getFileName().toString())
                    .filter(name -> VERSION_NAME.matcher(name).matches())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list model registry " + root, e);
        }
    }

    /**
     * The version {@code CURRENT} names.
     *
     * @throws ModelRejectedException when there is no readable {@code CURRENT}, or it names no version folder
     */
    public String currentVersion() {
        Path current = root.resolve(CURRENT_FILE);
        String text;
        try {
            text = Files.readString(current, StandardCharsets.UTF_8).trim();
        } catch (NoSuchFileException e) {
            throw new ModelRejectedException(null, "the registry " + root + " has no " + CURRENT_FILE + " file");
        } catch (IOException e) {
            throw new ModelRejectedException(null, "cannot read " + current + ": " + e.getMessage(), e);
        }
        if (!VERSION_NAME.matcher(text).matches()) {
            throw new ModelRejectedException(null, CURRENT_FILE + " does not hold a plain version folder name");
        }
        if (!Files.isDirectory(root.resolve(text))) {
            throw new ModelRejectedException(text, CURRENT_FILE + " names version " + text
                    + " but the registry has no such folder");
        }
        return text;
    }

    /** The folder of {@code version}. */
    public Path folder(String version) {
        if (version == null || !VERSION_NAME.matcher(version).matches()) {
            throw new IllegalArgumentException("not a version name: " + version);
        }
        return root.resolve(version);
    }
}

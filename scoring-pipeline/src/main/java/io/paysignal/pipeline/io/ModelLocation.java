package io.paysignal.pipeline.io;

import java.net.URI;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where {@code --model} or {@code --model-out} points: a local folder (a path, or a {@code file:} URI, the form
 * Spark and Hadoop print) or a folder on another Hadoop file system ({@code hdfs://}, {@code s3a://}, ...), which
 * {@link ModelStore} copies bundles from and publishes them to.
 *
 * @param text the option as given
 * @param local the local folder; null for another file system
 */
public record ModelLocation(String text, Path local) {

    private static final Pattern URI_WITH_AUTHORITY = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://.*");

    public ModelLocation {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a model location must not be blank");
        }
    }

    /**
     * Reads an option value.
     *
     * @throws IllegalArgumentException for a {@code file:} URI that names no local path
     */
    public static ModelLocation of(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a model location must not be blank");
        }
        return new ModelLocation(text, localPath(text));
    }

    /**
     * The local path {@code text} names: a plain path, or a {@code file:} URI; null for a URI of another scheme
     * ({@code hdfs://}, {@code s3a://}, ...), which is not taken for a relative folder named {@code hdfs:}.
     *
     * @throws IllegalArgumentException for a {@code file:} URI that names no local path
     */
    public static Path localPath(String text) {
        if (text.regionMatches(true, 0, "file:", 0, 5)) {
            try {
                return Path.of(URI.create(text));
            } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
                throw new IllegalArgumentException("not a local file: URI: " + text + " (" + e.getMessage() + ")", e);
            }
        }
        return URI_WITH_AUTHORITY.matcher(text).matches() ? null : Path.of(text);
    }

    /** A local folder. */
    public static ModelLocation of(Path local) {
        return new ModelLocation(local.toString(), local);
    }

    /** True for a folder on the local disk. */
    public boolean isLocal() {
        return local != null;
    }

    /** {@code name} inside this folder, as a Hadoop path string. */
    public String resolve(String name) {
        return (text.endsWith("/") ? text : text + "/") + name;
    }

    @Override
    public String toString() {
        return text;
    }
}

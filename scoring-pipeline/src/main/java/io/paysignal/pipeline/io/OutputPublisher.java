package io.paysignal.pipeline.io;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

/**
 * Publishes a job's output directory atomically: everything is written into a hidden staging directory
 * beside the target, and only a complete result is renamed into place. A reader therefore sees either
 * the previous complete output or the new complete one, never a half-written directory; a job killed
 * mid-write leaves only a hidden {@code .NAME.staging-*} folder, which the next run ignores.
 *
 * <p>Works on any Hadoop file system (local, hdfs://, s3a:// where rename is supported).
 */
public final class OutputPublisher {

    private final FileSystem fileSystem;
    private final Path target;
    private final Path staging;

    private OutputPublisher(FileSystem fileSystem, Path target, Path staging) {
        this.fileSystem = fileSystem;
        this.target = target;
        this.staging = staging;
    }

    /** Prepares a staging directory for {@code targetUri}; nothing at the target is touched yet. */
    public static OutputPublisher forTarget(String targetUri, Configuration hadoopConf) {
        try {
            Path target = new Path(targetUri);
            FileSystem fileSystem = target.getFileSystem(hadoopConf);
            target = fileSystem.makeQualified(target);
            Path parent = target.getParent();
            if (parent == null) {
                throw new IllegalArgumentException("output must not be a file-system root: " + targetUri);
            }
            fileSystem.mkdirs(parent);
            Path staging = new Path(parent, "." + target.getName() + ".staging-" + UUID.randomUUID());
            return new OutputPublisher(fileSystem, target, staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare output " + targetUri + ": " + e.getMessage(), e);
        }
    }

    /** The staging directory to write into (as a URI string Spark and Hadoop accept). */
    public String staging() {
        return staging.toString();
    }

    /** A path inside the staging directory. */
    public String staging(String child) {
        return new Path(staging, child).toString();
    }

    /** The final location. */
    public String target() {
        return target.toString();
    }

    /**
     * Moves the complete staging directory into place. An existing output is first renamed aside and
     * deleted only after the new one is in place, so a failure here never leaves the target empty-handed
     * without a complete copy on disk.
     */
    public void publish() {
        try {
            if (!fileSystem.exists(staging)) {
                throw new IllegalStateException("nothing was written to " + staging);
            }
            Path previous = null;
            if (fileSystem.exists(target)) {
                previous = new Path(target.getParent(), "." + target.getName() + ".previous-" + UUID.randomUUID());
                rename(target, previous);
            }
            rename(staging, target);
            if (previous != null) {
                fileSystem.delete(previous, true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * What a job writes into the staging directory before it is published.
     *
     * @param <T> what the job reports
     * @param <E> the checked exception the writing may throw (inferred; none for a lambda that throws none)
     */
    @FunctionalInterface
    public interface StagedWrite<T, E extends Exception> {
        /** Writes the job's files into {@code publisher}'s staging directory; returns what the job reports. */
        T writeInto(OutputPublisher publisher) throws E;
    }

    /**
     * Runs {@code write} into the staging directory and publishes what it wrote; on any failure (Spark's
     * exceptions included, which Java sees as undeclared) the staging directory is removed and the failure
     * rethrown, so the target keeps its previous complete output.
     */
    public <T, E extends Exception> T publishAfter(StagedWrite<T, E> write) throws E {
        boolean published = false;
        try {
            T result = write.writeInto(this);
            publish();
            published = true;
            return result;
        } finally {
            if (!published) {
                abandon();
            }
        }
    }

    /** Removes the staging directory after a failed run (best effort). */
    public void abandon() {
        try {
            fileSystem.delete(staging, true);
        } catch (IOException ignored) {
            // A leftover hidden staging folder is harmless; the next run uses a fresh one.
        }
    }

    private void rename(Path from, Path to) throws IOException {
        if (!fileSystem.rename(from, to)) {
            throw new IOException("rename " + from + " -> " + to + " failed");
        }
    }
}

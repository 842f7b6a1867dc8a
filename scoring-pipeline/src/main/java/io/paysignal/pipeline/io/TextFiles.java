package io.paysignal.pipeline.io;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.util.LineReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Small UTF-8 text files (run summaries, reports, KPI tables) read and written on any Hadoop file system.
 * Large tables go through Spark writers instead.
 */
public final class TextFiles {

    private TextFiles() {
    }

    /** Writes {@code content} to {@code path}, replacing a file there. */
    public static void write(Configuration hadoopConf, String path, String content) {
        Path file = new Path(path);
        try {
            FileSystem fs = file.getFileSystem(hadoopConf);
            if (file.getParent() != null) {
                fs.mkdirs(file.getParent());
            }
            try (FSDataOutputStream out = fs.create(file, true)) {
                out.write(content.getBytes(StandardCharsets.UTF_8));
            }
            // Hadoop's local file system keeps a hidden .NAME.crc beside the file; it only clutters a report folder.
            if (fs instanceof ChecksumFileSystem checksummed) {
                checksummed.getRawFileSystem().delete(checksummed.getChecksumFile(file), false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    /** The content of {@code path}, or empty when there is no such file. */
    public static Optional<String> readIfPresent(Configuration hadoopConf, String path) {
        Path file = new Path(path);
        try {
            FileSystem fs = file.getFileSystem(hadoopConf);
            if (!fs.exists(file)) {
                return Optional.empty();
            }
            try (FSDataInputStream in = fs.open(file)) {
                return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * The first line of {@code path} (without its line end; {@code \n}, {@code \r\n} and {@code \r} end a line, as
     * for Hadoop's text input), or empty when the file is empty. At most {@code maxBytes} of it are kept.
     */
    public static Optional<String> firstLine(Configuration hadoopConf, String path, int maxBytes) {
        Path file = new Path(path);
        try (FSDataInputStream in = file.getFileSystem(hadoopConf).open(file)) {
            Text line = new Text();
            int consumed = new LineReader(in).readLine(line, maxBytes);
            return consumed == 0 ? Optional.empty() : Optional.of(line.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** True when {@code path} exists (file or directory). */
    public static boolean exists(Configuration hadoopConf, String path) {
        Path file = new Path(path);
        try {
            return file.getFileSystem(hadoopConf).exists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look up " + path + ": " + e.getMessage(), e);
        }
    }
}

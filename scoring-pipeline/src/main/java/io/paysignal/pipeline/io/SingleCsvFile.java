package io.paysignal.pipeline.io;

import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a Dataset as one CSV file with a header (RFC 4180 quoting, {@code \n} line ends, timestamps as
 * ISO-8601 UTC) under a chosen name: Spark writes a single part file into a hidden temporary folder beside
 * the target, which is then renamed, so no reader sees a half-written file under the final name.
 * Works on any Hadoop file system.
 */
public final class SingleCsvFile {

    private SingleCsvFile() {
    }

    /**
     * Writes {@code rows} (already in the order wanted) to {@code dir/fileName}, replacing an older file.
     *
     * @param header the header line used when there are no rows (Spark writes no part file then)
     * @return the path written
     */
    public static String write(Dataset<Row> rows, String dir, String fileName, String header) {
        Path directory = new Path(dir);
        Path target = new Path(directory, fileName);
        Path temporary = new Path(directory, "." + fileName + "-" + UUID.randomUUID() + ".tmp");
        try {
            FileSystem fs = directory.getFileSystem(rows.sparkSession().sparkContext().hadoopConfiguration());
            fs.mkdirs(directory);
            try {
                // Sorting before coalesce(1) keeps the order: coalesce concatenates the sorted partitions in turn.
                rows.coalesce(1).write()
                        .mode(SaveMode.ErrorIfExists)
                        .options(Map.of(
                                "header", "true",
                                "quote", "\"",
                                "escape", "\"",
                                "ignoreLeadingWhiteSpace", "false",
                                "ignoreTrailingWhiteSpace", "false",
                                "lineSep", "\n",
                                "dateFormat", "yyyy-MM-dd",
                                "timestampFormat", "yyyy-MM-dd'T'HH:mm:ss'Z'"))
                        .csv(temporary.toString());
                FileStatus[] parts = fs.globStatus(new Path(temporary, "part-*"));
                if (fs.exists(target)) {
                    fs.delete(target, false);
                }
                if (parts == null || parts.length == 0) {
                    try (OutputStream out = fs.create(target, true)) {
                        out.write((header + "\n").getBytes(StandardCharsets.UTF_8));
                    }
                } else if (parts.length == 1) {
                    if (!fs.rename(parts[0].getPath(), target)) {
                        throw new IOException("cannot rename " + parts[0].getPath() + " to " + target);
                    }
                } else {
                    throw new IllegalStateException("expected one part file in " + temporary + ", found "
                            + parts.length);
                }
                dropLocalChecksum(fs, target);
            } finally {
                fs.delete(temporary, true);
            }
            return target.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /**
     * Hadoop's local file system keeps a hidden {@code .NAME.crc} beside the file; it protects nothing once
     * the file leaves Hadoop and would only clutter the output directory.
     */
    private static void dropLocalChecksum(FileSystem fs, Path target) throws IOException {
        if (fs instanceof ChecksumFileSystem checksummed) {
            checksummed.getRawFileSystem().delete(checksummed.getChecksumFile(target), false);
        }
    }
}

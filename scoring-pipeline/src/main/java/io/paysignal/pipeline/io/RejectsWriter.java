package io.paysignal.pipeline.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Writes a history's rejects as the single file {@code rejects.csv} of a run's output directory
 * (DATA-CONTRACT "Bad rows"): header {@code table,line,key,reason,raw}, RFC 4180 quoting (doubled quotes),
 * rows ordered by table (contract order), then line, then key.
 *
 * <p>The output directory may be local or any Hadoop URI. Spark writes one part file into a hidden
 * temporary directory inside it, which is then renamed to {@code rejects.csv} and removed, so no reader
 * ever sees a half-written {@code rejects.csv} under its final name.
 */
public final class RejectsWriter {

    /** The file name the contract gives the rejects. */
    public static final String FILE_NAME = "rejects.csv";
    /** The header line. */
    public static final String HEADER = "table,line,key,reason,raw";

    private final SparkSession spark;

    public RejectsWriter(SparkSession spark) {
        if (spark == null) {
            throw new IllegalArgumentException("spark is required");
        }
        this.spark = spark;
    }

    /**
     * Writes {@code rejects} (schema {@link History#REJECTS_SCHEMA}) to {@code outputDir/rejects.csv},
     * replacing an earlier file, and returns the path written.
     */
    public String write(Dataset<Row> rejects, String outputDir) {
        Path dir = new Path(outputDir);
        Path target = new Path(dir, FILE_NAME);
        // A leading dot hides the directory from Hadoop and Spark listings of the output directory.
        Path temporary = new Path(dir, ".rejects-" + UUID.randomUUID() + ".tmp");
        try {
            FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
            fs.mkdirs(dir);
            try {
                ordered(rejects).coalesce(1).write()
                        .mode(SaveMode.ErrorIfExists)
                        .option("header", "true")
                        .option("quote", "\"")
                        .option("escape", "\"")
                        .option("ignoreLeadingWhiteSpace", "false")
                        .option("ignoreTrailingWhiteSpace", "false")
                        .option("lineSep", "\n")
                        .csv(temporary.toString());
                FileStatus[] parts = fs.globStatus(new Path(temporary, "part-*"));
                if (fs.exists(target)) {
                    fs.delete(target, false);
                }
                if (parts == null || parts.length == 0) {
                    writeHeaderOnly(fs, target);
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

    private static Dataset<Row> ordered(Dataset<Row> rejects) {
        Column tableOrder = lit(HistoryTable.values().length);
        for (HistoryTable table : HistoryTable.values()) {
            tableOrder = when(col("table").equalTo(table.tableName()), lit(table.ordinal())).otherwise(tableOrder);
        }
        // Sorting before coalesce(1) keeps the order: coalesce concatenates the sorted partitions in turn.
        return rejects.select("table", "line", "key", "reason", "raw")
                .orderBy(tableOrder, col("table"), col("line").asc_nulls_last(), col("key"), col("raw"));
    }

    /**
     * Hadoop's local file system keeps a hidden {@code .rejects.csv.crc} beside the file; it protects
     * nothing once the file leaves Hadoop and would only clutter the run's output directory.
     */
    private static void dropLocalChecksum(FileSystem fs, Path target) throws IOException {
        if (fs instanceof ChecksumFileSystem checksummed) {
            checksummed.getRawFileSystem().delete(checksummed.getChecksumFile(target), false);
        }
    }

    private static void writeHeaderOnly(FileSystem fs, Path target) throws IOException {
        try (OutputStream out = fs.create(target, true)) {
            out.write((HEADER + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }
}

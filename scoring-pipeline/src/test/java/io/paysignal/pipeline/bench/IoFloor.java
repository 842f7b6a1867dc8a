package io.paysignal.pipeline.bench;

import io.paysignal.pipeline.spark.SparkSessions;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.sum;

/**
 * The I/O floor of a pipeline run, for {@code bench/pipeline.sh}: the time Spark needs just to read the
 * history's CSV tables and count their rows, in a session configured exactly as {@code riskctl} configures
 * its own ({@link SparkSessions}). {@code riskctl score} cannot be faster than this on the same machine, so
 * score time over this time says how much the scoring work itself costs.
 *
 * <p>The floor is this process's whole wall time, measured by the caller the same way as the score run's:
 * JVM start, Spark session, then one cold pass of {@code spark.read().csv(...).count()} over every table
 * (Spark may skip tokenizing fields for a count). For information it then prints, inside the running JVM,
 * a second (warm) count pass and a pass that tokenizes and hashes every field of every row, the least any
 * reader that looks at the values must do.
 *
 * <p>A bench-only main under {@code src/test/java} rather than a riskctl sub-command: it is not a product
 * feature, so it does not ship in the jar. Usage: {@code IoFloor HISTORY_DIR [MASTER]}.
 */
public final class IoFloor {

    private static final List<String> TABLES = List.of("customers", "invoices", "payments", "contacts");

    private IoFloor() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: IoFloor HISTORY_DIR [MASTER]");
            System.exit(2);
        }
        Path history = Path.of(args[0]);
        SparkSession spark = SparkSessions.start("riskctl-bench-io", args.length > 1 ? args[1] : null);
        try {
            long coldNanos = measure(spark, history, false);
            System.out.printf("io_floor_cold_count_seconds=%.3f%n", coldNanos / 1e9);
            long warmNanos = measure(spark, history, false);
            long parseNanos = measure(spark, history, true);
            System.out.printf("io_floor_warm_count_seconds=%.3f%n", warmNanos / 1e9);
            System.out.printf("io_floor_warm_parse_seconds=%.3f%n", parseNanos / 1e9);
        } finally {
            spark.stop();
        }
    }

    private static long measure(SparkSession spark, Path history, boolean parseEveryField) {
        long start = System.nanoTime();
        StringBuilder line = new StringBuilder(parseEveryField ? "parse:" : "count:");
        for (String table : TABLES) {
            Path csv = history.resolve(table + ".csv");
            if (!Files.isRegularFile(csv)) {
                continue;
            }
            Dataset<Row> rows = spark.read().option("header", "true").option("mode", "PERMISSIVE").csv(csv.toString());
            long count;
            if (parseEveryField) {
                // Hashing every column makes Spark tokenize every field; the sum keeps the result on the executors.
                Row row = rows.agg(org.apache.spark.sql.functions.count("*"),
                        sum(hash(Arrays.stream(rows.columns()).map(c -> col("`" + c + "`")).toArray(org.apache.spark.sql.Column[]::new))))
                        .first();
                count = row.getLong(0);
            } else {
                count = rows.count();
            }
            line.append(' ').append(table).append('=').append(count);
        }
        long elapsed = System.nanoTime() - start;
        System.out.println(line + String.format(" (%.3f s)", elapsed / 1e9));
        return elapsed;
    }
}

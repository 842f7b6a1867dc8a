package io.paysignal.pipeline.bench;

import io.paysignal.pipeline.spark.SparkSessions;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.sum;

/**
 * The I/O floor of a pipeline run, for {@code bench/pipeline.sh}: the time Spark needs just to read the
 * history's CSV tables, in a session configured exactly as {@code riskctl} configures its own
 * ({@link SparkSessions}) and in a JVM started with riskctl's options. {@code riskctl score} cannot be faster
 * than this on the same machine, so score time over this time says how much the scoring work itself costs.
 *
 * <p>The floor is this process's whole wall time, measured by the caller the same way as the score run's: JVM
 * start, Spark session, then exactly <em>one cold pass</em> over every table, and exit. So each mode needs its own
 * process; the caller runs both. Modes:
 * <ul>
 *   <li>{@code count}: {@code spark.read().csv(...).count()}; Spark may skip tokenizing fields for a count, so
 *       this is the least any reader of the files can cost;</li>
 *   <li>{@code parse}: every field of every row tokenized and hashed (a sum of hashes per table, kept on the
 *       executors), the least any reader that looks at the values must do.</li>
 * </ul>
 * (Until 2026-11-24 one process ran a cold count and then, "for information", a warm count and a warm parse,
 * and the caller timed all three: the floor was inflated by those two passes.)
 *
 * <p>A bench-only main under {@code src/test/java} rather than a riskctl sub-command: it is not a product
 * feature, so it does not ship in the jar. Usage: {@code IoFloor count|parse HISTORY_DIR [MASTER]}. Prints one
 * line {@code MODE: customers=N invoices=N payments=N contacts=N (S s)}.
 */
public final class IoFloor {

    private static final List<String> TABLES = List.of("customers", "invoices", "payments", "contacts");

    /** What the one pass does with each table. */
    enum Mode {
        /** Counts rows; the CSV source may skip tokenizing fields. */
        COUNT,
        /** Tokenizes and hashes every field of every row. */
        PARSE
    }

    private IoFloor() {
    }

    public static void main(String[] args) {
        if (args.length < 2 || !(args[0].equals("count") || args[0].equals("parse"))) {
            System.err.println("usage: IoFloor count|parse HISTORY_DIR [MASTER]");
            System.exit(2);
        }
        Mode mode = Mode.valueOf(args[0].toUpperCase(Locale.ROOT));
        Path history = Path.of(args[1]);
        SparkSession spark = SparkSessions.start("riskctl-bench-io-" + args[0], args.length > 2 ? args[2] : null);
        try {
            pass(spark, history, mode);
        } finally {
            spark.stop();
        }
    }

    private static void pass(SparkSession spark, Path history, Mode mode) {
        long start = System.nanoTime();
        StringBuilder line = new StringBuilder(mode.name().toLowerCase(Locale.ROOT)).append(':');
        for (String table : TABLES) {
            Path csv = history.resolve(table + ".csv");
            if (!Files.isRegularFile(csv)) {
                continue;
            }
            Dataset<Row> rows = spark.read().option("header", "true").option("mode", "PERMISSIVE").csv(csv.toString());
            long rowCount;
            if (mode == Mode.PARSE) {
                // Hashing every column makes Spark tokenize every field; the sum keeps the result on the executors.
                Column[] columns = Arrays.stream(rows.columns()).map(c -> col("`" + c + "`")).toArray(Column[]::new);
                rowCount = rows.agg(count("*"), sum(hash(columns))).first().getLong(0);
            } else {
                rowCount = rows.count();
            }
            line.append(' ').append(table).append('=').append(rowCount);
        }
        System.out.println(line + String.format(" (%.3f s)", (System.nanoTime() - start) / 1e9));
    }
}

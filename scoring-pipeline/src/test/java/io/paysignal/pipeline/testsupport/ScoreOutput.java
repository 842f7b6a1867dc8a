package io.paysignal.pipeline.testsupport;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads what {@code riskctl score} wrote (the score table's Parquet part files at the output root and the
 * feature snapshot under {@code features/}) as one canonical text per customer, for exact comparisons: every
 * column in schema order, doubles in their shortest round-trip form (equal text means equal bits), dates as
 * ISO dates, timestamps as UTC instants, nested lists and structs written out in full (fields by position, so
 * rows built in memory and rows read back from Parquet compare alike).
 */
public final class ScoreOutput {

    private ScoreOutput() {
    }

    /** The score table, customer id to its whole row. */
    public static Map<String, String> scoreRows(SparkSession spark, Path out) throws IOException {
        List<String> parts;
        try (Stream<Path> files = Files.list(out)) {
            parts = files.map(Path::toString).filter(name -> name.endsWith(".parquet")).sorted().toList();
        }
        if (parts.isEmpty()) {
            throw new IllegalStateException("no score table part files in " + out);
        }
        return byCustomer(spark.read().parquet(parts.toArray(String[]::new)));
    }

    /** The feature snapshot ({@code OUT/features/}), customer id to its whole row. */
    public static Map<String, String> featureRows(SparkSession spark, Path out) {
        return byCustomer(spark.read().parquet(out.resolve("features").toString()));
    }

    /** Rows keyed by their {@code customer_id} column, each in canonical text; a repeated id fails. */
    public static Map<String, String> byCustomer(Dataset<Row> rows) {
        Map<String, String> byId = new TreeMap<>();
        for (Row row : rows.collectAsList()) {
            String id = row.getAs("customer_id");
            if (byId.put(id, canonical(row)) != null) {
                throw new IllegalStateException("customer " + id + " has more than one row");
            }
        }
        return byId;
    }

    /** One value in canonical text (see the class comment); rows and Scala sequences recursively. */
    public static String canonical(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Row row) {
            StringJoiner fields = new StringJoiner(",", "{", "}");
            for (int i = 0; i < row.size(); i++) {
                fields.add(canonical(row.get(i)));
            }
            return fields.toString();
        }
        if (value instanceof scala.collection.Seq<?> seq) {
            StringJoiner items = new StringJoiner(",", "[", "]");
            scala.collection.Iterator<?> iterator = seq.iterator();
            while (iterator.hasNext()) {
                items.add(canonical(iterator.next()));
            }
            return items.toString();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant().toString();
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        if (value instanceof Double number) {
            return Double.toString(number);
        }
        return value.getClass().getSimpleName() + ":" + value;
    }

    /** Customers whose rows differ between two outputs (present in one only, or with different rows). */
    public static List<String> differingCustomers(Map<String, String> expected, Map<String, String> actual) {
        TreeMap<String, Boolean> ids = new TreeMap<>();
        expected.keySet().forEach(id -> ids.put(id, Boolean.TRUE));
        actual.keySet().forEach(id -> ids.put(id, Boolean.TRUE));
        return ids.keySet().stream().filter(id -> !java.util.Objects.equals(expected.get(id), actual.get(id))).toList();
    }

    /** A readable account of the first few differences, for assertion messages. */
    public static String describeDifferences(Map<String, String> expected, Map<String, String> actual, int most) {
        List<String> differing = differingCustomers(expected, actual);
        StringBuilder text = new StringBuilder(differing.size() + " customers differ");
        for (String id : differing.subList(0, Math.min(most, differing.size()))) {
            text.append("\n  ").append(id).append("\n    before: ").append(expected.get(id))
                    .append("\n    after:  ").append(actual.get(id));
        }
        return text.toString();
    }
}

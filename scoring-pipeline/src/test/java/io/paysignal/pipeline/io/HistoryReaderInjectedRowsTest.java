package io.paysignal.pipeline.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paysignal.pipeline.testsupport.HistoryFixtures;
import io.paysignal.pipeline.testsupport.SampleHistory;
import io.paysignal.pipeline.testsupport.SharedSparkSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad rows of every kind the contract names, injected at seeded random places into a realistic history (the first
 * customers of {@code data-samples/history} with all their rows): the reader keeps every valid row (the ids of
 * the clean tables) and reports every injected row, at its line, with its reason, counted per table
 * and reason in the run summary.
 */
class HistoryReaderInjectedRowsTest extends SharedSparkSession {

    private static final int CUSTOMERS = 30;
    private static final long SEED = Long.getLong("badrows.seed", 7L);

    @TempDir
    Path dir;

    /** A bad line for a table and the reason the reader must give it. */
    record BadRow(String table, String line, String reason) {
    }

    @Test
    void keepsEveryValidRowAndReportsEveryInjectedBadRowWithItsLineAndReason() {
        Map<String, List<String>> clean = SampleHistory.firstCustomers(CUSTOMERS);
        Random random = new Random(SEED);
        List<BadRow> bad = badRows(random, clean);
        Map<String, List<String>> dirty = new LinkedHashMap<>();
        Map<String, Map<Long, String>> expected = new TreeMap<>();
        for (String table : clean.keySet()) {
            List<String> lines = new ArrayList<>(clean.get(table));
            List<BadRow> mine = bad.stream().filter(b -> b.table().equals(table)).toList();
            // Insert each bad line after a random valid line (never before the header), remembering its marker.
            List<Object> merged = new ArrayList<>(lines);
            for (BadRow row : mine) {
                int at = 1 + random.nextInt(merged.size());
                if (row.reason().equals(RejectReasons.DUPLICATE_KEY)) {
                    at = merged.size(); // after the original, so the first (valid) row is the one kept
                }
                merged.add(at, row);
            }
            List<String> text = new ArrayList<>();
            Map<Long, String> reasons = new TreeMap<>();
            for (Object item : merged) {
                if (item instanceof BadRow row) {
                    text.add(row.line());
                    reasons.put((long) text.size(), row.reason());
                } else {
                    text.add((String) item);
                }
            }
            dirty.put(table, text);
            expected.put(table, reasons);
        }
        Path dirtyDir = SampleHistory.write(dir.resolve("dirty"), dirty);

        History dirtyHistory = read(dirtyDir);
        try {
            for (String table : clean.keySet()) {
                List<String> validKeys = clean.get(table).stream().skip(1).map(line -> field(line, 0)).sorted().toList();
                assertEquals(validKeys, acceptedKeys(dirtyHistory, table), table + ": accepted rows");
            }
            Map<String, Map<Long, String>> actual = new TreeMap<>();
            for (HistoryFixtures.Reject reject : HistoryFixtures.rejects(dirtyHistory)) {
                actual.computeIfAbsent(reject.table(), t -> new TreeMap<>()).put(reject.line(), reject.reason());
            }
            expected.values().removeIf(Map::isEmpty);
            assertEquals(expected, actual, "rejects by table and line (seed " + SEED + ")");
            for (String table : clean.keySet()) {
                Map<String, Long> perReason = expected.getOrDefault(table, Map.of()).values().stream()
                        .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
                assertEquals(perReason, new TreeMap<>(dirtyHistory.summary().table(table).rejectsByReason()),
                        table + ": run summary counts");
            }
            assertStreamingReaderAgrees(dirtyDir, dirtyHistory);
        } finally {
            dirtyHistory.release();
        }
    }

    /** The score path's reader gives the same rejects (line, key, reason, raw text) and counts on the same file. */
    private void assertStreamingReaderAgrees(Path folder, History expected) {
        StructType noPayload = new StructType().add("unused", DataTypes.StringType);
        History streamed = new StreamingHistoryReader(spark, ReaderConfig.defaults().withMaxRejectShare(1.0))
                .read(folder.toString(), null, noPayload, batch -> List.of()).checked();
        try {
            Comparator<HistoryFixtures.Reject> byLine = Comparator.comparing(HistoryFixtures.Reject::table)
                    .thenComparing(HistoryFixtures.Reject::line);
            assertEquals(HistoryFixtures.rejects(expected).stream().sorted(byLine).toList(),
                    HistoryFixtures.rejects(streamed).stream().sorted(byLine).toList(), "streaming reader's rejects");
            assertEquals(expected.summary(), streamed.summary(), "streaming reader's counts");
        } finally {
            streamed.release();
        }
    }

    /** Several rows of every kind of contract breach, for every table (keys that cannot clash with valid ones). */
    private static List<BadRow> badRows(Random random, Map<String, List<String>> clean) {
        String customer = field(clean.get("customers").get(1 + random.nextInt(CUSTOMERS)), 0);
        String invoiceLine = clean.get("invoices").get(1 + random.nextInt(clean.get("invoices").size() - 1));
        String invoice = field(invoiceLine, 0);
        String customerLine = clean.get("customers").get(1 + random.nextInt(CUSTOMERS));
        String paymentLine = clean.get("payments").get(1 + random.nextInt(clean.get("payments").size() - 1));
        String contactLine = clean.get("contacts").get(1 + random.nextInt(clean.get("contacts").size() - 1));
        List<BadRow> rows = new ArrayList<>();
        for (int copy = 0; copy < 3; copy++) {
            String c = "BADC" + copy;
            String i = "BADI" + copy;
            rows.add(new BadRow("customers", c + ",smb,US,Mars/Base,email,false,100.00,2020-01-01", "unknown_timezone"));
            rows.add(new BadRow("customers", c + "b,smb,US,UTC,fax,false,100.00,2020-01-01",
                    "unknown_channel:preferred_channel"));
            rows.add(new BadRow("customers", c + "c,smb,US,UTC,email,yes,100.00,2020-01-01",
                    "unparseable_boolean:do_not_contact"));
            rows.add(new BadRow("customers", c + "d,smb,US,UTC,email,false,1.000.00,2020-01-01",
                    "unparseable_decimal:credit_limit"));
            rows.add(new BadRow("customers", c + "e,smb,US,UTC,email,false,-5.00,2020-01-01",
                    "negative_amount:credit_limit"));
            rows.add(new BadRow("customers", c + "f,smb,US,UTC,email,false,100.00,2020-02-30",
                    "unparseable_date:opened_date"));
            rows.add(new BadRow("customers", ",smb,US,UTC,email,false,100.00,2020-01-01", "missing_value:customer_id"));
            rows.add(new BadRow("customers", c + "g,smb,US", RejectReasons.WRONG_FIELD_COUNT));
            rows.add(new BadRow("customers", c + "h,smb,US,UTC,email,false,100.00,2020-01-01,extra",
                    RejectReasons.WRONG_FIELD_COUNT));
            rows.add(new BadRow("customers", c + "i,sm\"b,US,UTC,email,false,100.00,2020-01-01", "misplaced_quote"));
            rows.add(new BadRow("invoices", i + "," + customer + ",2024-13-01,2024-02-01,10.00,USD,false",
                    "unparseable_date:issue_date"));
            rows.add(new BadRow("invoices", i + "b," + customer + ",2024-03-01,2024-02-01,10.00,USD,false",
                    "due_before_issue"));
            rows.add(new BadRow("invoices", i + "c," + customer + ",2024-01-01,2024-02-01,0.00,USD,false",
                    "non_positive_amount:amount"));
            rows.add(new BadRow("invoices", i + "d," + customer + ",2024-01-01,2024-02-01,-3,USD,false",
                    "non_positive_amount:amount"));
            rows.add(new BadRow("invoices", i + "e," + customer + ",2024-01-01,2024-02-01,1e3,USD,false",
                    "unparseable_decimal:amount"));
            rows.add(new BadRow("invoices", i + "f,NO-SUCH-CUSTOMER,2024-01-01,2024-02-01,10.00,USD,false",
                    RejectReasons.UNKNOWN_CUSTOMER));
            rows.add(new BadRow("invoices", i + "g,BADC" + copy + ",2024-01-01,2024-02-01,10.00,USD,false",
                    RejectReasons.UNKNOWN_CUSTOMER)); // its customer row is itself rejected
            rows.add(new BadRow("invoices", i + "h," + customer + ",2024-01-01,,10.00,USD,false", "missing_value:due_date"));
            rows.add(new BadRow("invoices", i + "i," + customer + ",2024-01-01,2024-02-01,10.00,USD,maybe",
                    "unparseable_boolean:disputed"));
            rows.add(new BadRow("invoices", i + "j," + customer + ",2024-01-01", RejectReasons.WRONG_FIELD_COUNT));
            rows.add(new BadRow("payments", "BADP" + copy + ",NO-SUCH-INVOICE,2024-02-01,5.00", RejectReasons.UNKNOWN_INVOICE));
            rows.add(new BadRow("payments", "BADP" + copy + "b," + i + "c,2024-02-01,5.00",
                    RejectReasons.UNKNOWN_INVOICE)); // its invoice row is itself rejected
            rows.add(new BadRow("payments", "BADP" + copy + "c," + invoice + ",2024/02/01,5.00",
                    "unparseable_date:payment_date"));
            rows.add(new BadRow("payments", "BADP" + copy + "d," + invoice + ",2024-02-01,", "missing_value:amount"));
            rows.add(new BadRow("payments", "BADP" + copy + "e," + invoice + ",2024-02-01,-1.00", "non_positive_amount:amount"));
            rows.add(new BadRow("payments", "BADP" + copy + "f," + invoice + ",2024-02-01,abc", "unparseable_decimal:amount"));
            rows.add(new BadRow("contacts", "BADK" + copy + "," + customer + ",2024-02-01T10:00:00,email,reached",
                    "unparseable_timestamp:contact_time"));
            rows.add(new BadRow("contacts", "BADK" + copy + "b," + customer + ",2024-02-01T10:00:00Z,pigeon,reached",
                    "unknown_channel:channel"));
            rows.add(new BadRow("contacts", "BADK" + copy + "c," + customer + ",2024-02-01T10:00:00Z,email,maybe",
                    "unknown_outcome"));
            rows.add(new BadRow("contacts", "BADK" + copy + "d," + customer + ",,email,reached",
                    "missing_value:contact_time"));
            rows.add(new BadRow("contacts", "BADK" + copy + "e,NO-SUCH-CUSTOMER,2024-02-01T10:00:00Z,email,reached",
                    RejectReasons.UNKNOWN_CUSTOMER));
        }
        // Duplicates of the contract's unique keys (customer_id, invoice_id): the first (valid) row is kept, the
        // repeat rejected. payment_id and contact_id are optional and not unique keys, so they have no duplicates.
        rows.add(new BadRow("customers", customerLine, RejectReasons.DUPLICATE_KEY));
        rows.add(new BadRow("invoices", invoiceLine, RejectReasons.DUPLICATE_KEY));
        rows.add(new BadRow("payments", "BADP-x," + field(paymentLine, 1) + ",2024-02-01,0", "non_positive_amount:amount"));
        rows.add(new BadRow("contacts", "BADK-x," + field(contactLine, 1) + ",2024-02-01T10:00:00Z,email,later",
                "unknown_outcome"));
        return rows;
    }

    private static String field(String line, int index) {
        return SampleHistory.field(line, index);
    }

    private History read(Path folder) {
        return new HistoryReader(spark, ReaderConfig.defaults().withMaxRejectShare(1.0)).read(folder.toString());
    }

    /** The first column (the row's id; unique in the sample for every table) of every accepted row, sorted. */
    private static List<String> acceptedKeys(History history, String table) {
        HistoryTable which = HistoryTable.valueOf(table.toUpperCase(java.util.Locale.ROOT));
        List<Row> rows = history.table(which).collectAsList();
        List<String> keys = new ArrayList<>();
        for (Row row : rows) {
            keys.add(String.valueOf((Object) row.getAs(which.columns().get(0))));
        }
        keys.sort(null);
        return keys;
    }
}

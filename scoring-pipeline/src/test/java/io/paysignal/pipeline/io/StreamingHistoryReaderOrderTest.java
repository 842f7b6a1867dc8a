package io.paysignal.pipeline.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paysignal.core.history.CustomerHistory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;

/**
 * The streaming reader's passes get each group's rows grouped and each table after its parent, but in no
 * particular order within a table (a radix sort on one hashed key). Whatever that order, they must give what
 * they give for rows in source order (the order the equivalence test with {@link HistoryReader} covers):
 * here the same rows go through each pass once in source order and many times shuffled within each table.
 */
class StreamingHistoryReaderOrderTest {

    private static final DataType[] TYPES = {
        DataTypes.StringType, DataTypes.IntegerType, DataTypes.StringType, DataTypes.StringType,
        DataTypes.StringType, DataTypes.StringType, DataTypes.IntegerType, DataTypes.IntegerType,
        DataTypes.DoubleType, DataTypes.BooleanType, DataTypes.LongType,
        DataTypes.StringType, DataTypes.LongType, DataTypes.StringType, DataTypes.StringType, DataTypes.StringType,
        DataTypes.StringType, DataTypes.LongType};

    private static UTF8String utf8(String text) {
        return text == null ? null : UTF8String.fromString(text);
    }

    /** A row of the streamed layout, then {@code extra} (the link and sort key, or the sort key). */
    private static Object[] row(String customer, int kind, String s1, String s2, String s3, Integer day1,
                                Integer day2, Double amount, Long micros, long ordinal, String reason) {
        return new Object[] {utf8(customer), kind, utf8(s1), utf8(s2), utf8(s3), null, day1, day2, amount, false,
            micros, null, ordinal, null, reason == null ? null : utf8("raw " + ordinal), utf8(reason)};
    }

    private static Object[] with(Object[] values, Object... extra) {
        Object[] all = java.util.Arrays.copyOf(values, values.length + extra.length);
        System.arraycopy(extra, 0, all, values.length, extra.length);
        return all;
    }

    /** Rows in source order within each (group, table), or shuffled within it. */
    private static List<InternalRow> feed(List<Object[]> rows, int sortAt, Random shuffle) {
        List<Object[]> ordered = new ArrayList<>(rows);
        ordered.sort(Comparator.<Object[]>comparingLong(r -> (Long) r[sortAt]).thenComparingLong(r -> (Long) r[12]));
        if (shuffle != null) {
            int start = 0;
            for (int i = 1; i <= ordered.size(); i++) {
                if (i == ordered.size() || !ordered.get(i)[sortAt].equals(ordered.get(start)[sortAt])) {
                    Collections.shuffle(ordered.subList(start, i), shuffle);
                    start = i;
                }
            }
        }
        return ordered.stream().map(values -> (InternalRow) new GenericInternalRow(values.clone())).toList();
    }

    private static List<String> drain(Iterator<InternalRow> output, int width) {
        List<String> rows = new ArrayList<>();
        output.forEachRemaining(row -> {
            if (row instanceof GenericInternalRow generic) {
                rows.add(generic.toString());
                return;
            }
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < width; i++) {
                values.add(row.isNullAt(i) ? null : row.get(i, TYPES[i]));
            }
            rows.add(values.toString());
        });
        Collections.sort(rows);
        return rows;
    }

    @Test
    void invoiceLinksGiveTheSameRowsWhateverTheOrderWithinATable() {
        Random random = new Random(3);
        List<Object[]> rows = new ArrayList<>();
        long ordinal = 0;
        for (int id = 0; id < 60; id++) {
            String invoice = "I" + id;
            long group = (long) id << 2;
            int invoices = random.nextInt(4);
            for (int i = 0; i < invoices; i++) {
                rows.add(with(row("C" + random.nextInt(5), 1, invoice, "USD", null, 100 + random.nextInt(50),
                        200, 10.0 + i, null, ordinal += 1 + random.nextInt(9), null), utf8(invoice), group | 1));
            }
            for (int p = 0; p < random.nextInt(4); p++) {
                rows.add(with(row(null, 2, "P" + id + "-" + p, invoice, null, 120 + p, null, 1.0 + p, null,
                        ordinal += 1 + random.nextInt(9), null), utf8(invoice), group | 2));
            }
        }
        rows.add(with(row(null, 1, null, null, null, null, null, null, null, ordinal += 3, "missing_value:amount"),
                null, 42L));
        List<String> expected = drain(new StreamingHistoryReader.InvoiceLinks(feed(rows, 17, null).iterator()), 16);
        assertTrue(expected.stream().anyMatch(row -> row.contains("duplicate_key")), "fixture has duplicates");
        assertTrue(expected.stream().anyMatch(row -> row.contains("unknown_invoice")), "and orphans");
        for (int round = 0; round < 20; round++) {
            assertEquals(expected, drain(new StreamingHistoryReader.InvoiceLinks(
                    feed(rows, 17, new Random(round)).iterator()), 16), "round " + round);
        }
    }

    private static List<InternalRow> asText(List<CustomerHistory> batch) {
        return batch.stream().map(history -> (InternalRow) new GenericInternalRow(
                new Object[] {utf8(history.toString())})).toList();
    }

    @Test
    void customerGroupsGiveTheSameRowsWhateverTheOrderWithinATable() {
        Random random = new Random(4);
        List<Object[]> rows = new ArrayList<>();
        long ordinal = 0;
        for (int c = 0; c < 40; c++) {
            String customer = "C" + c;
            long group = (long) c << 2;
            for (int i = 0; i < random.nextInt(4); i++) {
                Object[] values = row(customer, 0, "seg" + i, "US", "UTC", 18000 + random.nextInt(100), null, null,
                        null, ordinal += 1 + random.nextInt(9), null);
                rows.add(with(values, group));
            }
            for (int i = 0; i < random.nextInt(4); i++) {
                rows.add(with(row(customer, 1, "I" + c + "-" + i, "USD", null, 19000 + i, 19030 + i, 5.0 + i, null,
                        ordinal += 1 + random.nextInt(9), null), group | 1));
                rows.add(with(row(customer, 2, "P" + c + "-" + i, "I" + c + "-" + i, null, 19010 + i, 19000 + i,
                        2.0 + i, null, ordinal += 1 + random.nextInt(9), null), group | 2));
            }
            for (int i = 0; i < random.nextInt(3); i++) {
                rows.add(with(row(customer, 3, "K" + c + "-" + i, "email", "reached", null, null, null,
                        1_640_000_000_000_000L + i * 86_400_000_000L, ordinal += 1 + random.nextInt(9), null),
                        group | 3));
            }
        }
        rows.add(with(row(null, 2, "PX", "IX", null, 19000, null, 1.0, null, ordinal += 3, "unknown_invoice"), 42L));
        LocalDate cutoff = LocalDate.ofEpochDay(19001);
        List<String> expected = drain(new StreamingHistoryReader.CustomerGroups(feed(rows, 16, null).iterator(),
                cutoff, StreamingHistoryReaderOrderTest::asText), 8);
        assertTrue(expected.stream().anyMatch(row -> row.contains("duplicate_key")), "fixture has duplicates");
        assertTrue(expected.stream().anyMatch(row -> row.contains("unknown_customer")), "and orphans");
        for (int round = 0; round < 20; round++) {
            assertEquals(expected, drain(new StreamingHistoryReader.CustomerGroups(
                    feed(rows, 16, new Random(round)).iterator(), cutoff, StreamingHistoryReaderOrderTest::asText), 8),
                    "round " + round);
        }
    }
}

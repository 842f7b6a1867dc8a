package io.paysignal.pipeline.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What reading a history did, per table: rows in, rows accepted, rows rejected per reason. Rendered as text
 * lines for the console and as JSON for the run's summary file.
 *
 * @param tables one entry per contract table, in contract order (absent optional tables included)
 */
public record RunSummary(List<TableCounts> tables) implements Serializable {

    public RunSummary {
        tables = List.copyOf(tables);
    }

    /**
     * The counts of one table.
     *
     * @param table the contract table name
     * @param source the file it was read from ({@code customers.csv}), or null when the table is absent
     * @param inputRows data rows in the source (CSV: records after the header, blank lines not counted)
     * @param acceptedRows rows that passed every rule
     * @param rejectsByReason rejected rows per reason code
     */
    public record TableCounts(String table, String source, long inputRows, long acceptedRows,
                              Map<String, Long> rejectsByReason) implements Serializable {

        public TableCounts {
            if (table == null || table.isBlank()) {
                throw new IllegalArgumentException("table must not be blank");
            }
            rejectsByReason = Collections.unmodifiableSortedMap(new TreeMap<>(rejectsByReason));
            long rejected = rejectsByReason.values().stream().mapToLong(Long::longValue).sum();
            if (acceptedRows < 0 || rejected < 0 || acceptedRows + rejected != inputRows) {
                throw new IllegalArgumentException(table + ": accepted " + acceptedRows + " + rejected " + rejected
                        + " must equal input " + inputRows);
            }
        }

        /** Rows rejected for any reason. */
        public long rejectedRows() {
            return inputRows - acceptedRows;
        }
    }

    /** Input rows of all tables. */
    public long inputRows() {
        return tables.stream().mapToLong(TableCounts::inputRows).sum();
    }

    /** Accepted rows of all tables. */
    public long acceptedRows() {
        return tables.stream().mapToLong(TableCounts::acceptedRows).sum();
    }

    /** Rejected rows of all tables. */
    public long rejectedRows() {
        return tables.stream().mapToLong(TableCounts::rejectedRows).sum();
    }

    /** Rejected rows as a share of input rows, all tables together; 0 for an empty history. */
    public double rejectShare() {
        long input = inputRows();
        return input == 0 ? 0 : (double) rejectedRows() / input;
    }

    /** The counts of one table. */
    public TableCounts table(String name) {
        return tables.stream().filter(table -> table.table().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no table " + name));
    }

    /** The {@code limit} most frequent (table, reason) pairs as {@code table/reason count}, most frequent first. */
    public List<String> topReasons(int limit) {
        record Entry(String table, String reason, long count) {
        }
        List<Entry> entries = new ArrayList<>();
        tables.forEach(table -> table.rejectsByReason()
                .forEach((reason, count) -> entries.add(new Entry(table.table(), reason, count))));
        entries.sort(Comparator.comparingLong(Entry::count).reversed()
                .thenComparing(Entry::table).thenComparing(Entry::reason));
        return entries.stream().limit(limit).map(e -> e.table() + "/" + e.reason() + " " + e.count()).toList();
    }

    /**
     * Readable lines, one per table and one per (table, reason), then the total, e.g.
     * {@code invoices (invoices.csv): 120 rows, 118 accepted, 2 rejected} followed by
     * {@code   unknown_customer: 2}.
     */
    public List<String> textLines() {
        List<String> lines = new ArrayList<>();
        for (TableCounts table : tables) {
            if (table.source() == null) {
                lines.add(table.table() + ": absent");
                continue;
            }
            lines.add(String.format(Locale.ROOT, "%s (%s): %d rows, %d accepted, %d rejected", table.table(),
                    table.source(), table.inputRows(), table.acceptedRows(), table.rejectedRows()));
            table.rejectsByReason().forEach((reason, count) -> lines.add("  " + reason + ": " + count));
        }
        lines.add(String.format(Locale.ROOT, "total: %d rows, %d accepted, %d rejected (%s)", inputRows(),
                acceptedRows(), rejectedRows(), percent(rejectShare())));
        return lines;
    }

    /** The summary as a JSON tree, for embedding in a larger run summary. */
    public ObjectNode toJsonTree() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("input_rows", inputRows());
        root.put("accepted_rows", acceptedRows());
        root.put("rejected_rows", rejectedRows());
        root.put("reject_share", rejectShare());
        ObjectNode byTable = root.putObject("tables");
        for (TableCounts table : tables) {
            ObjectNode node = byTable.putObject(table.table());
            node.put("source", table.source());
            node.put("input_rows", table.inputRows());
            node.put("accepted_rows", table.acceptedRows());
            node.put("rejected_rows", table.rejectedRows());
            ObjectNode reasons = node.putObject("rejects_by_reason");
            table.rejectsByReason().forEach(reasons::put);
        }
        return root;
    }

    /** The summary as pretty-printed JSON. */
    public String toJson() {
        try {
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(toJsonTree());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A share as a percentage with up to three decimals, e.g. {@code 1%} or {@code 1.004%}. */
    static String percent(double share) {
        return BigDecimal.valueOf(share * 100).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString() + "%";
    }
}

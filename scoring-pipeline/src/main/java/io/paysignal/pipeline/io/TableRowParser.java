package io.paysignal.pipeline.io;

import io.paysignal.core.history.CsvLine;
import io.paysignal.core.history.RowOutcome;
import io.paysignal.pipeline.spark.ContractRowMapping;
import java.io.Serializable;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Turns one source row (a CSV line or a Parquet row) of one table into one parsed row: the table's typed
 * columns (null when rejected) followed by bookkeeping columns. Runs inside Spark tasks, so it holds only
 * serializable state; every value rule is {@link io.paysignal.core.history.ContractRows}'.
 *
 * <p>Parsed rows are Spark internal rows of {@link #parsedSchema} (strings as {@code UTF8String}, dates as epoch
 * days, timestamps as epoch microseconds), made straight from the core records: building external rows and
 * having Spark encode them (with {@code java.sql.Date} on the way) cost ~12% of a 100k score run's CPU.
 */
final class TableRowParser implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Parquet file the row came from; null for CSV. With {@link #ORDINAL} it orders rows for duplicates. */
    static final String SOURCE = "_source";
    /**
     * Orders a table's rows as they stand in the source: the CSV line's byte offset in its file, or the
     * row's index inside its Parquet file. A rejected CSV row's line number is found from its offset
     * ({@link CsvLineNumbers}), so reading needs no pass that numbers every line.
     */
    static final String ORDINAL = "_ordinal";
    /** The row's key column, trimmed, or null when unknown. */
    static final String KEY = "_key";
    /** The CSV line as read, or the Parquet row's contract cells as one CSV line. */
    static final String RAW = "_raw";
    /** The reject reason; null while the row is accepted. */
    static final String REASON = "_reason";

    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private final HistoryTable table;
    private final ReaderConfig config;
    /**
     * The contract columns the source holds and, at the same index, their positions among the source row's
     * cells; absent columns are missing. A few entries, scanned per lookup (cheaper than hashing, per cell).
     */
    private final String[] presentColumns;
    private final int[] presentPositions;
    private final int cellCount;
    /**
     * {@link #presentColumns} interned, made once per deserialized copy (tasks get copies): the row rules ask
     * for columns by their literal names, which are interned, so a lookup is usually a reference comparison.
     */
    private transient volatile String[] internedColumns;

    private TableRowParser(HistoryTable table, ReaderConfig config, List<String> cellNames) {
        this.table = table;
        this.config = config;
        this.cellCount = cellNames.size();
        List<String> columns = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < cellNames.size(); i++) {
            if (table.columns().contains(cellNames.get(i)) && !columns.contains(cellNames.get(i))) {
                columns.add(cellNames.get(i));
                positions.add(i);
            }
        }
        this.presentColumns = columns.toArray(String[]::new);
        this.presentPositions = positions.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The position of contract column {@code column} among the source row's cells, or -1 when absent. */
    int position(String column) {
        String[] columns = internedColumns;
        if (columns == null) {
            columns = new String[presentColumns.length];
            for (int i = 0; i < columns.length; i++) {
                columns[i] = presentColumns[i].intern();
            }
            internedColumns = columns;
        }
        for (int i = 0; i < columns.length; i++) {
            if (columns[i] == column) {
                return presentPositions[i];
            }
        }
        for (int i = 0; i < columns.length; i++) {
            if (columns[i].equals(column)) {
                return presentPositions[i];
            }
        }
        return -1;
    }

    /** A parser of CSV lines under the given header fields. */
    static TableRowParser forCsv(HistoryTable table, ReaderConfig config, List<String> headerFields) {
        return new TableRowParser(table, config, headerFields);
    }

    /**
     * A parser of Parquet rows holding {@code presentColumns} (contract columns, in this order) followed by
     * {@link #SOURCE} and {@link #ORDINAL}.
     */
    static TableRowParser forParquet(HistoryTable table, ReaderConfig config, List<String> presentColumns) {
        return new TableRowParser(table, config, presentColumns);
    }

    /** The schema of parsed rows: the table's typed columns, then the bookkeeping columns. */
    static StructType parsedSchema(HistoryTable table) {
        List<StructField> fields = new ArrayList<>(List.of(table.schema().fields()));
        fields.add(DataTypes.createStructField(SOURCE, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(ORDINAL, DataTypes.LongType, false));
        fields.add(DataTypes.createStructField(KEY, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(RAW, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(REASON, DataTypes.StringType, true));
        return DataTypes.createStructType(fields);
    }

    /** Removes a UTF-8 byte order mark that a Windows tool may have put before the header. */
    static String withoutByteOrderMark(String line) {
        return line.startsWith(BYTE_ORDER_MARK) ? line.substring(BYTE_ORDER_MARK.length()) : line;
    }

    /**
     * Parses a data line of a CSV file (never the header, never a blank line) that starts at byte
     * {@code offset} of its file.
     */
    InternalRow parseLine(String line, long offset) {
        RowOutcome<List<String>> split = CsvLine.split(line);
        if (!split.isAccepted()) {
            return assemble(RowOutcome.rejected(split.reason()), null, offset, null, line);
        }
        List<String> fields = split.value();
        if (fields.size() != cellCount) {
            return assemble(RowOutcome.rejected(RejectReasons.WRONG_FIELD_COUNT), null, offset, null, line);
        }
        Function<String, String> cells = column -> {
            int index = position(column);
            return index < 0 ? null : fields.get(index);
        };
        return assemble(table.parse(cells, config), null, offset, key(cells), line);
    }

    /** Parses a Parquet row laid out as described in {@link #forParquet}. */
    InternalRow parseParquet(Row row) {
        List<String> texts = new ArrayList<>(cellCount);
        for (int i = 0; i < cellCount; i++) {
            texts.add(contractText(row.get(i)));
        }
        Function<String, String> cells = column -> {
            int index = position(column);
            return index < 0 ? null : texts.get(index);
        };
        return assemble(table.parse(cells, config), row.getString(cellCount), row.getLong(cellCount + 1),
                key(cells), CsvLine.join(texts));
    }

    private String key(Function<String, String> cells) {
        String key = cells.apply(table.keyColumn());
        return key == null || key.isBlank() ? null : key.trim();
    }

    private InternalRow assemble(RowOutcome<Object[]> outcome, String source, long ordinal, String key,
                                 String raw) {
        int typed = table.schema().size();
        Object[] values = new Object[typed + 5];
        if (outcome.isAccepted()) {
            System.arraycopy(outcome.value(), 0, values, 0, typed);
        }
        values[typed] = ContractRowMapping.utf8(source);
        values[typed + 1] = ordinal;
        values[typed + 2] = ContractRowMapping.utf8(key);
        values[typed + 3] = ContractRowMapping.utf8(raw);
        values[typed + 4] = ContractRowMapping.utf8(outcome.reason());
        return new GenericInternalRow(values);
    }

    /**
     * A Parquet value as contract text, so Parquet rows go through the same rules as CSV cells: dates as
     * {@code yyyy-MM-dd}, timestamps as ISO instants, numbers in plain notation. A timestamp without a time
     * zone (TIMESTAMP_NTZ) renders without an offset and is rejected as the contract requires one.
     */
    static String contractText(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Date date) {
            return date.toLocalDate().toString();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().toString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (!Double.isFinite(number)) {
                return value.toString();
            }
            return value instanceof Float ? new BigDecimal(value.toString()).toPlainString()
                    : BigDecimal.valueOf(number).toPlainString();
        }
        // Integers, booleans, java.time values (LocalDate, Instant, LocalDateTime) print as contract text.
        return value.toString();
    }
}

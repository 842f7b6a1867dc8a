package io.paysignal.pipeline.io;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import io.paysignal.core.history.CsvLine;
import io.paysignal.core.history.RowOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapred.TextInputFormat;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * Reads a history directory (DATA-CONTRACT section 1) into typed datasets, rejecting the rows that break
 * the contract. The directory may be a local path or any Hadoop URI Spark reads (hdfs://, s3a://).
 *
 * <p>Each table is {@code NAME.csv} or {@code NAME.parquet} (a file or a directory of part files);
 * customers, invoices and payments are required (payments may hold no rows), contacts is optional. Column
 * names match exactly, extra columns are ignored, absent optional columns take their defaults. A missing
 * table or required column, or a malformed CSV header, fails the read with a {@link HistoryFormatException}.
 *
 * <p>Every row goes through {@link io.paysignal.core.history.ContractRows}, whatever its format: a Parquet
 * value is first rendered as contract text (dates {@code yyyy-MM-dd}, timestamps as ISO instants, numbers
 * in plain notation). Then, as Spark operations over the whole table: a repeated key of customers or
 * invoices keeps the first valid row (lowest CSV line; for Parquet, part file name then row index) and
 * rejects the rest ({@code duplicate_key}); an invoice or contact whose customer is not accepted is
 * {@code unknown_customer}; a payment whose invoice is not accepted is {@code unknown_invoice}. A
 * payment's own id is no key (one remittance may pay several invoices), so repeated payment ids are kept.
 * The vocabulary is in {@link RejectReasons}.
 *
 * <p>CSV is read as physical lines, each split with {@link CsvLine}, so the file splits across tasks
 * and every reject names its 1-based line (the header is line 1; blank lines are skipped and counted
 * nowhere). A quoted field may hold a line break (RFC 4180), which a task that starts in the middle of a file
 * cannot see: it would read the field's second half as a row. Such a record leaves its first line with a quote
 * open, rejected as {@code unterminated_quote}; a table with any such line is read again, by one task in file
 * order, as records that may span lines ({@link QuotedRecords}, which still rejects a quote that is really
 * missing). A record's line is then the line it starts on. Files without quoted line breaks never pay for it.
 *
 * <p>Cost: each file is read and parsed once; rows carry their byte offset, and only rejected rows get a
 * line number, from one scan of the file's bytes up to the last of them ({@link CsvLineNumbers}), made when
 * the rejects are read and only if there are any. Each table's checked rows are persisted (memory, then
 * disk) because the accepted rows, the rejects, the counts and the child tables' checks all use them; raw
 * text is kept for rejects only. The payments' check against the invoices also keeps each payment's
 * customer and invoice issue date ({@link History#paymentsWithInvoice()}), so grouping by customer needs
 * no second join. No row data reaches the driver: only the CSV header and per-reason counts.
 *
 * <p>When rejected rows exceed {@link ReaderConfig#maxRejectShare()} of all input rows, {@link #read}
 * throws {@link TooManyRejectsException}, which still carries the history so the caller can write
 * {@code rejects.csv}.
 */
public final class HistoryReader {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryReader.class);
    /** A header line longer than this is cut (and then misses columns): a table's header is a few hundred bytes. */
    private static final int MAX_HEADER_BYTES = 1 << 16;
    private static final String PARENT_KEY = "_parent_key";
    private static final String PARENT_KNOWN = "_parent_known";
    /** Kept on checked payments: the customer and issue date of the invoice paid (see {@link History#paymentsWithInvoice}). */
    private static final String INVOICE_CUSTOMER = "_invoice_customer_id";
    private static final String INVOICE_ISSUE = "_invoice_issue_date";

    private final SparkSession spark;
    private final ReaderConfig config;

    public HistoryReader(SparkSession spark, ReaderConfig config) {
        if (spark == null || config == null) {
            throw new IllegalArgumentException("spark and config are required");
        }
        this.spark = spark;
        this.config = config;
    }

    /**
     * Where and how one table is stored; {@code path} is null for an absent optional table.
     *
     * @param wholeRecords for a CSV file: read in one task as records that may span lines ({@link QuotedRecords})
     *                     instead of as lines split across tasks
     */
    record TableSource(HistoryTable table, Path path, boolean csv, boolean wholeRecords) {
        TableSource(HistoryTable table, Path path, boolean csv) {
            this(table, path, csv, false);
        }

        String fileName() {
            return path == null ? null : path.getName();
        }

        /**
         * True when a line-by-line read of this CSV table left lines with a quoted field open at their end: in a
         * valid file those are records whose quoted field holds a line break, which only a read as whole records
         * can keep.
         */
        boolean needsWholeRecords(RunSummary.TableCounts counts) {
            return csv && !wholeRecords && counts.rejectsByReason().getOrDefault(CsvLine.UNTERMINATED_QUOTE, 0L) > 0;
        }

        TableSource asWholeRecords() {
            return new TableSource(table, path, csv, true);
        }

        /** The table's counts, from its accepted rows and its rejected rows by reason. */
        RunSummary.TableCounts counts(long acceptedRows, Map<String, Long> rejectsByReason) {
            long input = acceptedRows + rejectsByReason.values().stream().mapToLong(Long::longValue).sum();
            return new RunSummary.TableCounts(table.tableName(), fileName(), input, acceptedRows, rejectsByReason);
        }

        /**
         * The table's {@code rejected} rows in the schema of {@link History#rejects()}: a CSV row gets its line
         * from its byte offset ({@link CsvLineNumbers}), a Parquet row none.
         */
        Dataset<Row> rejects(SparkSession spark, Dataset<Row> rejected, Column offset, Column key, Column reason,
                             Column raw) {
            Column name = lit(table.tableName()).as("table");
            if (!csv) {
                return rejected.select(name, lit(null).cast("long").as("line"), key.as("key"), reason.as("reason"),
                        raw.as("raw"));
            }
            return CsvLineNumbers.number(spark, rejected.select(name, offset.as(CsvLineNumbers.OFFSET), key.as("key"),
                    reason.as("reason"), raw.as("raw")), path.toString());
        }
    }

    /**
     * Reads, checks and counts every table of the history at {@code historyDir}.
     *
     * @throws HistoryFormatException when the history cannot be read at all
     * @throws TooManyRejectsException when rejected rows exceed the configured share
     */
    public History read(String historyDir) {
        List<TableSource> sources = locate(historyDir);
        Map<HistoryTable, Dataset<Row>> parsed = parseAll(sources);

        Map<HistoryTable, Dataset<Row>> accepted = new EnumMap<>(HistoryTable.class);
        List<RunSummary.TableCounts> counts = new ArrayList<>();
        List<Dataset<Row>> persisted = new ArrayList<>();
        Dataset<Row> rejects = null;
        Dataset<Row> paymentsWithInvoice = null;
        try {
            for (int i = 0; i < sources.size(); i++) {
                TableSource source = sources.get(i);
                HistoryTable table = source.table();
                Dataset<Row> parents = table.parent() == null ? null : accepted.get(table.parent());
                Dataset<Row> rows = parsed.containsKey(table)
                        ? check(table, parsed.get(table), parents)
                        : emptyChecked(table);
                rows = rows.persist(StorageLevel.MEMORY_AND_DISK());
                RunSummary.TableCounts tableCounts = count(source, rows);
                if (source.needsWholeRecords(tableCounts)) {
                    rows.unpersist();
                    source = source.asWholeRecords();
                    sources.set(i, source);
                    logWholeRecords(source, tableCounts);
                    rows = check(table, parseCsv(source), parents).persist(StorageLevel.MEMORY_AND_DISK());
                    tableCounts = count(source, rows);
                }
                persisted.add(rows);
                accepted.put(table, acceptedRows(table, rows));
                if (linksInvoice(table)) {
                    paymentsWithInvoice = paymentsWithInvoice(table, rows);
                }
                counts.add(tableCounts);
                if (tableCounts.rejectedRows() > 0) { // numbering rejects plans a shuffle: none for a clean table
                    Dataset<Row> tableRejects = source.rejects(spark,
                            rows.filter(col(TableRowParser.REASON).isNotNull()), col(TableRowParser.ORDINAL),
                            col(TableRowParser.KEY), col(TableRowParser.REASON), col(TableRowParser.RAW));
                    rejects = rejects == null ? tableRejects : rejects.union(tableRejects);
                }
            }
            if (rejects == null) {
                rejects = spark.createDataFrame(List.of(), History.REJECTS_SCHEMA);
            }
        } catch (RuntimeException e) {
            persisted.forEach(Dataset::unpersist);
            throw e;
        }

        History history = new History(accepted, paymentsWithInvoice, rejects, new RunSummary(counts), persisted);
        requireRejectShareWithin(config.maxRejectShare(), history);
        return history;
    }

    /** Fails when the history's rejected rows are more than {@code maxRejectShare} of its input rows. */
    static void requireRejectShareWithin(double maxRejectShare, History history) {
        RunSummary summary = history.summary();
        if (summary.rejectShare() > maxRejectShare) {
            throw new TooManyRejectsException(summary, maxRejectShare, history);
        }
    }

    /**
     * The parsed rows ({@link TableRowParser#parsedSchema}) of every present table of {@code sources}. Every
     * table's layout (header, columns, types) is checked before any table is parsed.
     */
    Map<HistoryTable, Dataset<Row>> parseAll(List<TableSource> sources) {
        Map<HistoryTable, Dataset<Row>> parsed = new EnumMap<>(HistoryTable.class);
        for (TableSource source : sources) {
            if (source.path() != null) {
                parsed.put(source.table(), source.csv() ? parseCsv(source) : parseParquet(source));
            }
        }
        return parsed;
    }

    /** Where each contract table of the history is stored, in contract order (absent optional tables too). */
    List<TableSource> locate(String historyDir) {
        Path dir = new Path(historyDir);
        try {
            FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(dir) || !fs.getFileStatus(dir).isDirectory()) {
                throw new HistoryFormatException("history directory not found: " + historyDir);
            }
            List<TableSource> sources = new ArrayList<>();
            for (HistoryTable table : HistoryTable.values()) {
                Path csv = new Path(dir, table.tableName() + ".csv");
                Path parquet = new Path(dir, table.tableName() + ".parquet");
                boolean hasCsv = fs.exists(csv);
                boolean hasParquet = fs.exists(parquet);
                if (hasCsv && hasParquet) {
                    throw new HistoryFormatException("history " + historyDir + " holds both " + csv.getName()
                            + " and " + parquet.getName() + "; keep one");
                }
                if (hasCsv && fs.getFileStatus(csv).isDirectory()) {
                    throw new HistoryFormatException("history " + historyDir + ": " + csv.getName()
                            + " is a directory; a CSV table must be one file");
                }
                if (!hasCsv && !hasParquet && table.required()) {
                    throw new HistoryFormatException("history " + historyDir + " has no " + table.tableName()
                            + " table (" + csv.getName() + " or " + parquet.getName() + ")");
                }
                sources.add(new TableSource(table, hasCsv ? csv : hasParquet ? parquet : null, hasCsv));
            }
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list history " + historyDir, e);
        }
    }

    /** Logs why a table is read a second time. */
    static void logWholeRecords(TableSource source, RunSummary.TableCounts lineByLine) {
        LOG.info("{}: {} line(s) end inside a quoted field; reading the file again in one task as records that may"
                + " span lines (RFC 4180)", source.fileName(),
                lineByLine.rejectsByReason().get(CsvLine.UNTERMINATED_QUOTE));
    }

    private Dataset<Row> parseCsv(TableSource source) {
        HistoryTable table = source.table();
        // The header is read here, not by a Spark job per table: those four jobs delayed a score run's first stage
        // by 0.7-0.9 s.
        String firstLine = TextFiles.firstLine(spark.sparkContext().hadoopConfiguration(), source.path().toString(),
                MAX_HEADER_BYTES).orElse("");
        if (firstLine.isBlank()) {
            throw new HistoryFormatException(source.fileName() + ": no header line");
        }
        RowOutcome<List<String>> header = CsvLine.split(TableRowParser.withoutByteOrderMark(firstLine));
        if (!header.isAccepted()) {
            throw new HistoryFormatException(source.fileName() + ": header line is malformed (" + header.reason()
                    + ")");
        }
        requireColumns(source, header.value());
        TableRowParser parser = TableRowParser.forCsv(table, config, header.value());
        // Records keyed by the byte offset of their first line (as textFile reads lines, before it drops the key):
        // the offset orders rows for duplicates and gives a rejected row its line number later (CsvLineNumbers).
        JavaRDD<Tuple2<Long, String>> records = source.wholeRecords()
                ? wholeRecords(source, header.value().size())
                : JavaSparkContext.fromSparkContext(spark.sparkContext())
                        .hadoopFile(source.path().toString(), TextInputFormat.class, LongWritable.class, Text.class)
                        .map(line -> new Tuple2<>(line._1().get(), line._2().toString()))
                        .filter(line -> line._1() > 0 && !line._2().isBlank());
        JavaRDD<InternalRow> rows = records.map(record -> parser.parseLine(record._2(), record._1()));
        return parsedRows(rows, table);
    }

    /** The file's records, header and blank lines left out, read in file order by one task ({@link QuotedRecords}). */
    private JavaRDD<Tuple2<Long, String>> wholeRecords(TableSource source, int fieldCount) {
        return JavaSparkContext.fromSparkContext(spark.sparkContext())
                .hadoopFile(source.path().toString(), WholeFileTextInputFormat.class, LongWritable.class, Text.class)
                .mapPartitions(lines -> QuotedRecords.ofHadoopLines(lines, fieldCount));
    }

    private Dataset<Row> parseParquet(TableSource source) {
        HistoryTable table = source.table();
        Dataset<Row> file;
        try {
            file = spark.read().parquet(source.path().toString());
        } catch (Exception e) { // AnalysisException (undeclared to Java) or SparkException: the file is unreadable
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines()
                    .findFirst().orElse("");
            throw new HistoryFormatException(source.fileName() + ": cannot be read as Parquet (" + reason + ")", e);
        }
        StructType schema = file.schema();
        requireColumns(source, Arrays.asList(schema.fieldNames()));
        List<String> present = new ArrayList<>();
        List<Column> selected = new ArrayList<>();
        for (StructField field : schema.fields()) {
            if (table.columns().contains(field.name())) {
                requireScalar(source, field);
                present.add(field.name());
                selected.add(col(field.name()));
            }
        }
        selected.add(col("_metadata.file_path").as(TableRowParser.SOURCE));
        selected.add(col("_metadata.row_index").as(TableRowParser.ORDINAL));
        TableRowParser parser = TableRowParser.forParquet(table, config, present);
        JavaRDD<InternalRow> rows = file.select(selected.toArray(Column[]::new)).javaRDD().map(parser::parseParquet);
        return parsedRows(rows, table);
    }

    /**
     * The parser's internal rows as a Dataset of {@link TableRowParser#parsedSchema}. Spark's public
     * {@code createDataFrame} takes external rows only and would encode every row again; the session's
     * {@code internalCreateDataFrame} (package-private in Scala, so public to Java) takes internal rows as they are.
     */
    private Dataset<Row> parsedRows(JavaRDD<InternalRow> rows, HistoryTable table) {
        return spark.internalCreateDataFrame(rows.rdd(), TableRowParser.parsedSchema(table), false);
    }

    private static void requireColumns(TableSource source, List<String> columns) {
        Set<String> seen = new HashSet<>();
        for (String column : columns) {
            if (source.table().columns().contains(column) && !seen.add(column)) {
                throw new HistoryFormatException(source.fileName() + ": column " + column + " appears twice");
            }
        }
        for (String required : source.table().requiredColumns()) {
            if (!seen.contains(required)) {
                throw new HistoryFormatException(source.fileName() + ": missing required column " + required
                        + " (table " + source.table().tableName() + ")");
            }
        }
    }

    private static void requireScalar(TableSource source, StructField field) {
        DataType type = field.dataType();
        boolean scalar = type instanceof StringType || type instanceof DateType || type instanceof TimestampType
                || type instanceof TimestampNTZType || type instanceof NumericType || type instanceof BooleanType;
        if (!scalar) {
            throw new HistoryFormatException(source.fileName() + ": column " + field.name() + " has type "
                    + type.simpleString() + "; expected a string, number, boolean, date or timestamp");
        }
    }

    /**
     * Applies the table rules to parsed rows: duplicates, then the parent reference. Accepted rows keep
     * only their typed columns; rejected rows keep ordinal, key, raw text and reason.
     */
    private static Dataset<Row> check(HistoryTable table, Dataset<Row> parsed, Dataset<Row> acceptedParents) {
        Dataset<Row> rows = parsed;
        Column reason = col(TableRowParser.REASON);
        if (table.uniqueKey()) {
            // Rows rejected already are left out of the duplicate groups; giving each its own group keeps
            // them from piling into one null-key window partition.
            Column group = when(reason.isNull(), col(table.keyColumn())).otherwise(concat(lit("\u0000"),
                    coalesce(col(TableRowParser.SOURCE), lit("")), lit("\u0000"),
                    col(TableRowParser.ORDINAL).cast("string")));
            Column rank = row_number().over(Window.partitionBy(group)
                    .orderBy(col(TableRowParser.SOURCE).asc_nulls_first(), col(TableRowParser.ORDINAL)));
            rows = rows.withColumn(TableRowParser.REASON,
                    when(reason.isNull().and(rank.gt(1)), lit(RejectReasons.DUPLICATE_KEY)).otherwise(reason));
        }
        if (acceptedParents != null) {
            String parentColumn = table.parentColumn().orElseThrow();
            List<Column> parentColumns = new ArrayList<>(List.of(col(table.parent().keyColumn()).as(PARENT_KEY),
                    lit(true).as(PARENT_KNOWN)));
            if (linksInvoice(table)) {
                parentColumns.add(col("customer_id").as(INVOICE_CUSTOMER));
                parentColumns.add(col("issue_date").as(INVOICE_ISSUE));
            }
            Dataset<Row> parentKeys = acceptedParents.select(parentColumns.toArray(Column[]::new));
            rows = rows.join(parentKeys, rows.col(parentColumn).equalTo(parentKeys.col(PARENT_KEY)), "left_outer")
                    .withColumn(TableRowParser.REASON,
                            when(col(TableRowParser.REASON).isNull().and(col(PARENT_KNOWN).isNull()),
                                    lit(table.orphanReason())).otherwise(col(TableRowParser.REASON)));
        }
        Column rejected = col(TableRowParser.REASON).isNotNull();
        List<Column> columns = new ArrayList<>();
        for (String name : table.schema().fieldNames()) {
            columns.add(col(name));
        }
        columns.add(when(rejected, col(TableRowParser.ORDINAL)).as(TableRowParser.ORDINAL));
        columns.add(when(rejected, col(TableRowParser.KEY)).as(TableRowParser.KEY));
        columns.add(when(rejected, col(TableRowParser.RAW)).as(TableRowParser.RAW));
        columns.add(col(TableRowParser.REASON));
        if (linksInvoice(table) && acceptedParents != null) {
            columns.add(col(INVOICE_CUSTOMER));
            columns.add(col(INVOICE_ISSUE));
        }
        return rows.select(columns.toArray(Column[]::new));
    }

    /** True for the table whose rows take their customer from the invoice they name (payments). */
    private static boolean linksInvoice(HistoryTable table) {
        return table.parent() == HistoryTable.INVOICES;
    }

    private static Dataset<Row> paymentsWithInvoice(HistoryTable table, Dataset<Row> checked) {
        List<Column> columns = new ArrayList<>();
        for (String name : table.schema().fieldNames()) {
            columns.add(col(name));
        }
        columns.add(col(INVOICE_CUSTOMER).as(History.INVOICE_CUSTOMER_ID));
        columns.add(col(INVOICE_ISSUE).as(History.INVOICE_ISSUE_DATE));
        return checked.filter(col(TableRowParser.REASON).isNull()).select(columns.toArray(Column[]::new));
    }

    private Dataset<Row> emptyChecked(HistoryTable table) {
        StructType schema = table.schema();
        StructType parsed = TableRowParser.parsedSchema(table);
        for (String name : List.of(TableRowParser.ORDINAL, TableRowParser.KEY, TableRowParser.RAW,
                TableRowParser.REASON)) {
            schema = schema.add(parsed.apply(name).copy(name, parsed.apply(name).dataType(), true,
                    parsed.apply(name).metadata()));
        }
        return spark.createDataFrame(List.of(), schema);
    }

    private static Dataset<Row> acceptedRows(HistoryTable table, Dataset<Row> checked) {
        Column[] columns = Arrays.stream(table.schema().fieldNames()).map(name -> col(name)).toArray(Column[]::new);
        return checked.filter(col(TableRowParser.REASON).isNull()).select(columns);
    }

    /** Counts per reason: the one aggregate collected, and the action that fills the persisted rows. */
    private static RunSummary.TableCounts count(TableSource source, Dataset<Row> checked) {
        long accepted = 0;
        Map<String, Long> byReason = new TreeMap<>();
        for (Row row : checked.groupBy(col(TableRowParser.REASON)).count().collectAsList()) {
            if (row.isNullAt(0)) {
                accepted = row.getLong(1);
            } else {
                byReason.put(row.getString(0), row.getLong(1));
            }
        }
        return source.counts(accepted, byReason);
    }
}

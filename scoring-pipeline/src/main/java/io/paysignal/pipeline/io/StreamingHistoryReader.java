package io.paysignal.pipeline.io;

import io.paysignal.core.history.Contact;
import io.paysignal.core.history.Customer;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.history.Invoice;
import io.paysignal.core.history.Payment;
import io.paysignal.pipeline.spark.FlatHistoryRows;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.codegen.UnsafeRowWriter;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.unsafe.types.UTF8String;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;

import static io.paysignal.pipeline.spark.FlatHistoryRows.CONTACT;
import static io.paysignal.pipeline.spark.FlatHistoryRows.CUSTOMER;
import static io.paysignal.pipeline.spark.FlatHistoryRows.DAY1;
import static io.paysignal.pipeline.spark.FlatHistoryRows.DAY2;
import static io.paysignal.pipeline.spark.FlatHistoryRows.INVOICE;
import static io.paysignal.pipeline.spark.FlatHistoryRows.KEY;
import static io.paysignal.pipeline.spark.FlatHistoryRows.KIND;
import static io.paysignal.pipeline.spark.FlatHistoryRows.MICROS;
import static io.paysignal.pipeline.spark.FlatHistoryRows.PAYMENT;
import static io.paysignal.pipeline.spark.FlatHistoryRows.S1;
import static io.paysignal.pipeline.spark.FlatHistoryRows.WIDTH;
import static io.paysignal.pipeline.spark.FlatHistoryRows.flat;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * Reads a history and hands every accepted customer's history, cut at a date, to a function inside the
 * Spark tasks, in one pass with two shuffles and no cached tables: what {@code riskctl score} needs. The
 * rules are {@link HistoryReader}'s, to the row: the same parsing ({@link HistoryReader#parseAll}), reject
 * reasons, winner among duplicates, per-table counts, reject-share limit and {@code rejects.csv} rows; a test
 * runs both readers on the same histories and compares them.
 *
 * <p>How:
 * <ol>
 *   <li>Invoices and payments are hash-partitioned by invoice id and sorted (invoice id, invoices before
 *       payments, source order). A streaming pass keeps the first parse-accepted invoice of each id, rejects
 *       later ones ({@code duplicate_key}), gives each payment its invoice's customer and issue date, and
 *       rejects a payment with no invoice ({@code unknown_invoice}).</li>
 *   <li>Customers, contacts and the linked invoices and payments are hash-partitioned by customer id and
 *       sorted (customer id, table, source order). A streaming pass keeps the first parse-accepted customer
 *       row, rejects later ones ({@code duplicate_key}) and rejects the invoices and contacts of a customer
 *       with no accepted row ({@code unknown_customer}, and {@code unknown_invoice} for those invoices'
 *       payments). Each accepted customer's rows dated on or before the cutoff make one
 *       {@link CustomerHistory}; batches of them go to the caller's {@link BatchFunction}.</li>
 * </ol>
 * Rows rejected earlier ride along with no customer and are emitted where they pass. The pass emits one
 * row per payload, one per rejected row and, at the end of each partition, its counts per table and
 * reason; only that output is persisted (memory, then disk), small next to the input. Memory per task is
 * bounded by the busiest customer plus one batch: both passes stream over sorts that spill.
 */
public final class StreamingHistoryReader {

    /** Histories handed to the {@link BatchFunction} at once. */
    static final int BATCH = 512;

    /** Output kinds. */
    private static final int PAYLOAD = 0;
    private static final int REJECT = 1;
    private static final int COUNT = 2;

    /** Positions of the bookkeeping columns after the flat layout, and of the invoice link (first pass only). */
    private static final int SOURCE_AT = WIDTH;
    private static final int ORDINAL_AT = WIDTH + 1;
    private static final int KEY_AT = WIDTH + 2;
    private static final int RAW_AT = WIDTH + 3;
    private static final int REASON_AT = WIDTH + 4;
    private static final int STREAMED_WIDTH = WIDTH + 5;
    private static final String LINK = "_link";

    /** Turns a batch of histories into payload rows (internal rows of the caller's payload schema). */
    @FunctionalInterface
    public interface BatchFunction extends Serializable {
        /** Runs in a task; {@code batch} holds at most a few hundred histories. */
        List<InternalRow> apply(List<CustomerHistory> batch);
    }

    /**
     * What a read gives.
     *
     * @param checked the rejects and counts (its accepted tables are not kept: the rows went to the payload)
     * @param payload the rows the {@link BatchFunction} made, persisted; released with {@code checked}
     */
    public record Result(History checked, Dataset<Row> payload) {
    }

    private final SparkSession spark;
    private final ReaderConfig config;

    public StreamingHistoryReader(SparkSession spark, ReaderConfig config) {
        if (spark == null || config == null) {
            throw new IllegalArgumentException("spark and config are required");
        }
        this.spark = spark;
        this.config = config;
    }

    /**
     * Reads and checks the history at {@code historyDir} and maps every accepted customer's history, with
     * nothing dated after {@code cutoff} (null: everything), through {@code function}.
     *
     * @throws HistoryFormatException when the history cannot be read at all
     * @throws TooManyRejectsException when rejected rows exceed the configured share
     */
    public Result read(String historyDir, LocalDate cutoff, StructType payloadSchema, BatchFunction function) {
        return read(new HistoryReader(spark, config).locate(historyDir), cutoff, payloadSchema, function);
    }

    private Result read(List<HistoryReader.TableSource> sources, LocalDate cutoff, StructType payloadSchema,
                        BatchFunction function) {
        Map<HistoryTable, Dataset<Row>> parsed = new HistoryReader(spark, config).parseAll(sources);

        Map<HistoryTable, Column[]> bookkeeping = new EnumMap<>(HistoryTable.class);
        sources.forEach(source -> bookkeeping.put(source.table(), bookkeeping(source)));
        Dataset<Row> invoices = flat(parsed.get(HistoryTable.INVOICES), col("customer_id"), INVOICE,
                col("invoice_id"), col("currency"), null, null, "issue_date", "due_date", col("amount"),
                col("disputed"), null, withLink(bookkeeping.get(HistoryTable.INVOICES), col("invoice_id")));
        Dataset<Row> payments = flat(parsed.get(HistoryTable.PAYMENTS), lit(null), PAYMENT, col("payment_id"),
                col("invoice_id"), null, null, "payment_date", null, col("amount"), null, null,
                withLink(bookkeeping.get(HistoryTable.PAYMENTS), col("invoice_id")));
        StructType streamed = nullable(invoices.drop(LINK).schema());
        JavaRDD<InternalRow> linked = invoices.union(payments)
                .repartition(col(LINK))
                .sortWithinPartitions(col(LINK), col("kind"), col(TableRowParser.SOURCE), col(TableRowParser.ORDINAL))
                .queryExecution().toRdd().toJavaRDD()
                .mapPartitions(InvoiceLinks::new);

        Dataset<Row> rows = flat(parsed.get(HistoryTable.CUSTOMERS), col("customer_id"), CUSTOMER, col("segment"),
                col("country"), col("timezone"), col("preferred_channel"), "opened_date", null, col("credit_limit"),
                col("do_not_contact"), null, bookkeeping.get(HistoryTable.CUSTOMERS))
                .union(spark.internalCreateDataFrame(linked.rdd(), streamed, false));
        if (parsed.containsKey(HistoryTable.CONTACTS)) {
            rows = rows.union(flat(parsed.get(HistoryTable.CONTACTS), col("customer_id"), CONTACT,
                    col("contact_id"), col("channel"), col("outcome"), null, null, null, null, null, "contact_time",
                    bookkeeping.get(HistoryTable.CONTACTS)));
        }
        StructType outputSchema = outputSchema(payloadSchema);
        JavaRDD<InternalRow> grouped = rows.repartition(col("customer_id"))
                .sortWithinPartitions(col("customer_id"), col("kind"), col(TableRowParser.SOURCE),
                        col(TableRowParser.ORDINAL))
                .queryExecution().toRdd().toJavaRDD()
                .mapPartitions(partition -> new CustomerGroups(partition, cutoff, function));
        Dataset<Row> output = spark.internalCreateDataFrame(grouped.rdd(), outputSchema, false)
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            RunSummary summary = summary(sources, output);
            List<HistoryReader.TableSource> reread = wholeRecordsWhereNeeded(sources, summary);
            if (reread != null) {
                // Rare (a quoted field holding a line break): the pass is made again rather than every read paying
                // for a check that only a read in file order can make.
                output.unpersist();
                return read(reread, cutoff, payloadSchema, function);
            }
            History checked = new History(Map.of(), null, rejects(sources, summary, output), summary, List.of(output));
            HistoryReader.requireRejectShareWithin(config.maxRejectShare(), checked);
            return new Result(checked, output.filter(col("kind").equalTo(PAYLOAD)).select("payload.*"));
        } catch (RuntimeException e) {
            if (!(e instanceof TooManyRejectsException)) {
                output.unpersist();
            }
            throw e;
        }
    }

    /**
     * {@code sources} with every CSV table that a line-by-line read left with open quotes read as whole records
     * instead ({@link HistoryReader.TableSource#needsWholeRecords}); null when there is none.
     */
    private static List<HistoryReader.TableSource> wholeRecordsWhereNeeded(List<HistoryReader.TableSource> sources,
                                                                           RunSummary summary) {
        List<HistoryReader.TableSource> result = new ArrayList<>(sources);
        boolean changed = false;
        for (int i = 0; i < result.size(); i++) {
            HistoryReader.TableSource source = result.get(i);
            if (source.path() != null) {
                RunSummary.TableCounts counts = summary.table(source.table().tableName());
                if (source.needsWholeRecords(counts)) {
                    HistoryReader.logWholeRecords(source, counts);
                    result.set(i, source.asWholeRecords());
                    changed = true;
                }
            }
        }
        return changed ? result : null;
    }

    /**
     * The bookkeeping columns a table's rows carry through the shuffles. A CSV row accepted by the parser drops
     * its key and raw line: should a table rule reject it later, its key is its id and its line is read back
     * from the file by offset ({@link CsvLineNumbers}), which spares shuffling every line's text twice.
     */
    private static Column[] bookkeeping(HistoryReader.TableSource source) {
        Column rejected = col(TableRowParser.REASON).isNotNull();
        Column key = col(TableRowParser.KEY);
        Column raw = col(TableRowParser.RAW);
        if (source.csv() && !source.wholeRecords()) { // a record's line is all its text only when it spans none
            key = functions.when(rejected, key);
            raw = functions.when(rejected, raw);
        }
        return new Column[] {col(TableRowParser.SOURCE), col(TableRowParser.ORDINAL), key.as(TableRowParser.KEY),
            raw.as(TableRowParser.RAW), col(TableRowParser.REASON)};
    }

    private static Column[] withLink(Column[] bookkeeping, Column link) {
        Column[] columns = java.util.Arrays.copyOf(bookkeeping, bookkeeping.length + 1);
        columns[bookkeeping.length] = link.as(LINK);
        return columns;
    }

    private static StructType nullable(StructType schema) {
        StructType result = new StructType();
        for (StructField field : schema.fields()) {
            result = result.add(field.name(), field.dataType(), true);
        }
        return result;
    }

    private static StructType outputSchema(StructType payloadSchema) {
        return new StructType()
                .add("kind", DataTypes.IntegerType, false)
                .add("payload", payloadSchema, true)
                .add("table", DataTypes.StringType, true)
                .add("ordinal", DataTypes.LongType, true)
                .add("key", DataTypes.StringType, true)
                .add("reason", DataTypes.StringType, true)
                .add("raw", DataTypes.StringType, true)
                .add("count", DataTypes.LongType, true);
    }

    /** The per-partition counts, summed: the action that computes (and persists) the output. */
    private static RunSummary summary(List<HistoryReader.TableSource> sources, Dataset<Row> output) {
        Map<String, Long> accepted = new HashMap<>();
        Map<String, Map<String, Long>> byReason = new HashMap<>();
        for (Row row : output.filter(col("kind").equalTo(COUNT)).select("table", "reason", "count")
                .collectAsList()) {
            String table = row.getString(0);
            if (row.isNullAt(1)) {
                accepted.merge(table, row.getLong(2), Long::sum);
            } else {
                byReason.computeIfAbsent(table, t -> new TreeMap<>()).merge(row.getString(1), row.getLong(2),
                        Long::sum);
            }
        }
        List<RunSummary.TableCounts> counts = new ArrayList<>();
        for (HistoryReader.TableSource source : sources) {
            String table = source.table().tableName();
            counts.add(source.counts(accepted.getOrDefault(table, 0L), byReason.getOrDefault(table, Map.of())));
        }
        return new RunSummary(counts);
    }

    /**
     * The rejected rows in the schema of {@link History#rejects()}: CSV rows numbered, Parquet rows without line.
     * Tables the summary counts no reject for are left out: numbering a table's rejects plans a shuffle, which
     * adaptive execution runs as soon as the plan is made (about 0.3 s a table for nothing, on a clean history).
     */
    private Dataset<Row> rejects(List<HistoryReader.TableSource> sources, RunSummary summary, Dataset<Row> output) {
        Dataset<Row> rejects = spark.createDataFrame(List.of(), History.REJECTS_SCHEMA);
        for (HistoryReader.TableSource source : sources) {
            if (source.path() == null || summary.table(source.table().tableName()).rejectedRows() == 0) {
                continue;
            }
            Dataset<Row> rows = output.filter(col("kind").equalTo(REJECT)
                    .and(col("table").equalTo(source.table().tableName())));
            Dataset<Row> tableRejects = source.rejects(spark, rows, col("ordinal"), col("key"), col("reason"),
                    col("raw"));
            rejects = rejects.union(tableRejects);
        }
        return rejects;
    }

    /** Column types of the streamed layout, to copy a (reused) sorted row's values out of it. */
    private static final DataType[] STREAMED_TYPES = {
        DataTypes.StringType, DataTypes.IntegerType, DataTypes.StringType, DataTypes.StringType,
        DataTypes.StringType, DataTypes.StringType, DataTypes.IntegerType, DataTypes.IntegerType,
        DataTypes.DoubleType, DataTypes.BooleanType, DataTypes.LongType,
        DataTypes.StringType, DataTypes.LongType, DataTypes.StringType, DataTypes.StringType, DataTypes.StringType};

    private static UTF8String copyOf(InternalRow row, int at) {
        return row.isNullAt(at) ? null : row.getUTF8String(at).clone();
    }

    /**
     * The first pass, over invoices and payments sorted by invoice id, then invoices first, then source order:
     * keeps the first parse-accepted invoice of an id, links payments to it. Its rows leave in the streamed
     * layout keyed by customer (rejected rows by none), written straight into one reused unsafe row (the scan
     * that takes them copies each before asking for the next).
     */
    private static final class InvoiceLinks implements Iterator<InternalRow> {

        private static final UTF8String DUPLICATE_KEY = UTF8String.fromString(RejectReasons.DUPLICATE_KEY);
        private static final UTF8String UNKNOWN_INVOICE = UTF8String.fromString(RejectReasons.UNKNOWN_INVOICE);

        private final Iterator<InternalRow> rows;
        private final UnsafeRowWriter writer = new UnsafeRowWriter(STREAMED_WIDTH, 64 * STREAMED_WIDTH);
        private UTF8String invoiceId;
        private UTF8String customerId;
        private int issueDay;

        InvoiceLinks(Iterator<InternalRow> rows) {
            this.rows = rows;
        }

        @Override
        public boolean hasNext() {
            return rows.hasNext();
        }

        @Override
        public InternalRow next() {
            InternalRow row = rows.next();
            UTF8String key = null;
            UTF8String reason = row.isNullAt(REASON_AT) ? null : row.getUTF8String(REASON_AT);
            boolean linkedPayment = false;
            if (reason == null) {
                UTF8String link = row.getUTF8String(STREAMED_WIDTH);
                boolean linked = invoiceId != null && invoiceId.equals(link);
                if (row.getInt(KIND) == INVOICE) {
                    if (linked) {
                        reason = DUPLICATE_KEY;
                    } else {
                        invoiceId = link.clone();
                        customerId = row.getUTF8String(KEY).clone();
                        issueDay = row.getInt(DAY1);
                        key = customerId;
                    }
                } else if (linked) {
                    key = customerId;
                    linkedPayment = true;
                } else {
                    reason = UNKNOWN_INVOICE;
                }
            }
            writer.reset();
            writer.zeroOutNullBytes();
            for (int i = 0; i < STREAMED_WIDTH; i++) {
                if (i == KEY) {
                    write(i, key);
                } else if (i == REASON_AT) {
                    write(i, reason);
                } else if (i == DAY2 && linkedPayment) {
                    writer.write(i, issueDay);
                } else if (row.isNullAt(i)) {
                    writer.setNullAt(i);
                } else {
                    copy(row, i);
                }
            }
            return writer.getRow();
        }

        private void write(int at, UTF8String value) {
            if (value == null) {
                writer.setNullAt(at);
            } else {
                writer.write(at, value);
            }
        }

        private void copy(InternalRow row, int at) {
            DataType type = STREAMED_TYPES[at];
            if (type == DataTypes.StringType) {
                writer.write(at, row.getUTF8String(at));
            } else if (type == DataTypes.IntegerType) {
                writer.write(at, row.getInt(at));
            } else if (type == DataTypes.LongType) {
                writer.write(at, row.getLong(at));
            } else if (type == DataTypes.DoubleType) {
                writer.write(at, row.getDouble(at));
            } else {
                writer.write(at, row.getBoolean(at));
            }
        }
    }

    /**
     * The second pass, over all rows sorted by customer id, then table, then source order: checks customers
     * and the rows that name them, counts, cuts at the cutoff and hands histories to the batch function.
     * Rows already rejected carry no customer and are only counted and emitted.
     */
    private static final class CustomerGroups implements Iterator<InternalRow> {

        private final Iterator<InternalRow> rows;
        private final BatchFunction function;
        private final boolean cut;
        private final int cutoffDay;
        private final long endOfCutoffMicros;
        /** Output rows ready to leave: at most one batch's payloads plus one reject. */
        private final ArrayDeque<InternalRow> ready = new ArrayDeque<>();
        private final List<CustomerHistory> batch = new ArrayList<>(BATCH);
        private final long[] accepted = new long[HistoryTable.values().length];
        private final List<Map<String, Long>> rejected = new ArrayList<>();
        private boolean finished;

        private UTF8String groupKey;
        private String customerId;
        private Customer customer;
        private final List<Invoice> invoices = new ArrayList<>();
        private final List<Payment> payments = new ArrayList<>();
        private final List<Contact> contacts = new ArrayList<>();

        CustomerGroups(Iterator<InternalRow> rows, LocalDate cutoff, BatchFunction function) {
            this.rows = rows;
            this.function = function;
            this.cut = cutoff != null;
            this.cutoffDay = cut ? Math.toIntExact(cutoff.toEpochDay()) : 0;
            // Contacts count until the end of the cutoff day in UTC (DATA-CONTRACT: point-in-time).
            this.endOfCutoffMicros = cut
                    ? cutoff.plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000L : 0;
            for (int i = 0; i < accepted.length; i++) {
                rejected.add(new TreeMap<>());
            }
        }

        @Override
        public boolean hasNext() {
            while (ready.isEmpty() && !finished) {
                if (rows.hasNext()) {
                    take(rows.next());
                } else {
                    closeGroup();
                    flushBatch();
                    emitCounts();
                    finished = true;
                }
            }
            return !ready.isEmpty();
        }

        @Override
        public InternalRow next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return ready.poll();
        }

        private void take(InternalRow row) {
            int kind = row.getInt(KIND);
            if (!row.isNullAt(REASON_AT)) {
                reject(kind, row, row.getUTF8String(REASON_AT).toString());
                return;
            }
            UTF8String key = row.getUTF8String(KEY);
            if (groupKey == null || !groupKey.equals(key)) {
                closeGroup();
                groupKey = key.clone();
                customerId = groupKey.toString();
            }
            switch (kind) {
                case CUSTOMER -> {
                    if (customer != null) {
                        reject(kind, row, RejectReasons.DUPLICATE_KEY);
                    } else {
                        customer = FlatHistoryRows.customer(customerId, row);
                        accepted[kind]++;
                    }
                }
                case INVOICE -> {
                    if (customer == null) {
                        reject(kind, row, RejectReasons.UNKNOWN_CUSTOMER);
                    } else {
                        accepted[kind]++;
                        if (!cut || row.getInt(DAY1) <= cutoffDay) {
                            invoices.add(FlatHistoryRows.invoice(customerId, row));
                        }
                    }
                }
                case PAYMENT -> {
                    if (customer == null) {
                        // Its invoice is linked, but rejected for its customer: the payment names no accepted invoice.
                        reject(kind, row, RejectReasons.UNKNOWN_INVOICE);
                    } else {
                        accepted[kind]++;
                        // A payment goes with its invoice: dropped when the invoice is issued after the cutoff.
                        if (!cut || (row.getInt(DAY1) <= cutoffDay && row.getInt(DAY2) <= cutoffDay)) {
                            payments.add(FlatHistoryRows.payment(row));
                        }
                    }
                }
                case CONTACT -> {
                    if (customer == null) {
                        reject(kind, row, RejectReasons.UNKNOWN_CUSTOMER);
                    } else {
                        accepted[kind]++;
                        if (!cut || row.getLong(MICROS) < endOfCutoffMicros) {
                            contacts.add(FlatHistoryRows.contact(customerId, row));
                        }
                    }
                }
                default -> throw new IllegalStateException("unknown row kind " + kind);
            }
        }

        private void closeGroup() {
            if (customer != null) {
                batch.add(new CustomerHistory(customer, invoices, payments, contacts));
                if (batch.size() >= BATCH) {
                    flushBatch();
                }
            }
            customer = null;
            invoices.clear();
            payments.clear();
            contacts.clear();
        }

        private void flushBatch() {
            if (batch.isEmpty()) {
                return;
            }
            for (InternalRow payload : function.apply(List.copyOf(batch))) {
                ready.add(new GenericInternalRow(new Object[] {PAYLOAD, payload, null, null, null, null, null, null}));
            }
            batch.clear();
        }

        private void reject(int kind, InternalRow row, String reason) {
            rejected.get(kind).merge(reason, 1L, Long::sum);
            // A row that passed the parser may travel without its key: the key is then its id (both trimmed).
            UTF8String key = copyOf(row, KEY_AT);
            if (key == null) {
                key = copyOf(row, kind == CUSTOMER ? KEY : S1);
            }
            ready.add(new GenericInternalRow(new Object[] {REJECT, null,
                UTF8String.fromString(HistoryTable.values()[kind].tableName()), row.getLong(ORDINAL_AT), key,
                UTF8String.fromString(reason), copyOf(row, RAW_AT), null}));
        }

        private void emitCounts() {
            for (HistoryTable table : HistoryTable.values()) {
                UTF8String name = UTF8String.fromString(table.tableName());
                if (accepted[table.ordinal()] > 0) {
                    ready.add(count(name, null, accepted[table.ordinal()]));
                }
                rejected.get(table.ordinal()).forEach((reason, n) -> ready.add(count(name,
                        UTF8String.fromString(reason), n)));
            }
        }

        private static InternalRow count(UTF8String table, UTF8String reason, long rows) {
            return new GenericInternalRow(new Object[] {COUNT, null, table, null, null, reason, null, rows});
        }
    }
}

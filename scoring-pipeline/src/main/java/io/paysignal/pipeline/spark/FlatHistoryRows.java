package io.paysignal.pipeline.spark;

import io.paysignal.core.history.Channel;
import io.paysignal.core.history.Contact;
import io.paysignal.core.history.ContactOutcome;
import io.paysignal.core.history.Customer;
import io.paysignal.core.history.Invoice;
import io.paysignal.core.history.Payment;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

/**
 * The flat row layout that carries the rows of all four history tables through one shuffle by customer: a
 * grouping key, the row's kind (the table) and a few typed slots (dates as epoch days, timestamps as epoch
 * microseconds), and the decoding of a slot row back into a core record. Used by {@link HistoryAssembler}
 * and by the score path's streaming reader, which appends bookkeeping columns after {@link #MICROS}.
 *
 * <p>Decoders read Spark internal rows, which a sort may reuse from one {@code next()} to the next: each
 * returns values copied out of the row.
 */
public final class FlatHistoryRows {

    /** Kinds, in the order the tables are read (also the sort order of a customer's rows). */
    public static final int CUSTOMER = 0;
    public static final int INVOICE = 1;
    public static final int PAYMENT = 2;
    public static final int CONTACT = 3;

    /** Column positions of the flat layout (see {@link #flat}). */
    public static final int KEY = 0;
    public static final int KIND = 1;
    public static final int S1 = 2;
    public static final int S2 = 3;
    public static final int S3 = 4;
    public static final int S4 = 5;
    public static final int DAY1 = 6;
    public static final int DAY2 = 7;
    public static final int AMOUNT = 8;
    public static final int FLAG = 9;
    public static final int MICROS = 10;
    /** Columns of the layout; callers append their own after these. */
    public static final int WIDTH = 11;

    private FlatHistoryRows() {
    }

    /**
     * One table's rows in the flat layout, then {@code extra}; a null slot is a typed null. {@code key} is the
     * grouping key, {@code day1}/{@code day2} name date columns and {@code micros} a timestamp column (null: none).
     */
    public static Dataset<Row> flat(Dataset<Row> table, Column key, int kind, Column s1, Column s2, Column s3,
                                    Column s4, String day1, String day2, Column amount, Column flag, String micros,
                                    Column... extra) {
        List<Column> columns = new ArrayList<>(List.of(key.cast(DataTypes.StringType).as("customer_id"),
                lit(kind).as("kind"),
                slot(s1, DataTypes.StringType, "s1"), slot(s2, DataTypes.StringType, "s2"),
                slot(s3, DataTypes.StringType, "s3"), slot(s4, DataTypes.StringType, "s4"),
                slot(day1 == null ? null : days(day1), DataTypes.IntegerType, "day1"),
                slot(day2 == null ? null : days(day2), DataTypes.IntegerType, "day2"),
                slot(amount, DataTypes.DoubleType, "amount"), slot(flag, DataTypes.BooleanType, "flag"),
                slot(micros == null ? null : expr("unix_micros(" + micros + ")"), DataTypes.LongType, "micros")));
        columns.addAll(List.of(extra));
        return table.select(columns.toArray(Column[]::new));
    }

    private static Column slot(Column value, DataType type, String name) {
        return (value == null ? lit(null) : value).cast(type).as(name);
    }

    private static Column days(String dateColumn) {
        return expr("unix_date(" + dateColumn + ")");
    }

    /** A customer row ({@link #CUSTOMER}) as the customer it holds. */
    public static Customer customer(String customerId, InternalRow row) {
        String timezone = string(row, S3);
        return new Customer(customerId, string(row, S1), string(row, S2),
                timezone == null ? null : ZoneId.of(timezone), channel(string(row, S4)), flag(row),
                row.isNullAt(AMOUNT) ? null : row.getDouble(AMOUNT), date(row, DAY1));
    }

    /** An invoice row ({@link #INVOICE}) of customer {@code customerId}. */
    public static Invoice invoice(String customerId, InternalRow row) {
        return new Invoice(string(row, S1), customerId, date(row, DAY1), date(row, DAY2), row.getDouble(AMOUNT),
                string(row, S2), flag(row));
    }

    /** A payment row ({@link #PAYMENT}). */
    public static Payment payment(InternalRow row) {
        return new Payment(string(row, S1), string(row, S2), date(row, DAY1), row.getDouble(AMOUNT));
    }

    /** A contact row ({@link #CONTACT}) of customer {@code customerId}. */
    public static Contact contact(String customerId, InternalRow row) {
        String outcome = string(row, S3);
        long micros = row.getLong(MICROS);
        Instant time = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                Math.floorMod(micros, 1_000_000L) * 1_000L);
        return new Contact(string(row, S1), customerId, time, channel(string(row, S2)),
                outcome == null ? null : ContactOutcome.fromWire(outcome).orElseThrow(
                        () -> new IllegalArgumentException("not a contact outcome: " + outcome)));
    }

    private static String string(InternalRow row, int slot) {
        return row.isNullAt(slot) ? null : row.getUTF8String(slot).toString();
    }

    private static LocalDate date(InternalRow row, int slot) {
        return row.isNullAt(slot) ? null : LocalDate.ofEpochDay(row.getInt(slot));
    }

    private static boolean flag(InternalRow row) {
        return !row.isNullAt(FLAG) && row.getBoolean(FLAG);
    }

    private static Channel channel(String wireName) {
        if (wireName == null) {
            return null;
        }
        return Channel.fromWire(wireName)
                .orElseThrow(() -> new IllegalArgumentException("not a channel: " + wireName));
    }
}

package io.paysignal.pipeline.spark;

import io.paysignal.core.history.Channel;
import io.paysignal.core.history.Contact;
import io.paysignal.core.history.ContactOutcome;
import io.paysignal.core.history.Customer;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.history.Invoice;
import io.paysignal.core.history.Payment;
import io.paysignal.pipeline.io.History;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.unsafe.types.UTF8String;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

/**
 * Groups a history by customer inside Spark: one {@link CustomerHistory} per customer, built in the
 * tasks from the grouped rows, so features, labels and scores are computed next to the data and nothing
 * but small results ever reaches the driver.
 *
 * <p>How: payments take their customer from the invoice they pay (the reader found it while checking the
 * invoice reference, {@link History#paymentsWithInvoice()}); every row of the four
 * tables becomes one flat row of a shared layout ({@code customer_id}, a kind, and a few typed slots;
 * dates as epoch days, timestamps as epoch microseconds), the union is hash-partitioned by customer and
 * sorted within each partition, and each task streams through its sorted rows building one history at a
 * time. That is one shuffle of flat rows and a sort that spills to disk when it must, instead of nested
 * per-customer arrays joined together: memory per task stays bounded by the busiest customer, not by the
 * partition. A customer's rows arrive in no particular order; {@link CustomerHistory} sorts them.
 */
public final class HistoryAssembler {

    private static final int CUSTOMER = 0;
    private static final int INVOICE = 1;
    private static final int PAYMENT = 2;
    private static final int CONTACT = 3;

    /** Column positions of the flat layout (see {@link #flat}). */
    private static final int KEY = 0;
    private static final int KIND = 1;
    private static final int S1 = 2;
    private static final int S2 = 3;
    private static final int S3 = 4;
    private static final int S4 = 5;
    private static final int DAY1 = 6;
    private static final int DAY2 = 7;
    private static final int AMOUNT = 8;
    private static final int FLAG = 9;
    private static final int MICROS = 10;

    private HistoryAssembler() {
    }

    /**
     * Every customer's history with nothing dated after {@code cutoff} (null: the whole history).
     * Cutting here is belt and braces for point-in-time safety (features cut again) and saves work.
     */
    public static JavaRDD<CustomerHistory> byCustomer(History history, LocalDate cutoff) {
        Dataset<Row> invoices = history.invoices();
        // Each payment with its invoice's customer (and issue date), as the reader found them.
        Dataset<Row> payments = history.paymentsWithInvoice();
        Dataset<Row> contacts = history.contacts();
        if (cutoff != null) {
            invoices = invoices.filter(col("issue_date").leq(lit(cutoff)));
            // A payment goes with its invoice: dropped when the invoice is issued after the cutoff.
            payments = payments.filter(col("payment_date").leq(lit(cutoff))
                    .and(col(History.INVOICE_ISSUE_DATE).leq(lit(cutoff))));
            Timestamp endOfDay = Timestamp.from(cutoff.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            contacts = contacts.filter(col("contact_time").lt(lit(endOfDay)));
        }

        Dataset<Row> rows = flat(history.customers(), CUSTOMER, col("segment"), col("country"), col("timezone"),
                col("preferred_channel"), days("opened_date"), null, col("credit_limit"), col("do_not_contact"), null)
                .union(flat(invoices, INVOICE, col("invoice_id"), col("currency"), null, null, days("issue_date"),
                        days("due_date"), col("amount"), col("disputed"), null))
                .union(flat(payments, PAYMENT, col("payment_id"), col("invoice_id"), null, null,
                        days("payment_date"), null, col("amount"), null, null))
                .union(flat(contacts, CONTACT, col("contact_id"), col("channel"), col("outcome"), null, null, null,
                        null, null, expr("unix_micros(contact_time)")));
        // Spark's internal rows straight from the sort (not toJavaRDD, which first converts every row to an
        // external Row: ~7% of a 100k score run's CPU); CustomerStream reads each row before it asks for the next.
        return rows.repartition(col("customer_id"))
                .sortWithinPartitions(col("customer_id"))
                .queryExecution().toRdd().toJavaRDD()
                .mapPartitions(CustomerStream::new);
    }

    /** One table's rows in the shared flat layout; a null slot is a typed null. */
    private static Dataset<Row> flat(Dataset<Row> table, int kind, Column s1, Column s2, Column s3, Column s4,
                                     Column day1, Column day2, Column amount, Column flag, Column micros) {
        return table.select(col("customer_id"), lit(kind).as("kind"),
                slot(s1, DataTypes.StringType, "s1"), slot(s2, DataTypes.StringType, "s2"),
                slot(s3, DataTypes.StringType, "s3"), slot(s4, DataTypes.StringType, "s4"),
                slot(day1, DataTypes.IntegerType, "day1"), slot(day2, DataTypes.IntegerType, "day2"),
                slot(amount, DataTypes.DoubleType, "amount"), slot(flag, DataTypes.BooleanType, "flag"),
                slot(micros, DataTypes.LongType, "micros"));
    }

    private static Column slot(Column value, DataType type, String name) {
        return (value == null ? lit(null) : value).cast(type).as(name);
    }

    private static Column days(String dateColumn) {
        return expr("unix_date(" + dateColumn + ")");
    }

    /**
     * Turns a partition's rows, sorted by customer, into one history per customer. The rows are Spark's internal
     * rows, which the sort may reuse from one {@code next()} to the next: every value is copied out of a row
     * before the following row is requested.
     */
    private static final class CustomerStream implements Iterator<CustomerHistory> {

        private final Iterator<InternalRow> rows;
        private InternalRow pending;
        private CustomerHistory next;

        CustomerStream(Iterator<InternalRow> rows) {
            this.rows = rows;
            this.pending = rows.hasNext() ? rows.next() : null;
        }

        @Override
        public boolean hasNext() {
            while (next == null && pending != null) {
                next = assembleOne();
            }
            return next != null;
        }

        @Override
        public CustomerHistory next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            CustomerHistory result = next;
            next = null;
            return result;
        }

        /** Consumes the rows of the customer of {@code pending}; null when that customer has no customer row. */
        private CustomerHistory assembleOne() {
            UTF8String key = pending.getUTF8String(KEY).clone();
            String customerId = key.toString();
            Customer customer = null;
            List<Invoice> invoices = new ArrayList<>();
            List<Payment> payments = new ArrayList<>();
            List<Contact> contacts = new ArrayList<>();
            while (pending != null && key.equals(pending.getUTF8String(KEY))) {
                InternalRow row = pending;
                switch (row.getInt(KIND)) {
                    case CUSTOMER -> customer = customer(customerId, row);
                    case INVOICE -> invoices.add(new Invoice(string(row, S1), customerId, date(row, DAY1),
                            date(row, DAY2), row.getDouble(AMOUNT), string(row, S2), flag(row)));
                    case PAYMENT -> payments.add(new Payment(string(row, S1), string(row, S2), date(row, DAY1),
                            row.getDouble(AMOUNT)));
                    case CONTACT -> contacts.add(contact(customerId, row));
                    default -> throw new IllegalStateException("unknown row kind " + row.getInt(KIND));
                }
                pending = rows.hasNext() ? rows.next() : null;
            }
            // Every accepted row names an accepted customer, so a group without one cannot occur; like the
            // inner side of a join, it would yield no history.
            return customer == null ? null : new CustomerHistory(customer, invoices, payments, contacts);
        }

        private static Customer customer(String customerId, InternalRow row) {
            String timezone = string(row, S3);
            return new Customer(customerId, string(row, S1), string(row, S2),
                    timezone == null ? null : ZoneId.of(timezone), channel(string(row, S4)), flag(row),
                    row.isNullAt(AMOUNT) ? null : row.getDouble(AMOUNT), date(row, DAY1));
        }

        private static Contact contact(String customerId, InternalRow row) {
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
}

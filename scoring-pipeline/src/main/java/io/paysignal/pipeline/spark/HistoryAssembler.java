package io.paysignal.pipeline.spark;

import io.paysignal.core.history.Contact;
import io.paysignal.core.history.Customer;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.history.Invoice;
import io.paysignal.core.history.Payment;
import io.paysignal.pipeline.io.History;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.unsafe.types.UTF8String;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import static io.paysignal.pipeline.spark.FlatHistoryRows.CONTACT;
import static io.paysignal.pipeline.spark.FlatHistoryRows.CUSTOMER;
import static io.paysignal.pipeline.spark.FlatHistoryRows.INVOICE;
import static io.paysignal.pipeline.spark.FlatHistoryRows.KEY;
import static io.paysignal.pipeline.spark.FlatHistoryRows.KIND;
import static io.paysignal.pipeline.spark.FlatHistoryRows.PAYMENT;
import static io.paysignal.pipeline.spark.FlatHistoryRows.flat;
import static org.apache.spark.sql.functions.col;
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

        Dataset<Row> rows = flat(history.customers(), col("customer_id"), CUSTOMER, col("segment"), col("country"),
                col("timezone"), col("preferred_channel"), "opened_date", null, col("credit_limit"),
                col("do_not_contact"), null)
                .union(flat(invoices, col("customer_id"), INVOICE, col("invoice_id"), col("currency"), null, null,
                        "issue_date", "due_date", col("amount"), col("disputed"), null))
                .union(flat(payments, col("customer_id"), PAYMENT, col("payment_id"), col("invoice_id"), null, null,
                        "payment_date", null, col("amount"), null, null))
                .union(flat(contacts, col("customer_id"), CONTACT, col("contact_id"), col("channel"), col("outcome"),
                        null, null, null, null, null, "contact_time"));
        // Spark's internal rows straight from the sort (not toJavaRDD, which first converts every row to an
        // external Row: ~7% of a 100k score run's CPU); CustomerStream reads each row before it asks for the next.
        return rows.repartition(col("customer_id"))
                .sortWithinPartitions(col("customer_id"))
                .queryExecution().toRdd().toJavaRDD()
                .mapPartitions(CustomerStream::new);
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
                    case CUSTOMER -> customer = FlatHistoryRows.customer(customerId, row);
                    case INVOICE -> invoices.add(FlatHistoryRows.invoice(customerId, row));
                    case PAYMENT -> payments.add(FlatHistoryRows.payment(row));
                    case CONTACT -> contacts.add(FlatHistoryRows.contact(customerId, row));
                    default -> throw new IllegalStateException("unknown row kind " + row.getInt(KIND));
                }
                pending = rows.hasNext() ? rows.next() : null;
            }
            // Every accepted row names an accepted customer, so a group without one cannot occur; like the
            // inner side of a join, it would yield no history.
            return customer == null ? null : new CustomerHistory(customer, invoices, payments, contacts);
        }
    }
}

package io.paysignal.pipeline.spark;

import io.paysignal.core.history.Contact;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.history.Invoice;
import io.paysignal.core.history.Payment;
import io.paysignal.pipeline.io.History;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

/**
 * Groups a history by customer inside Spark: one {@link CustomerHistory} per customer, built in the
 * tasks from the grouped rows, so features, labels and scores are computed next to the data and nothing
 * but small results ever reaches the driver.
 *
 * <p>Each table is aggregated by {@code customer_id} (payments take their customer from the invoice they
 * pay) and the aggregates are joined to the customers; the aggregations and joins share one hash
 * partitioning, so this costs one shuffle per table.
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
        Dataset<Row> payments = history.payments();
        Dataset<Row> contacts = history.contacts();
        if (cutoff != null) {
            invoices = invoices.filter(col("issue_date").leq(lit(cutoff)));
            payments = payments.filter(col("payment_date").leq(lit(cutoff)));
            Timestamp endOfDay = Timestamp.from(cutoff.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            contacts = contacts.filter(col("contact_time").lt(lit(endOfDay)));
        }
        Dataset<Row> paymentsWithCustomer = payments.join(
                invoices.select(col("invoice_id"), col("customer_id")), "invoice_id");

        Dataset<Row> invoicesByCustomer = invoices.groupBy("customer_id")
                .agg(collect_list(struct(columns(ContractRowMapping.INVOICES.fieldNames()))).as("invoices"));
        Dataset<Row> paymentsByCustomer = paymentsWithCustomer.groupBy("customer_id")
                .agg(collect_list(struct(columns(ContractRowMapping.PAYMENTS.fieldNames()))).as("payments"));
        Dataset<Row> contactsByCustomer = contacts.groupBy("customer_id")
                .agg(collect_list(struct(columns(ContractRowMapping.CONTACTS.fieldNames()))).as("contacts"));

        Dataset<Row> customers = history.customers()
                .select(struct(columns(ContractRowMapping.CUSTOMERS.fieldNames())).as("customer"), col("customer_id"));
        Dataset<Row> grouped = customers
                .join(invoicesByCustomer, "customer_id", "left")
                .join(paymentsByCustomer, "customer_id", "left")
                .join(contactsByCustomer, "customer_id", "left");
        return grouped.toJavaRDD().map(HistoryAssembler::toHistory);
    }

    private static CustomerHistory toHistory(Row row) {
        List<Invoice> invoices = new ArrayList<>();
        for (Row invoice : nested(row, "invoices")) {
            invoices.add(ContractRowMapping.invoice(invoice));
        }
        List<Payment> payments = new ArrayList<>();
        for (Row payment : nested(row, "payments")) {
            payments.add(ContractRowMapping.payment(payment));
        }
        List<Contact> contacts = new ArrayList<>();
        for (Row contact : nested(row, "contacts")) {
            contacts.add(ContractRowMapping.contact(contact));
        }
        return new CustomerHistory(ContractRowMapping.customer(row.getStruct(row.fieldIndex("customer"))),
                invoices, payments, contacts);
    }

    private static List<Row> nested(Row row, String column) {
        int index = row.fieldIndex(column);
        return row.isNullAt(index) ? List.of() : row.getList(index);
    }

    private static Column[] columns(String[] names) {
        Column[] columns = new Column[names.length];
        for (int i = 0; i < names.length; i++) {
            columns[i] = col(names[i]);
        }
        return columns;
    }
}

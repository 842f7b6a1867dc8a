package io.paysignal.pipeline.spark;

import io.paysignal.core.history.Contact;
import io.paysignal.core.history.Customer;
import io.paysignal.core.history.Invoice;
import io.paysignal.core.snapshot.CustomerSnapshot;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.collection.JavaConverters;

import java.util.ArrayList;
import java.util.List;

/**
 * The Parquet layout of the per-customer feature snapshot ({@code OUT/features/}) that the scoring API
 * reads with parquet-avro: {@code customer_id}, {@code as_of}, one double column per feature (in the
 * bundle's order), the customer columns outreach needs, and nested lists of open invoices and recent
 * contacts. Column names follow the data contract wherever the contract has the column.
 *
 * <p>Rows carry {@code java.sql.Date} / {@code Timestamp}, Spark's default external types (the session does
 * not switch on the java.time API, so every row producer in the pipeline agrees).
 */
public final class SnapshotRows {

    private SnapshotRows() {
    }

    static final StructType OPEN_INVOICE = new StructType(new StructField[] {
        nullable("invoice_id", DataTypes.StringType),
        nullable("customer_id", DataTypes.StringType),
        nullable("issue_date", DataTypes.DateType),
        nullable("due_date", DataTypes.DateType),
        nullable("amount", DataTypes.DoubleType),
        nullable("currency", DataTypes.StringType),
        nullable("disputed", DataTypes.BooleanType),
        nullable("paid_as_of", DataTypes.DoubleType),
    });

    static final StructType RECENT_CONTACT = new StructType(new StructField[] {
        nullable("contact_id", DataTypes.StringType),
        nullable("contact_time", DataTypes.TimestampType),
        nullable("channel", DataTypes.StringType),
        nullable("outcome", DataTypes.StringType),
    });

    /** The schema for snapshots whose features are {@code featureNames}, in that order. */
    public static StructType schema(List<String> featureNames) {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("customer_id", DataTypes.StringType, false));
        fields.add(DataTypes.createStructField("as_of", DataTypes.DateType, false));
        for (String name : featureNames) {
            fields.add(DataTypes.createStructField(name, DataTypes.DoubleType, false));
        }
        fields.add(nullable("segment", DataTypes.StringType));
        fields.add(nullable("country", DataTypes.StringType));
        fields.add(nullable("timezone", DataTypes.StringType));
        fields.add(nullable("preferred_channel", DataTypes.StringType));
        fields.add(nullable("do_not_contact", DataTypes.BooleanType));
        fields.add(nullable("credit_limit", DataTypes.DoubleType));
        fields.add(nullable("opened_date", DataTypes.DateType));
        fields.add(nullable("open_invoices", DataTypes.createArrayType(OPEN_INVOICE, false)));
        fields.add(nullable("recent_contacts", DataTypes.createArrayType(RECENT_CONTACT, false)));
        return new StructType(fields.toArray(StructField[]::new));
    }

    /** One snapshot as a row of {@link #schema(List)}. */
    public static Row toRow(CustomerSnapshot snapshot) {
        double[] values = snapshot.features().values();
        Customer customer = snapshot.customer();
        List<Object> cells = new ArrayList<>(values.length + 11);
        cells.add(snapshot.customerId());
        cells.add(java.sql.Date.valueOf(snapshot.asOf()));
        for (double value : values) {
            cells.add(value);
        }
        cells.add(customer.segment());
        cells.add(customer.country());
        cells.add(customer.timezone().getId());
        cells.add(customer.preferredChannel() == null ? null : customer.preferredChannel().wireName());
        cells.add(customer.doNotContact());
        cells.add(customer.creditLimit());
        cells.add(customer.openedDate() == null ? null : java.sql.Date.valueOf(customer.openedDate()));
        List<Row> invoices = new ArrayList<>(snapshot.openInvoices().size());
        for (CustomerSnapshot.OpenInvoice open : snapshot.openInvoices()) {
            Invoice invoice = open.invoice();
            invoices.add(RowFactory.create(invoice.invoiceId(), invoice.customerId(),
                    java.sql.Date.valueOf(invoice.issueDate()), java.sql.Date.valueOf(invoice.dueDate()),
                    invoice.amount(), invoice.currency(), invoice.disputed(), open.paidAsOf()));
        }
        cells.add(JavaConverters.asScalaBuffer(invoices).toList()); // Row encoders take Scala Seq for arrays
        List<Row> contacts = new ArrayList<>(snapshot.recentContacts().size());
        for (Contact contact : snapshot.recentContacts()) {
            contacts.add(RowFactory.create(contact.contactId(), java.sql.Timestamp.from(contact.contactTime()),
                    contact.channel().wireName(), contact.outcome().wireName()));
        }
        cells.add(JavaConverters.asScalaBuffer(contacts).toList());
        return RowFactory.create(cells.toArray());
    }

    private static StructField nullable(String name, org.apache.spark.sql.types.DataType type) {
        return DataTypes.createStructField(name, type, true);
    }
}

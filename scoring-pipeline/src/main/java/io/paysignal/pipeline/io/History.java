package io.paysignal.pipeline.io;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A history as read by {@link HistoryReader}: the accepted rows of each table in the fixed schemas of
 * {@link io.paysignal.pipeline.spark.ContractRowMapping} (values normalized, defaults applied), the
 * rejected rows, and the counts.
 *
 * <p>The datasets are backed by persisted data (memory, spilling to disk); call {@link #release()} when
 * done with them. A history from {@link StreamingHistoryReader} holds only the rejects and the counts.
 */
public final class History {

    /** Schema of {@link #rejects()}: the columns of {@code rejects.csv}. */
    public static final StructType REJECTS_SCHEMA = new StructType()
            .add("table", DataTypes.StringType, false)
            .add("line", DataTypes.LongType)
            .add("key", DataTypes.StringType)
            .add("reason", DataTypes.StringType)
            .add("raw", DataTypes.StringType);

    /** Column of {@link #paymentsWithInvoice()}: the customer of the invoice paid. */
    public static final String INVOICE_CUSTOMER_ID = "customer_id";
    /** Column of {@link #paymentsWithInvoice()}: the issue date of the invoice paid. */
    public static final String INVOICE_ISSUE_DATE = "invoice_issue_date";

    private final Map<HistoryTable, Dataset<Row>> accepted;
    private final Dataset<Row> paymentsWithInvoice;
    private final Dataset<Row> rejects;
    private final RunSummary summary;
    private final List<Dataset<Row>> persisted;

    History(Map<HistoryTable, Dataset<Row>> accepted, Dataset<Row> paymentsWithInvoice, Dataset<Row> rejects,
            RunSummary summary, List<Dataset<Row>> persisted) {
        this.accepted = Map.copyOf(accepted);
        this.paymentsWithInvoice = paymentsWithInvoice;
        this.rejects = rejects;
        this.summary = summary;
        this.persisted = List.copyOf(persisted);
    }

    /** Accepted customers, schema {@code ContractRowMapping.CUSTOMERS}; customer_id is unique. */
    public Dataset<Row> customers() {
        return table(HistoryTable.CUSTOMERS);
    }

    /** Accepted invoices, schema {@code ContractRowMapping.INVOICES}; each names an accepted customer. */
    public Dataset<Row> invoices() {
        return table(HistoryTable.INVOICES);
    }

    /** Accepted payments, schema {@code ContractRowMapping.PAYMENTS}; each names an accepted invoice. */
    public Dataset<Row> payments() {
        return table(HistoryTable.PAYMENTS);
    }

    /**
     * Accepted payments with the customer and issue date of the invoice each pays: the columns of
     * {@code ContractRowMapping.PAYMENTS}, then {@link #INVOICE_CUSTOMER_ID} and {@link #INVOICE_ISSUE_DATE}.
     * The reader finds both while it checks each payment's invoice, so grouping payments by customer needs
     * no second join.
     */
    public Dataset<Row> paymentsWithInvoice() {
        return paymentsWithInvoice;
    }

    /** Accepted contacts, schema {@code ContractRowMapping.CONTACTS}; empty when the table is absent. */
    public Dataset<Row> contacts() {
        return table(HistoryTable.CONTACTS);
    }

    /**
     * Accepted rows of one table.
     *
     * @throws IllegalStateException for a history that keeps no accepted rows ({@link StreamingHistoryReader}
     *     hands them to its function instead)
     */
    public Dataset<Row> table(HistoryTable table) {
        Dataset<Row> rows = accepted.get(table);
        if (rows == null) {
            throw new IllegalStateException("this history keeps its rejects and counts only, no accepted "
                    + table.tableName());
        }
        return rows;
    }

    /**
     * Rejected rows of all tables, schema {@link #REJECTS_SCHEMA}: {@code line} is the 1-based CSV line
     * (null for Parquet), {@code key} the row's key column where known, {@code raw} the line as read (for
     * Parquet: the row's contract cells as one CSV line, in file column order).
     */
    public Dataset<Row> rejects() {
        return rejects;
    }

    /** Rows in, accepted and rejected per table and reason. */
    public RunSummary summary() {
        return summary;
    }

    /** Drops the persisted data behind the datasets; they are recomputed from the files if used again. */
    public void release() {
        persisted.forEach(Dataset::unpersist);
    }
}

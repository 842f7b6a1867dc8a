package io.paysignal.pipeline.io;

import io.paysignal.core.history.Contact;
import io.paysignal.core.history.ContractRows;
import io.paysignal.core.history.Customer;
import io.paysignal.core.history.Invoice;
import io.paysignal.core.history.Payment;
import io.paysignal.core.history.RowOutcome;
import io.paysignal.pipeline.spark.ContractRowMapping;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.spark.sql.types.StructType;

/**
 * The four tables of a history (DATA-CONTRACT section 1), in the order they are read: each table's
 * parents come before it.
 */
public enum HistoryTable {

    CUSTOMERS("customers", true, ContractRowMapping.CUSTOMERS,
            List.of("customer_id", "segment", "country", "timezone", "preferred_channel", "do_not_contact",
                    "credit_limit", "opened_date"),
            List.of("customer_id"), "customer_id", true, null, null, null) {
        @Override
        RowOutcome<Object[]> parse(Function<String, String> cells, ReaderConfig config) {
            RowOutcome<Customer> outcome = ContractRows.customer(cells);
            return outcome.isAccepted()
                    ? RowOutcome.accepted(ContractRowMapping.customerCells(outcome.value()))
                    : RowOutcome.rejected(outcome.reason());
        }
    },

    INVOICES("invoices", true, ContractRowMapping.INVOICES,
            List.of("invoice_id", "customer_id", "issue_date", "due_date", "amount", "currency", "disputed"),
            List.of("invoice_id", "customer_id", "issue_date", "due_date", "amount"), "invoice_id", true,
            "customer_id", CUSTOMERS, RejectReasons.UNKNOWN_CUSTOMER) {
        @Override
        RowOutcome<Object[]> parse(Function<String, String> cells, ReaderConfig config) {
            RowOutcome<Invoice> outcome =
                    ContractRows.invoice(cells, config.defaultCurrency());
            return outcome.isAccepted()
                    ? RowOutcome.accepted(ContractRowMapping.invoiceCells(outcome.value()))
                    : RowOutcome.rejected(outcome.reason());
        }
    },

    /** payment_id is not a unique key: one remittance may be split over several invoices. */
    PAYMENTS("payments", true, ContractRowMapping.PAYMENTS,
            List.of("payment_id", "invoice_id", "payment_date", "amount"),
            List.of("invoice_id", "payment_date", "amount"), "payment_id", false,
            "invoice_id", INVOICES, RejectReasons.UNKNOWN_INVOICE) {
        @Override
        RowOutcome<Object[]> parse(Function<String, String> cells, ReaderConfig config) {
            RowOutcome<Payment> outcome = ContractRows.payment(cells);
            return outcome.isAccepted()
                    ? RowOutcome.accepted(ContractRowMapping.paymentCells(outcome.value()))
                    : RowOutcome.rejected(outcome.reason());
        }
    },

    CONTACTS("contacts", false, ContractRowMapping.CONTACTS,
            List.of("contact_id", "customer_id", "contact_time", "channel", "outcome"),
            List.of("customer_id", "contact_time", "channel"), "contact_id", false,
            "customer_id", CUSTOMERS, RejectReasons.UNKNOWN_CUSTOMER) {
        @Override
        RowOutcome<Object[]> parse(Function<String, String> cells, ReaderConfig config) {
            RowOutcome<Contact> outcome = ContractRows.contact(cells);
            return outcome.isAccepted()
                    ? RowOutcome.accepted(ContractRowMapping.contactCells(outcome.value()))
                    : RowOutcome.rejected(outcome.reason());
        }
    };

    private final String tableName;
    private final boolean required;
    private final StructType schema;
    private final List<String> columns;
    private final List<String> requiredColumns;
    private final String keyColumn;
    private final boolean uniqueKey;
    private final String parentColumn;
    private final HistoryTable parent;
    private final String orphanReason;

    HistoryTable(String tableName, boolean required, StructType schema, List<String> columns,
                 List<String> requiredColumns, String keyColumn, boolean uniqueKey, String parentColumn,
                 HistoryTable parent, String orphanReason) {
        this.tableName = tableName;
        this.required = required;
        this.schema = schema;
        this.columns = columns;
        this.requiredColumns = requiredColumns;
        this.keyColumn = keyColumn;
        this.uniqueKey = uniqueKey;
        this.parentColumn = parentColumn;
        this.parent = parent;
        this.orphanReason = orphanReason;
    }

    /**
     * Parses one row's cells with the contract's row rules into the values of a Spark internal row of
     * {@link #schema()}.
     */
    abstract RowOutcome<Object[]> parse(Function<String, String> cells, ReaderConfig config);

    /** The contract name, also the file name without extension and the {@code table} column of rejects. */
    public String tableName() {
        return tableName;
    }

    /** True when a history must hold this table. */
    public boolean required() {
        return required;
    }

    /** The fixed schema of accepted rows. */
    public StructType schema() {
        return schema;
    }

    /** The contract's columns, in contract order. */
    public List<String> columns() {
        return columns;
    }

    /** The columns a file of this table must have. */
    public List<String> requiredColumns() {
        return requiredColumns;
    }

    /** The column reported as {@code key} in rejects. */
    public String keyColumn() {
        return keyColumn;
    }

    /** True when the key column is unique, so later rows with the same key are duplicates. */
    public boolean uniqueKey() {
        return uniqueKey;
    }

    /** The column that must name an accepted row of {@link #parent()}, if this table has a parent. */
    public Optional<String> parentColumn() {
        return Optional.ofNullable(parentColumn);
    }

    /** The table whose key {@link #parentColumn()} refers to, or null. */
    HistoryTable parent() {
        return parent;
    }

    /** The reject reason of a row whose parent is not accepted. */
    String orphanReason() {
        return orphanReason;
    }
}

package io.paysignal.pipeline.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paysignal.core.history.Customer;
import io.paysignal.core.history.Invoice;
import io.paysignal.pipeline.spark.ContractRowMapping;
import io.paysignal.pipeline.testsupport.SharedSparkSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the reader finds tables and columns, and how it fails when they are not there. */
class HistoryReaderLayoutTest extends SharedSparkSession {

    private static final String CUSTOMERS = "customer_id\nC1\n";
    private static final String INVOICES = "invoice_id,customer_id,issue_date,due_date,amount\n"
            + "I1,C1,2024-01-01,2024-01-31,10\n";
    private static final String PAYMENTS = "invoice_id,payment_date,amount\n";

    @TempDir
    Path dir;

    private void write(String name, String text) throws IOException {
        Path path = dir.resolve(name);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text, StandardCharsets.UTF_8);
    }

    private void writeMinimalHistory() throws IOException {
        write("customers.csv", CUSTOMERS);
        write("invoices.csv", INVOICES);
        write("payments.csv", PAYMENTS);
    }

    private String failure() {
        HistoryFormatException failure = assertThrows(HistoryFormatException.class,
                () -> new HistoryReader(spark, ReaderConfig.defaults()).read(dir.toString()));
        assertFalse(failure.getMessage().contains("\n"), failure.getMessage());
        return failure.getMessage();
    }

    @Test
    void minimalHistoryTakesDefaultsForAbsentColumnsAndTables() throws IOException {
        writeMinimalHistory();
        History history = new HistoryReader(spark, ReaderConfig.defaults().withDefaultCurrency("EUR"))
                .read(dir.toString());

        assertEquals(List.of(Customer.withDefaults("C1")),
                history.customers().collectAsList().stream().map(ContractRowMapping::customer).toList());
        Invoice invoice = ContractRowMapping.invoice(history.invoices().first());
        assertEquals("EUR", invoice.currency());
        assertFalse(invoice.disputed());
        assertEquals(0, history.payments().count());
        assertEquals(0, history.contacts().count());
        assertEquals(0, history.rejects().count());
        RunSummary.TableCounts contacts = history.summary().table("contacts");
        assertNull(contacts.source());
        assertEquals(0, contacts.inputRows());
        assertEquals(List.of("customers (customers.csv): 1 rows, 1 accepted, 0 rejected",
                "invoices (invoices.csv): 1 rows, 1 accepted, 0 rejected",
                "payments (payments.csv): 0 rows, 0 accepted, 0 rejected",
                "contacts: absent",
                "total: 2 rows, 2 accepted, 0 rejected (0%)"), history.summary().textLines());
        history.release();
    }

    @Test
    void missingRequiredTableFails() throws IOException {
        write("customers.csv", CUSTOMERS);
        write("payments.csv", PAYMENTS);
        assertEquals("history " + dir + " has no invoices table (invoices.csv or invoices.parquet)", failure());
    }

    @Test
    void missingRequiredColumnFailsNamingTableAndColumn() throws IOException {
        writeMinimalHistory();
        write("invoices.csv", "invoice_id,customer_id,issue_date,due_date,total\nI1,C1,2024-01-01,2024-01-31,10\n");
        assertEquals("invoices.csv: missing required column amount (table invoices)", failure());
    }

    @Test
    void columnNamesMatchExactly() throws IOException {
        writeMinimalHistory();
        write("customers.csv", "Customer_ID\nC1\n");
        assertEquals("customers.csv: missing required column customer_id (table customers)", failure());
    }

    @Test
    void repeatedColumnFails() throws IOException {
        writeMinimalHistory();
        write("customers.csv", "customer_id,segment,segment\nC1,a,b\n");
        assertEquals("customers.csv: column segment appears twice", failure());
    }

    @Test
    void malformedHeaderFails() throws IOException {
        writeMinimalHistory();
        write("customers.csv", "customer_id,\"segment\nC1,a\n");
        assertEquals("customers.csv: header line is malformed (unterminated_quote)", failure());
    }

    @Test
    void fileWithoutHeaderFails() throws IOException {
        writeMinimalHistory();
        write("payments.csv", "");
        assertEquals("payments.csv: no header line", failure());
    }

    @Test
    void tableStoredTwiceFails() throws IOException {
        writeMinimalHistory();
        write("payments.parquet/part-00000.parquet", "not really parquet");
        assertEquals("history " + dir + " holds both payments.csv and payments.parquet; keep one", failure());
    }

    @Test
    void unreadableParquetFails() throws IOException {
        writeMinimalHistory();
        Files.delete(dir.resolve("payments.csv"));
        write("payments.parquet/part-00000.parquet", "not really parquet");
        assertTrue(failure().startsWith("payments.parquet: cannot be read as Parquet ("));
    }

    @Test
    void csvTableThatIsADirectoryFails() throws IOException {
        writeMinimalHistory();
        Files.delete(dir.resolve("payments.csv"));
        write("payments.csv/part-00000.csv", PAYMENTS);
        assertEquals("history " + dir + ": payments.csv is a directory; a CSV table must be one file", failure());
    }

    @Test
    void missingHistoryDirectoryFails() {
        dir = dir.resolve("nowhere");
        assertEquals("history directory not found: " + dir, failure());
    }
}

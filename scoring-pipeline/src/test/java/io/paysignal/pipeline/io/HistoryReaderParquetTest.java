package io.paysignal.pipeline.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paysignal.pipeline.testsupport.HistoryFixtures;
import io.paysignal.pipeline.testsupport.SharedSparkSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parquet tables obey the same rules as CSV tables. */
class HistoryReaderParquetTest extends SharedSparkSession {

    @TempDir
    Path dir;

    private static final ReaderConfig ACCEPT_ALL = ReaderConfig.defaults().withMaxRejectShare(1.0);

    private static List<String> sorted(Dataset<Row> rows) {
        return rows.collectAsList().stream().map(Row::toString).sorted().toList();
    }

    private void writeParquet(Dataset<Row> rows, String table) {
        rows.write().mode(SaveMode.Overwrite).parquet(dir.resolve(table + ".parquet").toString());
    }

    private Dataset<Row> csvAsStrings(Path csv) {
        return spark.read().option("header", "true").option("escape", "\"").csv(csv.toString());
    }

    @Test
    void parquetWrittenFromTheCsvFixtureGivesTheSameAcceptedRows() {
        Path fixture = HistoryFixtures.withEveryReject();
        History fromCsv = new HistoryReader(spark, ACCEPT_ALL).read(fixture.toString());
        // Typed Parquet (dates, doubles, booleans, timestamps) for the parents, and all-string Parquet
        // as Spark's own CSV reader makes it, bad rows included, for the children.
        writeParquet(fromCsv.customers(), "customers");
        writeParquet(fromCsv.invoices(), "invoices");
        writeParquet(csvAsStrings(fixture.resolve("payments.csv")), "payments");
        writeParquet(csvAsStrings(fixture.resolve("contacts.csv")), "contacts");

        History fromParquet = new HistoryReader(spark, ACCEPT_ALL).read(dir.toString());

        for (HistoryTable table : HistoryTable.values()) {
            assertEquals(sorted(fromCsv.table(table)), sorted(fromParquet.table(table)), table.tableName());
        }
        List<HistoryFixtures.Reject> parquetRejects = HistoryFixtures.rejects(fromParquet);
        Set<String> expected = HistoryFixtures.rejects(fromCsv).stream()
                .filter(r -> r.table().equals("payments") || r.table().equals("contacts"))
                .map(r -> r.table() + "/" + r.key() + "/" + r.reason()).collect(Collectors.toSet());
        assertEquals(expected, parquetRejects.stream()
                .map(r -> r.table() + "/" + r.key() + "/" + r.reason()).collect(Collectors.toSet()));
        assertEquals(expected.size(), parquetRejects.size());
        for (HistoryFixtures.Reject reject : parquetRejects) {
            assertNull(reject.line(), reject.toString());
            assertNotNull(reject.raw(), reject.toString());
        }
        assertEquals("payments.parquet", fromParquet.summary().table("payments").source());
        fromCsv.release();
        fromParquet.release();
    }

    @Test
    void typedParquetValuesAreCheckedByTheContractRules() throws Exception {
        Files.writeString(dir.resolve("customers.csv"), "customer_id\nC1\n");
        Files.writeString(dir.resolve("payments.csv"), "invoice_id,payment_date,amount\n");
        StructType invoices = new StructType()
                .add("invoice_id", DataTypes.StringType)
                .add("customer_id", DataTypes.StringType)
                .add("issue_date", DataTypes.DateType)
                .add("due_date", DataTypes.DateType)
                .add("amount", DataTypes.createDecimalType(12, 2))
                .add("disputed", DataTypes.BooleanType)
                .add("extra", DataTypes.IntegerType);
        Date jan1 = Date.valueOf("2024-01-01");
        Date jan31 = Date.valueOf("2024-01-31");
        writeParquet(spark.createDataFrame(List.of(
                RowFactory.create("I1", "C1", jan1, jan31, new java.math.BigDecimal("10.50"), true, 7),
                RowFactory.create("I2", "C1", jan1, jan31, new java.math.BigDecimal("0.00"), false, 7),
                RowFactory.create("I3", "C1", jan31, jan1, new java.math.BigDecimal("5.00"), null, 7),
                RowFactory.create("I4", "C9", jan1, jan31, new java.math.BigDecimal("5.00"), null, 7)),
                invoices).coalesce(1), "invoices");
        StructType contacts = new StructType()
                .add("customer_id", DataTypes.StringType)
                .add("contact_time", DataTypes.TimestampType)
                .add("channel", DataTypes.StringType);
        writeParquet(spark.createDataFrame(List.of(
                RowFactory.create("C1", Timestamp.from(Instant.parse("2024-02-05T19:05:00Z")), "email")),
                contacts), "contacts");

        History history = new HistoryReader(spark, ACCEPT_ALL).read(dir.toString());

        Row accepted = history.invoices().first();
        assertEquals(1, history.invoices().count());
        assertEquals("I1", accepted.getAs("invoice_id"));
        assertEquals(10.5, (double) accepted.getAs("amount"));
        assertEquals(true, accepted.getAs("disputed"));
        assertEquals(jan1, accepted.getAs("issue_date"));
        assertEquals(Set.of("I2/non_positive_amount:amount/I2,C1,2024-01-01,2024-01-31,0.00,false",
                        "I3/due_before_issue/I3,C1,2024-01-31,2024-01-01,5.00,",
                        "I4/unknown_customer/I4,C9,2024-01-01,2024-01-31,5.00,"),
                HistoryFixtures.rejects(history).stream().map(r -> r.key() + "/" + r.reason() + "/" + r.raw())
                        .collect(Collectors.toSet()));
        Row contact = history.contacts().first();
        assertEquals(Instant.parse("2024-02-05T19:05:00Z"), ((Timestamp) contact.getAs("contact_time")).toInstant());
        assertEquals("no_response", contact.getAs("outcome"));
        history.release();
    }

    @Test
    void duplicateKeyInParquetKeepsTheFirstRowOfTheFile() throws Exception {
        Files.writeString(dir.resolve("invoices.csv"), "invoice_id,customer_id,issue_date,due_date,amount\n");
        Files.writeString(dir.resolve("payments.csv"), "invoice_id,payment_date,amount\n");
        StructType customers = new StructType()
                .add("customer_id", DataTypes.StringType)
                .add("segment", DataTypes.StringType);
        writeParquet(spark.createDataFrame(List.of(RowFactory.create("C1", "smb"), RowFactory.create("C2", null),
                RowFactory.create("C1", "enterprise")), customers).coalesce(1), "customers");

        History history = new HistoryReader(spark, ACCEPT_ALL).read(dir.toString());

        assertEquals(List.of("[C1,smb,null,UTC,null,false,null,null]", "[C2,unknown,null,UTC,null,false,null,null]"),
                sorted(history.customers()));
        assertEquals(List.of(new HistoryFixtures.Reject("customers", null, "C1", "duplicate_key", "C1,enterprise")),
                HistoryFixtures.rejects(history));
        history.release();
    }

    @Test
    void columnOfUnsupportedTypeFails() throws Exception {
        Files.writeString(dir.resolve("invoices.csv"), "invoice_id,customer_id,issue_date,due_date,amount\n");
        Files.writeString(dir.resolve("payments.csv"), "invoice_id,payment_date,amount\n");
        StructType customers = new StructType()
                .add("customer_id", DataTypes.createArrayType(DataTypes.StringType));
        writeParquet(spark.createDataFrame(List.of(RowFactory.create(Arrays.asList("C1", "C2"))), customers),
                "customers");

        HistoryFormatException failure = assertThrows(HistoryFormatException.class,
                () -> new HistoryReader(spark, ACCEPT_ALL).read(dir.toString()));
        assertEquals("customers.parquet: column customer_id has type array<string>; expected a string, number, "
                + "boolean, date or timestamp", failure.getMessage());
        assertTrue(Files.isDirectory(dir.resolve("customers.parquet")));
    }
}

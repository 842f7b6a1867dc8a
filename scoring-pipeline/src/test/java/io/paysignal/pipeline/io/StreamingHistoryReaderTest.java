package io.paysignal.pipeline.io;

import io.paysignal.core.history.CustomerHistory;
import io.paysignal.pipeline.spark.HistoryAssembler;
import io.paysignal.pipeline.testsupport.HistoryFixtures;
import io.paysignal.pipeline.testsupport.SharedSparkSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The streaming reader of the score path agrees with {@link HistoryReader} followed by {@link HistoryAssembler}:
 * the same histories (cut or not), the same rejects with lines, keys and raw text, and the same counts, on
 * histories with every kind of bad row, in CSV and Parquet, with and without the optional table.
 */
class StreamingHistoryReaderTest extends SharedSparkSession {

    private static final ReaderConfig ACCEPT_ALL = ReaderConfig.defaults().withMaxRejectShare(1.0);
    private static final StructType TEXT = new StructType().add("history", DataTypes.StringType, false);

    @TempDir
    Path dir;

    /** Each history as its record text: the payload the comparison needs. */
    private static List<InternalRow> asText(List<CustomerHistory> batch) {
        List<InternalRow> rows = new ArrayList<>(batch.size());
        for (CustomerHistory history : batch) {
            rows.add(new GenericInternalRow(new Object[] {UTF8String.fromString(history.toString())}));
        }
        return rows;
    }

    private static List<String> sorted(Dataset<Row> rows) {
        return rows.collectAsList().stream().map(Row::toString).sorted().toList();
    }

    /** Reads {@code history} both ways and asserts they agree; returns the number of histories. */
    private int assertBothReadersAgree(Path history, LocalDate cutoff) {
        History old = new HistoryReader(spark, ACCEPT_ALL).read(history.toString());
        StreamingHistoryReader.Result streamed = new StreamingHistoryReader(spark, ACCEPT_ALL)
                .read(history.toString(), cutoff, TEXT, StreamingHistoryReaderTest::asText);
        try {
            List<String> expected = HistoryAssembler.byCustomer(old, cutoff).map(CustomerHistory::toString)
                    .collect().stream().sorted().toList();
            List<String> actual = streamed.payload().collectAsList().stream().map(row -> row.getString(0))
                    .sorted().toList();
            assertEquals(expected, actual);
            assertEquals(old.summary(), streamed.checked().summary());
            assertEquals(sorted(old.rejects()), sorted(streamed.checked().rejects()));
            return actual.size();
        } finally {
            old.release();
            streamed.checked().release();
        }
    }

    @Test
    void agreesOnTheFixtureWithEveryRejectWholeAndCut() {
        Path fixture = HistoryFixtures.withEveryReject();
        assertEquals(HistoryFixtures.WITH_EVERY_REJECT_CUSTOMERS.size(), assertBothReadersAgree(fixture, null));
        assertBothReadersAgree(fixture, LocalDate.of(2024, 2, 5));
        assertBothReadersAgree(fixture, LocalDate.of(2023, 1, 1));
    }

    @Test
    void agreesWithoutTheOptionalContactsTable() {
        Path fixture = HistoryFixtures.resource("/histories/portfolio-march-2025");
        assertFalse(Files.exists(fixture.resolve("contacts.csv")));
        assertBothReadersAgree(fixture, LocalDate.of(2025, 3, 31));
    }

    @Test
    void agreesOnQuotedLineBreaks() throws IOException {
        Path history = HistoryFixtures.withQuotedLineBreaks(dir);
        assertEquals(3, assertBothReadersAgree(history, null));
        StreamingHistoryReader.Result streamed = new StreamingHistoryReader(spark, ACCEPT_ALL)
                .read(history.toString(), null, TEXT, StreamingHistoryReaderTest::asText);
        try {
            assertEquals(HistoryFixtures.WITH_QUOTED_LINE_BREAKS_REJECTS.stream().map(Object::toString).sorted()
                    .toList(), HistoryFixtures.rejects(streamed.checked()).stream().map(Object::toString).sorted()
                    .toList());
        } finally {
            streamed.checked().release();
        }
    }

    @Test
    void agreesOnParquetTables() {
        Path fixture = HistoryFixtures.withEveryReject();
        for (String table : List.of("customers", "invoices", "payments", "contacts")) {
            spark.read().option("header", "true").option("escape", "\"").csv(fixture.resolve(table + ".csv")
                    .toString()).write().mode(SaveMode.Overwrite).parquet(dir.resolve(table + ".parquet").toString());
        }
        assertBothReadersAgree(dir, null);
        assertBothReadersAgree(dir, LocalDate.of(2024, 2, 5));
    }

    /**
     * The table rules' corners: a duplicate whose first row failed parsing, a duplicate invoice whose winner
     * names an unknown customer (its payments are then unknown_invoice too), an invoice id repeated across
     * customers, payments of a duplicate id, a payment before any invoice in sort order, a payment dated before
     * the cutoff on an invoice issued after it.
     */
    @Test
    void agreesOnDuplicateAndOrphanCorners() throws IOException {
        write("customers.csv", "customer_id,segment,country,timezone,preferred_channel,do_not_contact,credit_limit,"
                + "opened_date",
                "C1,smb,US,UTC,email,false,100,2020-01-01",
                "C2,smb,US,UTC,email,false,100,not-a-date",
                "C2,smb,US,UTC,sms,false,200,2020-01-02",
                "C2,smb,US,UTC,phone,false,300,2020-01-03",
                "C3,smb,US,UTC,,false,,2020-01-01",
                " C3 ,smb,US,UTC,,true,,2020-01-01");
        write("invoices.csv", "invoice_id,customer_id,issue_date,due_date,amount,currency,disputed",
                "I1,C1,2024-01-01,2024-01-31,100,USD,false",
                "I1,C2,2024-01-02,2024-02-01,100,USD,false",
                "I2,C9,2024-01-01,2024-01-31,50,USD,false",
                "I2,C1,2024-01-01,2024-01-31,50,USD,false",
                "I3,C2,2024-03-01,2024-02-01,50,USD,false",
                "I3,C2,2024-03-01,2024-03-31,60,USD,false",
                "I4,C3,2024-05-01,2024-05-31,70,USD,true",
                "I5,C1,2024-06-01,2024-06-30,80,USD,false,extra");
        write("payments.csv", "payment_id,invoice_id,payment_date,amount",
                "P1,I1,2024-01-15,60",
                "P1,I1,2024-01-20,40",
                "P2,I2,2024-01-10,50",
                "P3,I3,2024-03-10,60",
                "P4,I0,2024-01-01,1",
                "P5,I4,2024-06-01,70",
                "P6,I5,2024-06-10,80",
                "P7,I4,2024-04-01,-1",
                "P8,I4,2024-04-20,10",
                "P9,I1,2024-01-25,5");
        write("contacts.csv", "contact_id,customer_id,contact_time,channel,outcome",
                "K1,C1,2024-01-05T10:00:00Z,email,reached",
                "K2,C9,2024-01-05T10:00:00Z,email,",
                "K3,C3,2024-05-31T23:59:59-01:00,sms,",
                "K4,C3,2024-05-31T23:59:59+01:00,sms,");
        assertEquals(3, assertBothReadersAgree(dir, null));
        assertBothReadersAgree(dir, LocalDate.of(2024, 5, 31));
        assertBothReadersAgree(dir, LocalDate.of(2024, 1, 15));
        // P8 is paid before this cutoff on an invoice issued after it: it goes with its invoice.
        assertBothReadersAgree(dir, LocalDate.of(2024, 4, 30));
    }

    @Test
    void tooManyRejectsFailsWithTheSameCountsAndRejects() {
        Path fixture = HistoryFixtures.withEveryReject();
        ReaderConfig strict = ReaderConfig.defaults().withMaxRejectShare(0.01);
        TooManyRejectsException old = assertThrows(TooManyRejectsException.class,
                () -> new HistoryReader(spark, strict).read(fixture.toString()));
        TooManyRejectsException streamed = assertThrows(TooManyRejectsException.class,
                () -> new StreamingHistoryReader(spark, strict).read(fixture.toString(), null, TEXT,
                        StreamingHistoryReaderTest::asText));
        try {
            assertEquals(old.getMessage(), streamed.getMessage());
            assertEquals(old.summary(), streamed.summary());
            assertEquals(sorted(old.history().rejects()), sorted(streamed.history().rejects()));
        } finally {
            old.history().release();
            streamed.history().release();
        }
    }

    private void write(String file, String... lines) throws IOException {
        Files.writeString(dir.resolve(file), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }
}

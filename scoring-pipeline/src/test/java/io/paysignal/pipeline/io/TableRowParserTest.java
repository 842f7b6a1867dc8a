package io.paysignal.pipeline.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.junit.jupiter.api.Test;

class TableRowParserTest {

    @Test
    void rendersParquetValuesAsContractText() {
        assertNull(TableRowParser.contractText(null));
        assertEquals("C1", TableRowParser.contractText("C1"));
        assertEquals("2024-02-29", TableRowParser.contractText(Date.valueOf("2024-02-29")));
        assertEquals("2024-02-29", TableRowParser.contractText(LocalDate.of(2024, 2, 29)));
        assertEquals("2024-02-05T19:05:00Z",
                TableRowParser.contractText(Timestamp.from(Instant.parse("2024-02-05T19:05:00Z"))));
        assertEquals("2024-02-05T19:05", TableRowParser.contractText(LocalDateTime.of(2024, 2, 5, 19, 5)));
        assertEquals("10000000000", TableRowParser.contractText(1e10));
        assertEquals("0.1", TableRowParser.contractText(0.1f));
        assertEquals("12.50", TableRowParser.contractText(new BigDecimal("12.50")));
        assertEquals("NaN", TableRowParser.contractText(Double.NaN));
        assertEquals("42", TableRowParser.contractText(42L));
        assertEquals("true", TableRowParser.contractText(true));
    }

    @Test
    void removesAByteOrderMarkOnlyAtTheStart() {
        assertEquals("a,b", TableRowParser.withoutByteOrderMark("\uFEFFa,b"));
        assertEquals("a,\uFEFFb", TableRowParser.withoutByteOrderMark("a,\uFEFFb"));
    }

    @Test
    void parsesALineIntoTypedColumnsAndBookkeeping() {
        TableRowParser parser = TableRowParser.forCsv(HistoryTable.PAYMENTS, ReaderConfig.defaults(),
                List.of("note", "invoice_id", "payment_date", "amount", "payment_id"));
        InternalRow row = parser.parseLine("x,I1,2024-01-20, 12.5 ,P1", 70);
        assertEquals(TableRowParser.parsedSchema(HistoryTable.PAYMENTS).size(), row.numFields());
        // Spark's internal values: strings as UTF8String, dates as days since 1970-01-01.
        assertEquals("P1", row.getUTF8String(0).toString());
        assertEquals("I1", row.getUTF8String(1).toString());
        assertEquals(LocalDate.of(2024, 1, 20).toEpochDay(), row.getInt(2));
        assertEquals(12.5, row.getDouble(3));
        assertTrue(row.isNullAt(4)); // source: none for CSV
        assertEquals(70L, row.getLong(5)); // ordinal: the byte offset (the line number is found for rejects only)
        assertEquals("P1", row.getUTF8String(6).toString()); // key
        assertEquals("x,I1,2024-01-20, 12.5 ,P1", row.getUTF8String(7).toString()); // raw
        assertTrue(row.isNullAt(8)); // reason
    }

    @Test
    void rejectedLineKeepsOffsetRawAndReasonOnly() {
        TableRowParser parser = TableRowParser.forCsv(HistoryTable.PAYMENTS, ReaderConfig.defaults(),
                List.of("invoice_id", "payment_date", "amount"));
        InternalRow row = parser.parseLine("I1,2024-01-20", 30);
        assertTrue(row.isNullAt(1));
        assertEquals(30L, row.getLong(5));
        assertTrue(row.isNullAt(6));
        assertEquals("wrong_field_count", row.getUTF8String(8).toString());
    }

    @Test
    void findsColumnsByNameWhetherOrNotTheNameIsInterned() {
        TableRowParser parser = TableRowParser.forCsv(HistoryTable.PAYMENTS, ReaderConfig.defaults(),
                List.of("note", "invoice_id", "payment_date", "amount"));
        assertEquals(3, parser.position("amount"));
        assertEquals(3, parser.position(new String("amount".toCharArray())));
        assertEquals(1, parser.position(new String("invoice_id".toCharArray())));
        assertEquals(-1, parser.position("payment_id")); // a contract column the file lacks
        assertEquals(-1, parser.position("note")); // present, but not a contract column
    }

    @Test
    void contactTimeBecomesEpochMicrosecondsInUtc() {
        TableRowParser parser = TableRowParser.forCsv(HistoryTable.CONTACTS, ReaderConfig.defaults(),
                List.of("customer_id", "contact_time", "channel", "outcome"));
        InternalRow row = parser.parseLine("C1,2024-02-05T14:05:00.123456-05:00,email,reached", 0);
        assertEquals(Instant.parse("2024-02-05T19:05:00.123456Z").toEpochMilli() * 1_000 + 456, row.getLong(2));
        assertEquals("email", row.getUTF8String(3).toString());
        assertEquals("reached", row.getUTF8String(4).toString());
    }
}

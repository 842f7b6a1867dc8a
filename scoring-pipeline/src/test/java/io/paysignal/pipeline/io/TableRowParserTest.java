package io.paysignal.pipeline.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.spark.sql.Row;
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
        Row row = parser.parseLine("x,I1,2024-01-20, 12.5 ,P1", 70);
        assertEquals(TableRowParser.parsedSchema(HistoryTable.PAYMENTS).size(), row.size());
        assertEquals(List.of("P1", "I1", Date.valueOf("2024-01-20"), 12.5), List.of(row.get(0), row.get(1),
                row.get(2), row.get(3)));
        assertEquals(70L, row.get(5)); // ordinal: the byte offset (the line number is found for rejects only)
        assertEquals("P1", row.get(6)); // key
        assertEquals("x,I1,2024-01-20, 12.5 ,P1", row.get(7)); // raw
        assertNull(row.get(8)); // reason
    }

    @Test
    void rejectedLineKeepsOffsetRawAndReasonOnly() {
        TableRowParser parser = TableRowParser.forCsv(HistoryTable.PAYMENTS, ReaderConfig.defaults(),
                List.of("invoice_id", "payment_date", "amount"));
        Row row = parser.parseLine("I1,2024-01-20", 30);
        assertNull(row.get(1));
        assertEquals(30L, row.get(5));
        assertNull(row.get(6));
        assertEquals("wrong_field_count", row.get(8));
    }
}

package io.paysignal.pipeline.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

/** {@link QuotedRecords} over files cut into lines the way Hadoop's line reader cuts them. */
class QuotedRecordsTest {

    private static final String HEADER = "id,note,amount\n";

    /** A file's physical lines: LF, CR LF or a lone CR end a line; offsets and lengths count UTF-8 bytes. */
    static List<QuotedRecords.PhysicalLine> lines(String file) {
        List<QuotedRecords.PhysicalLine> lines = new ArrayList<>();
        byte[] bytes = file.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        int i = 0;
        while (i < bytes.length) {
            if (bytes[i] == '\n' || bytes[i] == '\r') {
                lines.add(line(bytes, start, i));
                i += bytes[i] == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n' ? 2 : 1;
                start = i;
            } else {
                i++;
            }
        }
        if (start < bytes.length) {
            lines.add(line(bytes, start, bytes.length));
        }
        return lines;
    }

    private static QuotedRecords.PhysicalLine line(byte[] bytes, int start, int end) {
        return new QuotedRecords.PhysicalLine(start, new String(bytes, start, end - start, StandardCharsets.UTF_8),
                end - start);
    }

    private static List<Tuple2<Long, String>> records(String file) {
        List<Tuple2<Long, String>> records = new ArrayList<>();
        new QuotedRecords(lines(file).iterator(), 3).forEachRemaining(records::add);
        return records;
    }

    /** The record {@code text}, at the byte offset where it starts in {@code file}. */
    private static Tuple2<Long, String> record(String file, String text) {
        int at = file.indexOf(text);
        if (at < 0) {
            throw new IllegalArgumentException(text + " is not in the file");
        }
        return new Tuple2<>((long) file.substring(0, at).getBytes(StandardCharsets.UTF_8).length, text);
    }

    @Test
    void linesWithoutOpenQuotesAreRecordsAndTheHeaderAndBlankLinesAreSkipped() {
        String file = HEADER + "A,\"x, y\",1\n\n  \nB,,2\n";
        assertEquals(List.of(record(file, "A,\"x, y\",1"), record(file, "B,,2")), records(file));
    }

    @Test
    void aQuotedFieldKeepsItsLineBreaksAndTheRecordItsFirstOffset() {
        String file = HEADER + "A,\"first\nsecond\n\nfourth\",1\nB,x,2\n";
        assertEquals(List.of(record(file, "A,\"first\nsecond\n\nfourth\",1"), record(file, "B,x,2")), records(file));
    }

    @Test
    void crLfInsideAFieldIsGivenBackAsCrLf() {
        String file = "id,note,amount\r\nA,\"one\r\ntwo\",1\r\nB,\"\u00e9t\u00e9\r\n\"\"q\"\"\",2\r\n";
        assertEquals(List.of(record(file, "A,\"one\r\ntwo\",1"), record(file, "B,\"\u00e9t\u00e9\r\n\"\"q\"\"\",2")),
                records(file));
    }

    @Test
    void escapedQuotesDoNotCloseTheField() {
        String file = HEADER + "A,\"say \"\"hi\nthere\"\"\",1\n";
        assertEquals(List.of(record(file, "A,\"say \"\"hi\nthere\"\"\",1")), records(file));
    }

    @Test
    void aMissingClosingQuoteGivesUpTheFirstLineOnlyWhenNoQuoteClosesIt() {
        String file = HEADER + "A,\"open,1\nB,x,2\nC,y,3\n";
        assertEquals(List.of(record(file, "A,\"open,1"), record(file, "B,x,2"), record(file, "C,y,3")), records(file));
    }

    @Test
    void aJoinThatDoesNotSplitIntoTheHeadersFieldsIsUndone() {
        // The quote that would close A's field opens D's: joined, A..D is no record of three fields.
        String file = HEADER + "A,\"open,1\nB,x,2\nD,\"z\nw\",4\n";
        assertEquals(List.of(record(file, "A,\"open,1"), record(file, "B,x,2"), record(file, "D,\"z\nw\",4")),
                records(file));
    }

    @Test
    void aJoinThatWouldSwallowRowsWithTheWrongFieldCountIsUndone() {
        String file = HEADER + "A,\"open\nB,x\",2,extra\nC,y,3\n";
        assertEquals(List.of(record(file, "A,\"open"), record(file, "B,x\",2,extra"), record(file, "C,y,3")),
                records(file));
    }

    @Test
    void aQuoteStillOpenAfterAMegabyteIsTakenForAMissingQuote() {
        StringBuilder file = new StringBuilder(HEADER).append("A,\"open,1\n");
        String row = "B," + "x".repeat(1000) + ",2\n";
        int rows = QuotedRecords.MAX_RECORD_CHARS / row.length() + 10;
        file.append(row.repeat(rows)).append("C,\"late\",3\n");
        List<Tuple2<Long, String>> records = records(file.toString());
        assertEquals(rows + 2, records.size());
        assertEquals(record(file.toString(), "A,\"open,1"), records.get(0));
        assertEquals(row.strip(), records.get(1)._2());
        assertEquals("C,\"late\",3", records.get(records.size() - 1)._2());
    }

    @Test
    void aFileWithoutRowsHasNoRecords() {
        assertEquals(List.of(), records(HEADER));
        assertEquals(List.of(), records(""));
        QuotedRecords none = new QuotedRecords(List.<QuotedRecords.PhysicalLine>of().iterator(), 3);
        assertThrows(NoSuchElementException.class, none::next);
    }
}

package io.paysignal.core.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class CsvLineTest {

    private static List<String> fields(String line) {
        RowOutcome<List<String>> outcome = CsvLine.split(line);
        assertEquals(null, outcome.reason(), () -> "unexpected reject of " + line);
        return outcome.value();
    }

    private static String reason(String line) {
        RowOutcome<List<String>> outcome = CsvLine.split(line);
        assertEquals(null, outcome.value(), () -> "unexpected accept of " + line);
        return outcome.reason();
    }

    @Test
    void splitsPlainFieldsOnCommas() {
        assertEquals(List.of("C001", "smb", "US"), fields("C001,smb,US"));
    }

    @Test
    void keepsEmptyFieldsIncludingTrailingOnes() {
        assertEquals(List.of("a", "", "", ""), fields("a,,,"));
        assertEquals(List.of("", "b"), fields(",b"));
    }

    @Test
    void emptyLineIsOneEmptyField() {
        assertEquals(List.of(""), fields(""));
    }

    @Test
    void quotedFieldMayHoldCommas() {
        assertEquals(List.of("C1", "likes email, not phone", "x"), fields("C1,\"likes email, not phone\",x"));
    }

    @Test
    void doubledQuoteInsideQuotesIsOneQuote() {
        assertEquals(List.of("he said \"hi\"", ""), fields("\"he said \"\"hi\"\"\","));
    }

    @Test
    void quotedEmptyFieldIsEmpty() {
        assertEquals(List.of("", "a", ""), fields("\"\",a,\"\""));
    }

    @Test
    void keepsSurroundingBlanksOfUnquotedFields() {
        assertEquals(List.of(" a ", "b "), fields(" a ,b "));
    }

    @Test
    void quoteLeftOpenAtEndOfLineIsUnterminated() {
        assertEquals(CsvLine.UNTERMINATED_QUOTE, reason("C010,\"unterminated,US"));
        assertEquals(CsvLine.UNTERMINATED_QUOTE, reason("\""));
        assertEquals(CsvLine.UNTERMINATED_QUOTE, reason("a,\"ends with doubled \"\""));
    }

    @Test
    void quoteInsideUnquotedFieldIsMisplaced() {
        assertEquals(CsvLine.MISPLACED_QUOTE, reason("C1,sm\"b,US"));
    }

    @Test
    void textAfterClosingQuoteIsMisplaced() {
        assertEquals(CsvLine.MISPLACED_QUOTE, reason("\"abc\"def,x"));
        assertEquals(CsvLine.MISPLACED_QUOTE, reason("\"abc\" ,x"));
    }

    @Test
    void blankBeforeOpeningQuoteIsMisplaced() {
        assertEquals(CsvLine.MISPLACED_QUOTE, reason("a, \"b\""));
    }

    @Test
    void rejectsNullLine() {
        assertThrows(IllegalArgumentException.class, () -> CsvLine.split(null));
    }

    @Test
    void joinQuotesOnlyWhereNeeded() {
        assertEquals("C1,\"a,b\",\"say \"\"x\"\"\",\" pad\",,plain",
                CsvLine.join(Arrays.asList("C1", "a,b", "say \"x\"", " pad", null, "plain")));
    }

    @Test
    void joinQuotesLineBreaks() {
        assertEquals("\"two\nlines\"", CsvLine.join(List.of("two\nlines")));
    }

    @Property(tries = 300)
    void splitOfJoinGivesTheFieldsBack(
            @ForAll @Size(min = 1, max = 6) List<@Chars({',', '"', ' ', 'a', 'Z', '1', 'é', '\t'})
                    @CharRange(from = 'a', to = 'c') String> fields) {
        List<String> expected = new ArrayList<>(fields);
        assertEquals(expected, fields(CsvLine.join(fields)));
    }
}

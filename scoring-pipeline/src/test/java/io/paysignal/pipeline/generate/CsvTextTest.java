package io.paysignal.pipeline.generate;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvTextTest {

    private static String field(String value) {
        StringBuilder out = new StringBuilder();
        CsvText.appendField(out, value);
        return out.toString();
    }

    @Test
    void plainFieldsAreWrittenAsIs() {
        assertEquals("America/Sao_Paulo", field("America/Sao_Paulo"));
    }

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuotedPerRfc4180() {
        assertEquals("\"a,b\"", field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", field("say \"hi\""));
        assertEquals("\"two\nlines\"", field("two\nlines"));
        assertEquals(List.of(List.of("a,b", "say \"hi\"")), CsvTable.parse(field("a,b") + "," + field("say \"hi\"") + "\n"));
    }

    @Test
    void centsArePlainDecimalsWithTwoPlaces() {
        StringBuilder out = new StringBuilder();
        CsvText.appendCents(out, 123_405);
        out.append(' ');
        CsvText.appendCents(out, 7);
        out.append(' ');
        CsvText.appendCents(out, 100);
        assertEquals("1234.05 0.07 1.00", out.toString());
    }

    @Test
    void fixedFourDecimalsReadBackAsTheRoundedValue() {
        for (double value : new double[] {0, -0.00001, 1.23456789, -7.5, 19.99995, 123456.000049}) {
            StringBuilder out = new StringBuilder();
            CsvText.appendFixed4(out, value);
            assertEquals(CsvText.round4(value), Double.parseDouble(out.toString()), out.toString());
            assertEquals(false, out.toString().contains("E"), out.toString());
        }
        StringBuilder out = new StringBuilder();
        CsvText.appendFixed4(out, -0.5);
        assertEquals("-0.5000", out.toString());
    }
}

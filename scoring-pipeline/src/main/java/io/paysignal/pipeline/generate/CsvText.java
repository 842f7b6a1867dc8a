package io.paysignal.pipeline.generate;

import java.time.LocalDate;

/**
 * Contract value syntax for the generated CSV: RFC 4180 quoting, plain decimals with {@code .} and
 * {@code yyyy-MM-dd} dates. Appends to a StringBuilder so that rows are built without intermediate strings.
 */
final class CsvText {

    private CsvText() {
    }

    /** Appends {@code value} as one CSV field, quoted only when it holds a comma, quote or line break. */
    static void appendField(StringBuilder out, String value) {
        if (value == null) {
            return;
        }
        boolean needsQuotes = false;
        for (int i = 0; i < value.length() && !needsQuotes; i++) {
            char ch = value.charAt(i);
            needsQuotes = ch == ',' || ch == '"' || ch == '\n' || ch == '\r';
        }
        if (!needsQuotes) {
            out.append(value);
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '"') {
                out.append('"');
            }
            out.append(ch);
        }
        out.append('"');
    }

    /** Appends an amount held in cents as a plain decimal with two places, e.g. {@code 1234.05}. */
    static void appendCents(StringBuilder out, long cents) {
        if (cents < 0) {
            out.append('-');
            cents = -cents;
        }
        out.append(cents / 100).append('.');
        long fraction = cents % 100;
        if (fraction < 10) {
            out.append('0');
        }
        out.append(fraction);
    }

    /** Appends {@code value} rounded to four decimals, never in scientific notation. */
    static void appendFixed4(StringBuilder out, double value) {
        long scaled = Math.round(value * 10_000);
        if (scaled < 0) {
            out.append('-');
            scaled = -scaled;
        }
        out.append(scaled / 10_000).append('.');
        String fraction = Long.toString(scaled % 10_000);
        out.append("0000", 0, 4 - fraction.length()).append(fraction);
    }

    /** {@code value} rounded to four decimals, exactly as {@link #appendFixed4} prints it and a parser reads it. */
    static double round4(double value) {
        // + 0.0 turns -0.0 into 0.0, which is what the printed "0.0000" reads back as.
        return Math.round(value * 10_000) / 10_000.0 + 0.0;
    }

    /** A {@code yyyy-MM-dd} date for an epoch day. */
    static String date(int epochDay) {
        return LocalDate.ofEpochDay(epochDay).toString();
    }
}

package io.paysignal.core.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Splits and joins one line of a contract CSV file (RFC 4180): fields separated by commas, a field may be
 * enclosed in double quotes, and inside quotes a comma is text and a doubled quote ({@code ""}) is one
 * quote.
 *
 * <p>The split is strict, because a row that is split wrongly would be read with its values in the wrong
 * columns: a quote inside an unquoted field, or text between a closing quote and the next comma, is
 * {@link #MISPLACED_QUOTE}; a quoted field still open at the end of the line is
 * {@link #UNTERMINATED_QUOTE}. A quoted field may hold a line break (RFC 4180) when the caller passes a
 * whole record; a reader that hands over one physical line at a time sees such a record cut in two, its first
 * half {@link #UNTERMINATED_QUOTE}, and has to join the lines itself.
 *
 * <p>Surrounding blanks are kept: trimming values is the business of {@link ContractRows}.
 */
public final class CsvLine {

    /** Reject reason: a quoted field is not closed before the end of the line. */
    public static final String UNTERMINATED_QUOTE = "unterminated_quote";
    /** Reject reason: a quote inside an unquoted field, or text after a closing quote. */
    public static final String MISPLACED_QUOTE = "misplaced_quote";

    private static final char QUOTE = '"';
    private static final char SEPARATOR = ',';

    private CsvLine() {
    }

    /**
     * Splits one line (without its line terminator) into its fields. An empty line is one empty field, as
     * in RFC 4180; callers that skip blank lines do so before calling this.
     *
     * @param line the text of the line, not null
     * @return the fields in order, or the reason ({@link #UNTERMINATED_QUOTE}, {@link #MISPLACED_QUOTE})
     *     the line is malformed
     */
    public static RowOutcome<List<String>> split(String line) {
        if (line == null) {
            throw new IllegalArgumentException("line must not be null");
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int length = line.length();
        int position = 0;
        while (true) {
            field.setLength(0);
            if (position < length && line.charAt(position) == QUOTE) {
                position = readQuoted(line, position + 1, field);
                if (position < 0) {
                    return RowOutcome.rejected(UNTERMINATED_QUOTE);
                }
                if (position < length && line.charAt(position) != SEPARATOR) {
                    return RowOutcome.rejected(MISPLACED_QUOTE);
                }
            } else {
                int end = position;
                while (end < length && line.charAt(end) != SEPARATOR) {
                    if (line.charAt(end) == QUOTE) {
                        return RowOutcome.rejected(MISPLACED_QUOTE);
                    }
                    end++;
                }
                field.append(line, position, end);
                position = end;
            }
            fields.add(field.toString());
            if (position >= length) {
                return RowOutcome.accepted(Collections.unmodifiableList(fields));
            }
            position++; // the separator
        }
    }

    /**
     * Reads a quoted field's content starting just after its opening quote.
     *
     * @return the position just after the closing quote, or -1 when the line ends first
     */
    private static int readQuoted(String line, int start, StringBuilder field) {
        int position = start;
        int length = line.length();
        while (position < length) {
            char c = line.charAt(position);
            if (c == QUOTE) {
                if (position + 1 < length && line.charAt(position + 1) == QUOTE) {
                    field.append(QUOTE);
                    position += 2;
                } else {
                    return position + 1;
                }
            } else {
                field.append(c);
                position++;
            }
        }
        return -1;
    }

    /**
     * Joins fields into one RFC 4180 line (without a line terminator), quoting a field only when it holds
     * a comma, a quote, a line break, or leading or trailing blanks; a null field is written empty.
     * {@code split(join(fields))} gives back the fields.
     */
    public static String join(List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(SEPARATOR);
            }
            appendField(line, fields.get(i));
        }
        return line.toString();
    }

    private static void appendField(StringBuilder line, String field) {
        if (field == null || field.isEmpty()) {
            return;
        }
        if (!needsQuotes(field)) {
            line.append(field);
            return;
        }
        line.append(QUOTE);
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == QUOTE) {
                line.append(QUOTE);
            }
            line.append(c);
        }
        line.append(QUOTE);
    }

    private static boolean needsQuotes(String field) {
        if (Character.isWhitespace(field.charAt(0)) || Character.isWhitespace(field.charAt(field.length() - 1))) {
            return true;
        }
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == SEPARATOR || c == QUOTE || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}

package io.paysignal.pipeline.io;

import io.paysignal.core.history.CsvLine;
import io.paysignal.core.history.RowOutcome;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import scala.Tuple2;

/**
 * Joins a CSV file's physical lines, in file order, into records: a quoted field may hold line breaks
 * (RFC 4180), so a record runs on while a quote is open. Each record keeps the byte offset of its first line,
 * which orders duplicates and gives a rejected record the line number where it starts.
 *
 * <p>A quote is open at the end of a line exactly when the record so far holds an odd number of quote
 * characters: an opening and its closing quote make two, and an escaped quote ({@code ""}) two more. The join
 * is checked, not trusted, because a missing closing quote looks the same as a line break in a quoted field:
 * the joined text must split cleanly into the header's number of fields. If it does not, or no quote closes
 * within {@link #MAX_RECORD_CHARS}, only the first line is given up (as one record, which the parser rejects
 * as {@code unterminated_quote}) and reading goes on from the line after it, as a line-by-line read would.
 * Lines between an opening line and the line that closes it have an even count and start no attempt of their
 * own, so every line is read at most twice and the work stays linear in the file's size.
 *
 * <p>Line ends inside a field are given back as {@code \r\n} where the file had two bytes between the lines
 * and {@code \n} otherwise (a lone {@code \r} reads as {@code \n}). The header line (offset 0) and blank
 * lines between records are skipped, as the line-by-line read skips them.
 */
final class QuotedRecords implements Iterator<Tuple2<Long, String>> {

    /** A record still open after this many characters is taken for a missing quote: real notes are far shorter. */
    static final int MAX_RECORD_CHARS = 1 << 20;

    /**
     * One physical line as Hadoop's line reader gives it.
     *
     * @param offset the byte offset of its first byte in the file
     * @param text the line without its line end
     * @param byteLength the length of {@code text} in bytes (UTF-8), so that the line end's length is the gap to
     *                   the next line's offset
     */
    record PhysicalLine(long offset, String text, int byteLength) {
    }

    private final Iterator<PhysicalLine> lines;
    private final int fieldCount;
    private final Deque<PhysicalLine> pushedBack = new ArrayDeque<>();
    private Tuple2<Long, String> next;

    /**
     * @param lines a whole file's lines in order, header included
     * @param fieldCount the number of fields in the header: a joined record must have as many
     */
    QuotedRecords(Iterator<PhysicalLine> lines, int fieldCount) {
        this.lines = lines;
        this.fieldCount = fieldCount;
    }

    /** The records of a whole file as Hadoop's line reader gives its lines (reusing both objects of each pair). */
    static QuotedRecords ofHadoopLines(Iterator<Tuple2<LongWritable, Text>> lines, int fieldCount) {
        return new QuotedRecords(new Iterator<>() {
            @Override
            public boolean hasNext() {
                return lines.hasNext();
            }

            @Override
            public PhysicalLine next() {
                Tuple2<LongWritable, Text> line = lines.next();
                return new PhysicalLine(line._1().get(), line._2().toString(), line._2().getLength());
            }
        }, fieldCount);
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = advance();
        }
        return next != null;
    }

    @Override
    public Tuple2<Long, String> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Tuple2<Long, String> record = next;
        next = null;
        return record;
    }

    private Tuple2<Long, String> advance() {
        while (true) {
            PhysicalLine first = pull();
            if (first == null) {
                return null;
            }
            if (first.offset() == 0 || first.text().isBlank()) {
                continue;
            }
            if (!oddQuotes(first.text())) {
                return new Tuple2<>(first.offset(), first.text());
            }
            return joinFrom(first);
        }
    }

    /** The record that starts with {@code first}, whose quote is open at its end; or {@code first} alone. */
    private Tuple2<Long, String> joinFrom(PhysicalLine first) {
        List<PhysicalLine> joined = new ArrayList<>();
        joined.add(first);
        long chars = first.text().length();
        boolean closed = false;
        PhysicalLine line;
        while (!closed && chars <= MAX_RECORD_CHARS && (line = pull()) != null) {
            joined.add(line);
            chars += line.text().length() + 2;
            closed = oddQuotes(line.text());
        }
        if (closed) {
            String record = text(joined);
            RowOutcome<List<String>> split = CsvLine.split(record);
            if (split.isAccepted() && split.value().size() == fieldCount) {
                return new Tuple2<>(first.offset(), record);
            }
        }
        for (int i = joined.size() - 1; i >= 1; i--) {
            pushedBack.addFirst(joined.get(i));
        }
        return new Tuple2<>(first.offset(), first.text());
    }

    private PhysicalLine pull() {
        if (!pushedBack.isEmpty()) {
            return pushedBack.pollFirst();
        }
        return lines.hasNext() ? lines.next() : null;
    }

    private static String text(List<PhysicalLine> joined) {
        StringBuilder record = new StringBuilder();
        for (int i = 0; i < joined.size(); i++) {
            PhysicalLine line = joined.get(i);
            if (i > 0) {
                PhysicalLine previous = joined.get(i - 1);
                long lineEnd = line.offset() - previous.offset() - previous.byteLength();
                record.append(lineEnd == 2 ? "\r\n" : "\n");
            }
            record.append(line.text());
        }
        return record.toString();
    }

    private static boolean oddQuotes(String text) {
        boolean odd = false;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '"') {
                odd = !odd;
            }
        }
        return odd;
    }
}

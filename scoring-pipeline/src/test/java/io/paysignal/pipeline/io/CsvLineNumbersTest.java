package io.paysignal.pipeline.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CsvLineNumbersTest {

    /** Start offsets of the lines as Hadoop's line reader cuts them: after LF, CR LF, or a lone CR. */
    private static List<Long> lineStarts(byte[] bytes) {
        List<Long> starts = new ArrayList<>(List.of(0L));
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
                if (i + 1 < bytes.length) {
                    starts.add((long) i + 1);
                }
            }
        }
        return starts;
    }

    @Test
    void countsLineEndsOfEveryKindBeforeEachLineStart() {
        byte[] bytes = "h\nA\r\nB\rC\n\nD\r\n\r\nE".getBytes(StandardCharsets.UTF_8);
        List<Long> starts = lineStarts(bytes);
        CsvLineNumbers.LineEnds lineEnds = new CsvLineNumbers.LineEnds(new ByteArrayInputStream(bytes));
        for (int line = 0; line < starts.size(); line++) {
            assertEquals(line, lineEnds.before(starts.get(line)), "line starting at " + starts.get(line));
        }
        assertEquals(8, starts.size());
    }

    @Test
    void numbersLinesAcrossBufferBoundariesForSkippedOffsets() {
        Random random = new Random(11);
        StringBuilder text = new StringBuilder();
        String[] ends = {"\n", "\r\n", "\r"};
        for (int i = 0; i < 40_000; i++) {
            text.append("x".repeat(random.nextInt(12))).append(ends[random.nextInt(ends.length)]);
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        List<Long> starts = lineStarts(bytes);
        CsvLineNumbers.LineEnds lineEnds = new CsvLineNumbers.LineEnds(new ByteArrayInputStream(bytes));
        for (int line = 0; line < starts.size(); line += 1 + random.nextInt(500)) {
            assertEquals(line, lineEnds.before(starts.get(line)));
        }
    }

    @Test
    void readsTheTextOfChosenLinesAndKeepsCountingAfterThem() {
        Random random = new Random(5);
        StringBuilder text = new StringBuilder("header\n");
        String[] ends = {"\n", "\r\n", "\r"};
        List<String> lines = new ArrayList<>(List.of("header"));
        for (int i = 0; i < 20_000; i++) {
            String line = i + ",é" + "y".repeat(random.nextInt(30));
            lines.add(line);
            text.append(line);
            if (i < 19_999) {
                text.append(ends[random.nextInt(ends.length)]);
            }
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        List<Long> starts = lineStarts(bytes);
        CsvLineNumbers.LineEnds lineEnds = new CsvLineNumbers.LineEnds(new ByteArrayInputStream(bytes));
        for (int line = 1; line < starts.size(); line += 1 + random.nextInt(300)) {
            assertEquals(line, lineEnds.before(starts.get(line)));
            assertEquals(lines.get(line), lineEnds.lineAt(starts.get(line)));
        }
        long last = starts.get(starts.size() - 1);
        assertEquals(lines.get(lines.size() - 1), lineEnds.lineAt(last), "last line, no line end");
    }
}

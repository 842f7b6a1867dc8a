package io.paysignal.pipeline.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paysignal.core.history.CsvLine;
import io.paysignal.pipeline.testsupport.HistoryFixtures;
import io.paysignal.pipeline.testsupport.SharedSparkSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RejectsWriterTest extends SharedSparkSession {

    @TempDir
    Path out;

    private Dataset<Row> rejects(Row... rows) {
        return spark.createDataFrame(Arrays.asList(rows), History.REJECTS_SCHEMA);
    }

    private List<String> writtenLines() throws IOException {
        return Files.readAllLines(out.resolve(RejectsWriter.FILE_NAME), StandardCharsets.UTF_8);
    }

    private static List<String> fields(String line) {
        return CsvLine.split(line).value();
    }

    @Test
    void writesHeaderAndRowsInTableThenLineOrderWithRfc4180Quoting() throws IOException {
        String path = new RejectsWriter().write(rejects(
                RowFactory.create("payments", 4L, "P1", "unknown_invoice", "P1,I9,2024-01-01,5"),
                RowFactory.create("customers", 12L, null, "wrong_field_count", "C9,\"a, b\",say \"\"hi\"\""),
                RowFactory.create("customers", 3L, "C1", "unknown_timezone", "  C1 ,smb"),
                RowFactory.create("contacts", null, "K1", "unknown_outcome", "K1,C1,2024-02-01T00:00:00Z,email,x")),
                out.toString());

        assertTrue(path.endsWith("/rejects.csv"), path);
        List<String> lines = writtenLines();
        assertEquals("table,line,key,reason,raw", lines.get(0));
        List<List<String>> rows = lines.stream().skip(1).map(RejectsWriterTest::fields).toList();
        assertEquals(List.of(
                List.of("customers", "3", "C1", "unknown_timezone", "  C1 ,smb"),
                List.of("customers", "12", "", "wrong_field_count", "C9,\"a, b\",say \"\"hi\"\""),
                List.of("payments", "4", "P1", "unknown_invoice", "P1,I9,2024-01-01,5"),
                List.of("contacts", "", "K1", "unknown_outcome", "K1,C1,2024-02-01T00:00:00Z,email,x")), rows);
    }

    @Test
    void emptyRejectsGiveAHeaderOnlyFile() throws IOException {
        new RejectsWriter().write(rejects(), out.toString());
        assertEquals(List.of(RejectsWriter.HEADER), writtenLines());
    }

    @Test
    void replacesAnEarlierFileAndLeavesNoTemporaryFiles() throws IOException {
        Files.writeString(out.resolve("rejects.csv"), "old content\n");
        Files.writeString(out.resolve("scores.csv"), "customer_id\n");
        new RejectsWriter().write(rejects(RowFactory.create("customers", 2L, "C1", "duplicate_key", "C1")),
                out.toString());

        assertEquals(List.of(RejectsWriter.HEADER, "customers,2,C1,duplicate_key,C1"), writtenLines());
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(out)) {
            files.forEach(file -> names.add(file.getFileName().toString()));
        }
        names.sort(null);
        assertEquals(List.of("rejects.csv", "scores.csv"), names);
    }

    @Test
    void createsTheOutputDirectory() throws IOException {
        out = out.resolve("run/42");
        new RejectsWriter().write(rejects(), out.toString());
        assertTrue(Files.isRegularFile(out.resolve("rejects.csv")));
    }

    @Test
    void writesEveryRejectOfAHistory() throws IOException {
        History history = new HistoryReader(spark, ReaderConfig.defaults().withMaxRejectShare(1.0))
                .read(HistoryFixtures.withEveryReject().toString());
        new RejectsWriter().write(history.rejects(), out.toString());

        List<String> lines = writtenLines();
        assertEquals(1 + history.summary().rejectedRows(), lines.size());
        assertEquals("customers,5,C004,unknown_timezone,\"C004,consumer,GB,Mars/Olympus,sms,false,,2022-01-01,\"",
                lines.get(1));
        List<String> unterminated = lines.stream().map(RejectsWriterTest::fields)
                .filter(row -> row.get(3).equals("unterminated_quote")).findFirst().orElseThrow();
        assertEquals(List.of("customers", "14", "", "unterminated_quote", "C010,\"unterminated,US,UTC,,false,,,"),
                unterminated);
        assertEquals("contacts", fields(lines.get(lines.size() - 1)).get(0));
        history.release();
    }
}

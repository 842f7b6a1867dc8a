package io.paysignal.pipeline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysignal.core.bundle.ModelRegistry;
import io.paysignal.core.history.CsvLine;
import io.paysignal.pipeline.io.History;
import io.paysignal.pipeline.io.HistoryReader;
import io.paysignal.pipeline.io.ReaderConfig;
import io.paysignal.pipeline.io.RejectsWriter;
import io.paysignal.pipeline.io.RunSummary;
import io.paysignal.pipeline.spark.SparkSessions;
import io.paysignal.pipeline.testsupport.HistoryFixtures;
import io.paysignal.pipeline.testsupport.SampleHistory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whole {@code riskctl} runs in this JVM (each command starts and stops its own local Spark session, as on the
 * command line): a generated history reads back without a single reject, and a score run over a history with
 * bad rows of every kind writes exactly those rows to {@code OUT/rejects.csv} and scores every valid customer,
 * and still writes them, with no score table, when they are too many and the run fails.
 */
class RiskCtlRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aGeneratedHistoryLoadsWithZeroRejects(@TempDir Path dir) throws IOException {
        Path history = dir.resolve("h2000");
        assertEquals(0, RiskCtl.run("generate", "--customers", "2000", "--start", "2024-01-01", "--end", "2025-12-31",
                "--seed", "7", "--out", history.toString()));

        SparkSession spark = SparkSessions.start("RiskCtlRunTest", "local[2]");
        try {
            // A reject share of 0: a single rejected row fails the read.
            History read = new HistoryReader(spark, ReaderConfig.defaults().withMaxRejectShare(0.0))
                    .read(history.toString());
            RunSummary summary = read.summary();
            assertEquals(0, summary.rejectedRows());
            assertEquals(2000, summary.table("customers").acceptedRows());
            for (String table : List.of("customers", "invoices", "payments", "contacts")) {
                long lines = HistoryFixtures.dataLines(history.resolve(table + ".csv"));
                assertTrue(lines > 0, table);
                assertEquals(lines, summary.table(table).acceptedRows(), table + ": every data line accepted");
            }
            read.release();
        } finally {
            spark.stop();
        }
    }

    @TempDir
    static Path shared;
    /** One quick registry for the score runs of this class (training is the slow part). */
    private static Path registry;

    private static synchronized Path registry() {
        if (registry == null) {
            Path trained = shared.resolve("registry");
            assertEquals(0, RiskCtl.run("train", "--history", SampleHistory.directory().toString(), "--as-of",
                    "2025-10-02", "--model-out", trained.toString(), "--trainer-config",
                    SampleHistory.quickTrainerFile().toString(), "--snapshots", "3", "--snapshot-step-days", "45"));
            registry = trained;
        }
        return registry;
    }

    @Test
    void aScoreRunWritesEveryBadRowToRejectsAndScoresEveryValidCustomer(@TempDir Path dir) throws IOException {
        Path fixture = HistoryFixtures.withEveryReject();
        Path out = dir.resolve("score");
        assertEquals(0, RiskCtl.run("score", "--history", fixture.toString(), "--as-of", "2024-06-30",
                "--model", registry().toString(), "--out", out.toString(), "--format", "csv",
                "--max-reject-share", "1"));

        // rejects.csv: exactly the fixture's bad rows, each with the line it came from as its raw text.
        List<HistoryFixtures.Reject> written = writtenRejects(fixture, out);
        assertEquals(HistoryFixtures.WITH_EVERY_REJECT_REJECTS, written, "rejects in table, then line order");
        assertEquals("succeeded", JSON.readTree(out.resolve("_run.json").toFile()).path("status").asText());

        // The score table: one row per valid customer, none for a rejected one.
        List<String> scoreLines = Files.readAllLines(out.resolve("scores.csv"), StandardCharsets.UTF_8);
        assertEquals("customer_id,as_of,risk_score,risk_tier,reason_codes,action,channel,contact_at,model_version",
                scoreLines.get(0));
        List<String> scored = scoreLines.subList(1, scoreLines.size()).stream()
                .map(line -> CsvLine.split(line).value().get(0)).sorted().toList();
        assertEquals(HistoryFixtures.WITH_EVERY_REJECT_CUSTOMERS, scored);

        // The counts add up: per table, data lines in = accepted + rejected, as _run.json reports them.
        JsonNode input = JSON.readTree(out.resolve("_run.json").toFile()).path("input");
        Map<String, Long> rejectedPerTable = new TreeMap<>();
        written.forEach(reject -> rejectedPerTable.merge(reject.table(), 1L, Long::sum));
        for (String table : List.of("customers", "invoices", "payments", "contacts")) {
            long lines = HistoryFixtures.dataLines(fixture.resolve(table + ".csv"));
            JsonNode counts = tableCounts(input, table);
            long accepted = counts.path("accepted_rows").asLong(-1);
            long rejected = counts.path("rejected_rows").asLong(-1);
            assertEquals(rejectedPerTable.get(table), rejected, table + " rejected");
            assertEquals(lines, counts.path("input_rows").asLong(-1), table + " input rows");
            assertEquals(lines, accepted + rejected, table + ": lines in = accepted + rejected (" + counts + ")");
        }
        assertEquals(written.size(), input.path("rejected_rows").asLong(-1));
        assertEquals(scored.size(), tableCounts(input, "customers").path("accepted_rows").asLong());
        assertEquals(scored.size(), JSON.readTree(out.resolve("_run.json").toFile()).path("customers_scored").asLong());
    }

    @Test
    void aScoreRunFailingForTooManyRejectsStillPublishesEveryRejectedRowAndNoScores(@TempDir Path dir)
            throws IOException {
        Path fixture = HistoryFixtures.withEveryReject();
        Path out = dir.resolve("score");
        assertEquals(RiskCtl.EXIT_FAILURE, RiskCtl.run("score", "--history", fixture.toString(), "--as-of",
                "2024-06-30", "--model", registry().toString(), "--out", out.toString(), "--format", "csv"));

        // The contract: a bad row is never silently dropped, even when the run fails because of it.
        assertEquals(HistoryFixtures.WITH_EVERY_REJECT_REJECTS, writtenRejects(fixture, out));
        JsonNode run = JSON.readTree(out.resolve("_run.json").toFile());
        assertEquals("failed", run.path("status").asText());
        assertTrue(run.path("failure").asText().startsWith("rejected "), run.toString());
        assertEquals(HistoryFixtures.WITH_EVERY_REJECT_REJECTS.size(), run.path("input").path("rejected_rows").asLong());
        // Nothing to serve or read as scores from a failed run.
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of("_run.json", RejectsWriter.FILE_NAME), files.map(file -> file.getFileName().toString())
                    .filter(name -> !name.startsWith(".")).sorted().toList());
        }
    }

    @Test
    void aTrainRunFailingForTooManyRejectsKeepsItsRejectsInTheRegistryAndPublishesNoVersion(@TempDir Path dir)
            throws IOException {
        Path fixture = HistoryFixtures.withEveryReject();
        Path models = dir.resolve("models");
        assertEquals(RiskCtl.EXIT_FAILURE, RiskCtl.run("train", "--history", fixture.toString(), "--as-of",
                "2024-06-30", "--model-out", models.toString()));

        Path rejected;
        try (Stream<Path> runs = Files.list(models.resolve(".rejected"))) {
            List<Path> all = runs.filter(path -> !path.getFileName().toString().startsWith(".")).toList();
            assertEquals(1, all.size(), all.toString());
            rejected = all.get(0);
        }
        assertEquals(HistoryFixtures.WITH_EVERY_REJECT_REJECTS, writtenRejects(fixture, rejected));
        JsonNode run = JSON.readTree(rejected.resolve("run-summary.json").toFile());
        assertEquals("failed", run.path("status").asText());
        assertEquals("train", run.path("command").asText());
        // No version and no CURRENT: nothing can be served or listed from a failed training run.
        assertFalse(Files.exists(models.resolve("CURRENT")));
        assertTrue(new ModelRegistry(models).list().isEmpty());
    }

    @Test
    void anEvaluateRunWithOutWritesItsRejectsThereEvenWhenTheyFailTheRun(@TempDir Path dir) throws IOException {
        Path fixture = HistoryFixtures.withEveryReject();
        Path out = dir.resolve("evaluation");
        assertEquals(RiskCtl.EXIT_FAILURE, RiskCtl.run("evaluate", "--history", fixture.toString(), "--as-of",
                "2024-06-30", "--model", registry().toString(), "--out", out.toString()));
        assertEquals(HistoryFixtures.WITH_EVERY_REJECT_REJECTS, writtenRejects(fixture, out));
    }

    /** The rows of {@code out/rejects.csv}, checking each one's raw text against the line it names. */
    private static List<HistoryFixtures.Reject> writtenRejects(Path fixture, Path out) throws IOException {
        List<String> rejectLines = Files.readAllLines(out.resolve(RejectsWriter.FILE_NAME), StandardCharsets.UTF_8);
        assertEquals(RejectsWriter.HEADER, rejectLines.get(0));
        List<HistoryFixtures.Reject> written = new ArrayList<>();
        for (String line : rejectLines.subList(1, rejectLines.size())) {
            List<String> cells = CsvLine.split(line).value();
            HistoryFixtures.Reject reject = new HistoryFixtures.Reject(cells.get(0), Long.parseLong(cells.get(1)),
                    cells.get(2).isEmpty() ? null : cells.get(2), cells.get(3), null);
            written.add(reject);
            assertEquals(physicalLine(fixture.resolve(reject.table() + ".csv"), reject.line()), cells.get(4),
                    () -> "raw text of " + reject);
        }
        return written;
    }

    private static JsonNode tableCounts(JsonNode input, String table) {
        JsonNode counts = input.path("tables").path(table);
        if (counts.isMissingNode()) {
            throw new AssertionError("no counts for " + table + " in " + input);
        }
        return counts;
    }

    /** Line {@code number} (1-based) of a file, without its line end (LF or CRLF). */
    private static String physicalLine(Path file, long number) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try (Stream<String> lines = text.lines()) {
            return lines.skip(number - 1).findFirst().orElseThrow();
        }
    }
}

package io.paysignal.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysignal.pipeline.testsupport.HistoryFixtures;
import io.paysignal.pipeline.testsupport.OtherFileSystem;
import io.paysignal.pipeline.testsupport.SampleHistory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DATA-CONTRACT section 3: every path may be any URI Spark reads, model registries included. Whole {@code riskctl}
 * runs publish into, list and score from a registry on a file system that is not the local disk to java.nio
 * ({@link OtherFileSystem}, bound through {@code spark.hadoop.*} properties as a cluster's hdfs:// or s3a://
 * would be), and score exactly as from the same registry read locally; history, model and output all remote work
 * for score and evaluate.
 */
class RemoteRegistryRunTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void bindTheScheme() {
        OtherFileSystem.SETTINGS.forEach((key, value) -> System.setProperty("spark.hadoop." + key, value));
    }

    @AfterAll
    static void unbindTheScheme() {
        OtherFileSystem.SETTINGS.keySet().forEach(key -> System.clearProperty("spark.hadoop." + key));
    }

    private static String stdoutOf(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, RiskCtl.run(args), String.join(" ", args));
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    /** The registry the sample trains into, trained once for the tests that need one, and what train printed. */
    private static String trained;

    private static synchronized String trainedRegistry() {
        if (trained == null) {
            trained = stdoutOf("train", "--history", SampleHistory.directory().toString(), "--as-of", "2025-10-02",
                    "--model-out", OtherFileSystem.uri(dir.resolve("registry")), "--trainer-config",
                    SampleHistory.quickTrainerFile().toString(), "--snapshots", "3", "--snapshot-step-days", "45");
        }
        return trained;
    }

    @Test
    void trainPublishesIntoARemoteRegistryAndScoreReadsItBack() throws IOException {
        Path registry = dir.resolve("registry");
        String remote = OtherFileSystem.uri(registry);
        String history = SampleHistory.directory().toString();
        String printed = trainedRegistry();

        String version = Files.readString(registry.resolve("CURRENT")).strip();
        assertTrue(printed.contains("published model " + version + " to otherfs:"), printed);
        assertTrue(Files.isRegularFile(registry.resolve(version).resolve("manifest.json")));
        assertTrue(Files.isRegularFile(registry.resolve(version).resolve("rejects.csv")));
        try (Stream<Path> children = Files.list(registry)) {
            List<String> names = children.map(path -> path.getFileName().toString()).sorted().toList();
            assertEquals(Stream.of("CURRENT", version).sorted().toList(), names, "nothing staged left behind");
        }

        String listed = stdoutOf("models", "list", "--registry", remote);
        assertTrue(listed.lines().anyMatch(line -> line.startsWith("*") && line.contains(version)), listed);

        Path fromRemote = dir.resolve("scored-remote");
        Path fromLocal = dir.resolve("scored-local");
        stdoutOf("score", "--history", history, "--as-of", "2025-10-02", "--model", remote, "--out",
                fromRemote.toString(), "--format", "csv");
        stdoutOf("score", "--history", history, "--as-of", "2025-10-02", "--model", registry.toString(), "--out",
                fromLocal.toString(), "--format", "csv");
        List<String> scores = Files.readAllLines(fromRemote.resolve("scores.csv"));
        assertEquals(501, scores.size());
        assertEquals(Files.readAllLines(fromLocal.resolve("scores.csv")), scores);
        String folder = new ObjectMapper().readTree(fromRemote.resolve("_run.json").toFile()).path("model_folder")
                .asText();
        assertTrue(folder.startsWith("otherfs:") && folder.endsWith("/registry/" + version), folder);
    }

    @Test
    void historyModelAndOutputMayAllBeRemote() throws IOException {
        trainedRegistry();
        String history = OtherFileSystem.uri(SampleHistory.directory());
        Path scored = dir.resolve("scored-all-remote");
        Path evaluated = dir.resolve("evaluated-all-remote");
        stdoutOf("score", "--history", history, "--as-of", "2025-10-02", "--model",
                OtherFileSystem.uri(dir.resolve("registry")), "--out", OtherFileSystem.uri(scored), "--format", "csv");
        assertEquals(501, Files.readAllLines(scored.resolve("scores.csv")).size());
        assertTrue(Files.isRegularFile(scored.resolve("rejects.csv")));
        assertTrue(Files.isRegularFile(scored.resolve("_run.json")));
        String report = stdoutOf("evaluate", "--history", history, "--as-of", "2025-06-01", "--model",
                OtherFileSystem.uri(dir.resolve("registry")), "--out", OtherFileSystem.uri(evaluated));
        assertTrue(report.contains("AUC"), report);
        try (Stream<Path> files = Files.list(evaluated)) {
            assertTrue(files.findAny().isPresent(), "evaluate --out wrote into the remote folder");
        }
    }

    @Test
    void aTrainingRunFailingForTooManyRejectsLeavesThemInTheRemoteRegistry() throws IOException {
        Path registry = dir.resolve("rejecting-registry");
        assertEquals(RiskCtl.EXIT_FAILURE, RiskCtl.run("train", "--history",
                HistoryFixtures.withEveryReject().toString(), "--as-of", "2024-06-30", "--model-out",
                OtherFileSystem.uri(registry)));
        try (Stream<Path> runs = Files.list(registry.resolve(".rejected"))) {
            Path run = runs.findFirst().orElseThrow();
            assertEquals(HistoryFixtures.WITH_EVERY_REJECT_REJECTS.size() + 1,
                    Files.readAllLines(run.resolve("rejects.csv")).size());
        }
        assertTrue(Files.notExists(registry.resolve("CURRENT")), "no version published");
    }

    @Test
    void aRemoteLocationWithoutABundleFailsWithTheReason() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = RiskCtl.run("score", "--history", SampleHistory.directory().toString(), "--as-of", "2025-10-02",
                    "--model", OtherFileSystem.uri(dir.resolve("no-such-registry")), "--out",
                    dir.resolve("never").toString());
        } finally {
            System.setErr(original);
        }
        assertNotEquals(0, status);
        String text = captured.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("no-such-registry is not a folder"), text);
    }
}

package io.paysignal.pipeline.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysignal.core.bundle.BundleReader;
import io.paysignal.core.bundle.ModelRegistry;
import io.paysignal.core.bundle.OutreachSettings;
import io.paysignal.pipeline.testsupport.SampleHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Kills {@code riskctl train} and {@code riskctl score} with SIGKILL while they publish, as separate processes
 * running the packaged jar, and checks what a reader then sees: the registry's {@code CURRENT} names a complete
 * bundle (the previous one or the new one), every visible version folder is complete, the score directory is
 * absent, the previous complete output or the new complete output (never a half-written one), and a rerun
 * succeeds.
 *
 * <p>Train is killed a random few milliseconds after its hidden staging folder appears in the registry (the
 * bundle write, its read-back check, the rename and the {@code CURRENT} swap follow within milliseconds); score
 * is killed at a random moment while its hidden staging directory is being written. CI runs one round on the
 * sample history's first 200 customers with a one-candidate trainer; {@code bench/crash.sh} runs many rounds
 * ({@code -Dcrash.rounds=N -Dcrash.seed=S -Dcrash.history=DIR}).
 */
class CrashSafetyIT {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path ROOT = MODULE.getParent();
    private static final int ROUNDS = Integer.getInteger("crash.rounds", 1);
    private static final long SEED = Long.getLong("crash.seed", System.nanoTime());
    /** The history to run on: -Dcrash.history=DIR, else the sample's first 200 customers (small: CI runs this). */
    private static final String HISTORY = System.getProperty("crash.history", "");
    private static final int SAMPLE_CUSTOMERS = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void killedTrainingLeavesCurrentOnACompleteBundleAndKilledScoringLeavesNoHalfWrittenOutput() throws Exception {
        Random random = new Random(SEED);
        Path registry = dir.resolve("models");
        Path out = dir.resolve("scores");
        Path trainerConfig = oneCandidateTrainer();
        Path history = HISTORY.isEmpty()
                ? SampleHistory.write(dir.resolve("history"), SampleHistory.firstCustomers(SAMPLE_CUSTOMERS))
                : Path.of(HISTORY);
        List<String> train = List.of("train", "--history", history.toString(), "--as-of", "2025-10-02",
                "--model-out", registry.toString(), "--snapshots", "4", "--trainer-config", trainerConfig.toString());
        List<String> score = List.of("score", "--history", history.toString(), "--as-of", "2025-12-31",
                "--model", registry.toString(), "--out", out.toString());
        List<String> outcomes = new ArrayList<>();

        assertEquals(0, run(train, "train-first"), "first training");
        for (int round = 1; round <= ROUNDS; round++) {
            String before = currentVersion(registry).orElseThrow();
            long delayMicros = random.nextInt(30_000);
            Killed killed = runAndKill(train, "train-killed-" + round,
                    hiddenChild(registry, name -> name.startsWith(".tmp-")), delayMicros);
            String after = assertRegistryComplete(registry);
            outcomes.add("train round " + round + ": " + killed + ", CURRENT " + (after.equals(before) ? "kept " : "moved to ") + after);
        }
        assertEquals(0, run(train, "train-rerun"), "training after the kills");
        assertRegistryComplete(registry);

        assertEquals(0, run(score, "score-first"), "first scoring");
        for (int round = 1; round <= ROUNDS; round++) {
            String runBefore = Files.readString(out.resolve("_run.json"));
            long delayMicros = random.nextInt(4_000_000);
            Killed killed = runAndKill(score, "score-killed-" + round,
                    hiddenChild(dir, name -> name.startsWith("." + out.getFileName() + ".staging-")), delayMicros);
            Optional<String> runAfter = assertScoreOutputAbsentOrComplete(out);
            outcomes.add("score round " + round + ": " + killed + ", output "
                    + runAfter.map(text -> text.equals(runBefore) ? "previous" : "new").orElse("absent"));
        }
        assertEquals(0, run(score, "score-rerun"), "scoring after the kills");
        assertTrue(assertScoreOutputAbsentOrComplete(out).isPresent(), "a rerun publishes the output");
        System.out.println("crash safety (seed " + SEED + "):\n  " + String.join("\n  ", outcomes));
    }

    /** What a kill hit: whether the staging folder was seen, how long after it the kill came, the exit status. */
    record Killed(boolean stagingSeen, long delayMicros, boolean finishedFirst) {
        @Override
        public String toString() {
            return !stagingSeen ? "finished before its staging folder was seen"
                    : finishedFirst ? "finished within " + delayMicros + " µs of staging (no kill)"
                    : "killed " + delayMicros + " µs after staging appeared";
        }
    }

    private String assertRegistryComplete(Path registry) throws IOException {
        String current = currentVersion(registry).orElseThrow(() -> new AssertionError("CURRENT missing"));
        try (Stream<Path> children = Files.list(registry)) {
            for (Path child : children.filter(Files::isDirectory).toList()) {
                if (child.getFileName().toString().startsWith(".")) {
                    continue; // hidden staging left by a kill: ignored by every reader
                }
                new BundleReader().read(child);
                for (String file : List.of("rejects.csv", "run-summary.json", OutreachSettings.FILE)) {
                    assertTrue(Files.isRegularFile(child.resolve(file)), child + " lacks " + file);
                }
            }
        }
        assertTrue(Files.isDirectory(registry.resolve(current)), "CURRENT names " + current + ", not a folder");
        return current;
    }

    private static Optional<String> currentVersion(Path registry) throws IOException {
        return new ModelRegistry(registry).currentVersion();
    }

    private Optional<String> assertScoreOutputAbsentOrComplete(Path out) throws IOException {
        try (Stream<Path> siblings = Files.list(out.getParent())) {
            List<String> visible = siblings.map(p -> p.getFileName().toString())
                    .filter(name -> !name.startsWith(".") && name.startsWith(out.getFileName().toString()))
                    .toList();
            assertTrue(visible.isEmpty() || visible.equals(List.of(out.getFileName().toString())),
                    "only the output itself may be visible: " + visible);
        }
        if (!Files.exists(out)) {
            return Optional.empty();
        }
        for (String file : List.of("_SUCCESS", "_run.json", "rejects.csv", "features/_SUCCESS")) {
            assertTrue(Files.isRegularFile(out.resolve(file)), "visible output " + out + " lacks " + file);
        }
        String runSummary = Files.readString(out.resolve("_run.json"));
        JsonNode run = JSON.readTree(runSummary);
        assertTrue(run.path("customers_scored").asLong() > 0, runSummary);
        try (Stream<Path> parts = Files.list(out)) {
            assertTrue(parts.anyMatch(p -> p.getFileName().toString().endsWith(".parquet")), "no score part files");
        }
        return Optional.of(runSummary);
    }

    private static BooleanSupplier hiddenChild(Path folder, Predicate<String> name) {
        return () -> {
            try (Stream<Path> children = Files.list(folder)) {
                return children.anyMatch(child -> name.test(child.getFileName().toString()));
            } catch (IOException e) {
                return false; // the folder does not exist yet
            }
        };
    }

    private int run(List<String> args, String name) throws IOException, InterruptedException {
        Process process = start(args, name);
        if (!process.waitFor(15, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail(name + " did not finish in 15 minutes");
        }
        if (process.exitValue() != 0) {
            fail(name + " exited " + process.exitValue() + ":\n" + tail(name));
        }
        return process.exitValue();
    }

    /** Runs a command, waits for {@code staging} to hold, waits {@code delayMicros} more, then sends SIGKILL. */
    private Killed runAndKill(List<String> args, String name, BooleanSupplier staging, long delayMicros)
            throws IOException, InterruptedException {
        Process process = start(args, name);
        boolean seen = false;
        while (process.isAlive() && !(seen = staging.getAsBoolean())) {
            Thread.sleep(0, 200_000);
        }
        if (!seen) {
            process.waitFor();
            return new Killed(false, 0, true);
        }
        long until = System.nanoTime() + delayMicros * 1_000;
        while (System.nanoTime() < until && process.isAlive()) {
            Thread.onSpinWait();
        }
        boolean finishedFirst = !process.isAlive();
        process.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no finally block runs
        process.waitFor();
        return new Killed(true, delayMicros, finishedFirst);
    }

    private Process start(List<String> args, String name) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // The flags Spark needs on Java 17, from the one list bin/riskctl uses.
        for (String line : Files.readAllLines(ROOT.resolve("bin/jvm-opts"), StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.strip().startsWith("#")) {
                command.add(line.strip());
            }
        }
        command.add("-Xmx1g");
        command.add("-cp");
        command.add(MODULE.resolve("target/scoring-pipeline.jar") + ":" + MODULE.resolve("target/lib/*"));
        command.add("io.paysignal.pipeline.cli.RiskCtl");
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile()).start();
    }

    private String tail(String name) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve(name + ".log"));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    /** The bundled trainer settings with only the logistic candidate: the fastest real training. */
    private Path oneCandidateTrainer() throws IOException {
        Path bundled = MODULE.resolve("configs/trainers-v1.properties");
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(bundled, StandardCharsets.UTF_8)) {
            if (line.startsWith("candidates=")) {
                line = "candidates=logistic";
            } else if (line.startsWith("config.version=")) {
                line = "config.version=crash-safety-it";
            }
            lines.add(line);
        }
        Path file = dir.resolve("trainers-crash.properties");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }
}

package io.paysignal.pipeline.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command of the repository ({@code bin/riskctl}, {@code bin/spark-standalone}) as a child process for
 * integration tests: output and errors go to a log file (no pipe can fill up and block the child), a time limit
 * ends a hung child and its descendants, and the result carries the exit status and the log text.
 *
 * <p>Children never build: {@code MVN=false} makes {@code bin/riskctl} fail with "build failed" instead of
 * running Maven inside Maven, so the tests always run the jars the {@code package} phase just built.
 */
public final class ChildProcess {

    /** What a child did. */
    public record Result(List<String> command, int exitStatus, String output) {

        /** This result, after asserting it exited 0. */
        public Result requireSuccess() {
            if (exitStatus != 0) {
                throw new AssertionError("exit status " + exitStatus + " from " + String.join(" ", command)
                        + "\n--- output ---\n" + tail(output, 6000));
            }
            return this;
        }
    }

    private ChildProcess() {
    }

    /** The environment children run with, on top of this JVM's: no builds, this JVM's java, loopback Spark. */
    public static Map<String, String> environment() {
        return Map.of(
                "MVN", "false",
                "JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "SPARK_LOCAL_IP", "127.0.0.1",
                "RISKCTL_JAVA_OPTS", "-Xmx1g");
    }

    /** Runs {@code command} in {@code workDir}, logging to {@code log}, for at most {@code timeout}. */
    public static Result run(List<String> command, Path workDir, Path log, Duration timeout)
            throws IOException, InterruptedException {
        return run(command, Map.of(), workDir, log, timeout);
    }

    /** As {@link #run(List, Path, Path, Duration)}, with {@code extraEnvironment} over {@link #environment()}. */
    public static Result run(List<String> command, Map<String, String> extraEnvironment, Path workDir, Path log,
                             Duration timeout) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment());
        builder.environment().putAll(extraEnvironment);
        Process process = builder.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("timed out after " + timeout + ": " + String.join(" ", command)
                        + "\n--- output ---\n" + tail(Files.readString(log, StandardCharsets.UTF_8), 6000));
            }
        } finally {
            if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
        return new Result(List.copyOf(command), process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static String tail(String text, int chars) {
        return text.length() <= chars ? text : "..." + text.substring(text.length() - chars);
    }
}

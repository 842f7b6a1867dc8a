package io.paysignal.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysignal.pipeline.spark.SparkSessions;
import io.paysignal.pipeline.testsupport.ChildProcess;
import io.paysignal.pipeline.testsupport.SampleHistory;
import io.paysignal.pipeline.testsupport.ScoreOutput;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code riskctl train}, {@code score} and {@code evaluate} with {@code --master spark://...} on a real standalone cluster (one
 * master, one worker, started by {@code bin/spark-standalone} on a free loopback port from the packaged jars)
 * give what they give on the embedded local Spark:
 *
 * <ul>
 *   <li>one model, trained locally, scores the 500-customer sample to the same score table (every column) and the
 *       same feature snapshot on the cluster as locally;</li>
 *   <li>training on the cluster reaches the same validation metrics, candidate by candidate, as training locally
 *       (fixed seeds; nothing depends on how Spark partitions the rows);</li>
 *   <li>{@code evaluate} on the cluster reports the same counts and metrics as locally.</li>
 * </ul>
 *
 * The commands run as child processes through {@code bin/riskctl} with {@code MVN=false}, so they use the jars of
 * the {@code package} phase and never build. The cluster is always stopped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StandaloneClusterIT {

    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AS_OF_TRAIN = "2025-10-02";
    private static final String AS_OF_SCORE = "2025-12-31";
    /**
     * Jobs on the cluster use 5 shuffle partitions instead of Spark's 200: the sample is tiny, and 200 tasks per
     * stage on two cores made each cluster run take minutes. 5 still partitions the data differently from the
     * embedded runs (max(4, 4 x cores), always a multiple of 4), which is what the comparison is about.
     */
    private static final Map<String, String> CLUSTER_JOB_ENVIRONMENT =
            Map.of("RISKCTL_JAVA_OPTS", "-Xmx1g -Dspark.sql.shuffle.partitions=5");

    private Path root;
    private Path dir;
    private Path clusterDir;
    private String master;
    private Path localRegistry;

    @BeforeAll
    void startClusterAndTrainLocally(@TempDir Path classDir) throws Exception {
        dir = classDir;
        root = SampleHistory.repositoryRoot();
        Path jar = root.resolve("scoring-pipeline/target/scoring-pipeline.jar");
        assertTrue(Files.isRegularFile(jar) && Files.isDirectory(root.resolve("scoring-pipeline/target/lib")),
                "the packaged pipeline is missing (" + jar + "): run through `mvn verify`, which packages first");
        clusterDir = dir.resolve("cluster");
        int port = freePort();
        master = "spark://127.0.0.1:" + port;
        run("cluster-start", script("spark-standalone"), "start", "--port", Integer.toString(port), "--cores", "2",
                "--memory", "2g", "--dir", clusterDir.toString());
        localRegistry = dir.resolve("models-local");
        train(localRegistry, null);
    }

    @AfterAll
    void stopCluster() throws Exception {
        if (clusterDir != null) {
            run("cluster-stop", script("spark-standalone"), "stop", "--dir", clusterDir.toString());
        }
    }

    @Test
    void oneModelScoresTheSameOnTheClusterAsLocally() throws Exception {
        Path localOut = score("scores-local", null);
        Path clusterOut = score("scores-cluster", master);

        List<String> local = Files.readAllLines(localOut.resolve("scores.csv"), StandardCharsets.UTF_8);
        List<String> cluster = Files.readAllLines(clusterOut.resolve("scores.csv"), StandardCharsets.UTF_8);
        assertEquals(501, local.size(), "header and 500 customers");
        assertEquals("customer_id,as_of,risk_score,risk_tier,reason_codes,action,channel,contact_at,model_version",
                local.get(0));
        // Every column, byte for byte: customer_id, risk_score, risk_tier, reason_codes, action, channel, contact_at
        // and the rest (the CSV is ordered by customer_id).
        assertEquals(local, cluster);

        SparkSession spark = SparkSessions.start("StandaloneClusterIT-compare", "local[1]");
        try {
            Map<String, String> localFeatures = ScoreOutput.featureRows(spark, localOut);
            Map<String, String> clusterFeatures = ScoreOutput.featureRows(spark, clusterOut);
            assertEquals(500, localFeatures.size());
            assertEquals(localFeatures, clusterFeatures, () -> "feature snapshot: "
                    + ScoreOutput.describeDifferences(localFeatures, clusterFeatures, 3));
        } finally {
            spark.stop();
        }
        assertEquals(500, JSON.readTree(clusterOut.resolve("_run.json").toFile()).path("customers_scored").asLong());
    }

    @Test
    void trainingOnTheClusterReachesTheSameValidationMetrics() throws Exception {
        Path clusterRegistry = dir.resolve("models-cluster");
        train(clusterRegistry, master);

        JsonNode local = manifest(localRegistry);
        JsonNode cluster = manifest(clusterRegistry);
        assertEquals(local.path("chosenCandidate"), cluster.path("chosenCandidate"));
        assertEquals(2, local.path("candidates").size());
        for (int i = 0; i < local.path("candidates").size(); i++) {
            JsonNode expected = local.path("candidates").get(i);
            JsonNode actual = cluster.path("candidates").get(i);
            assertEquals(expected.path("name"), actual.path("name"));
            assertTrue(expected.path("validation").path("auc").asDouble() > 0.5, expected.toString());
            // count, positives, AUC, KS, Brier and ECE on the validation snapshot, exactly.
            assertEquals(expected.path("validation"), actual.path("validation"), expected.path("name").asText());
        }
        assertEquals(local.path("chosenCalibrated"), cluster.path("chosenCalibrated"));
        assertEquals(local.path("calibration"), cluster.path("calibration"));
        assertEquals(local.path("tierCutoffs"), cluster.path("tierCutoffs"));
        assertEquals(local.path("referenceValues"), cluster.path("referenceValues"));
        assertEquals(local.path("trainingWindow"), cluster.path("trainingWindow"));
        // The outreach settings (policy and the response model fitted from the contact history) too.
        assertEquals(Files.readString(versionFolder(localRegistry).resolve("outreach.json")),
                Files.readString(versionFolder(clusterRegistry).resolve("outreach.json")));
    }

    @Test
    void evaluationOnTheClusterMatchesTheLocalOne() throws Exception {
        JsonNode local = evaluate("evaluation-local", null);
        JsonNode cluster = evaluate("evaluation-cluster", master);

        assertEquals(local.path("modelVersion"), cluster.path("modelVersion"));
        assertEquals(local.path("asOf"), cluster.path("asOf"));
        JsonNode expected = local.path("metrics").path("summary");
        JsonNode actual = cluster.path("metrics").path("summary");
        assertTrue(expected.path("auc").asDouble() > 0.5, expected.toString());
        for (String count : List.of("count", "positives")) {
            assertEquals(expected.path(count), actual.path(count), count);
        }
        // Sums over rows collected in another order may differ in the last bits, nothing more.
        for (String metric : List.of("auc", "ks", "brier", "ece")) {
            assertEquals(expected.path(metric).asDouble(), actual.path(metric).asDouble(), 1e-12, metric);
        }
    }

    private void train(Path registry, String onMaster) throws Exception {
        List<String> command = new ArrayList<>(List.of(script("riskctl"), "train",
                "--history", SampleHistory.directory().toString(), "--as-of", AS_OF_TRAIN,
                "--model-out", registry.toString(), "--trainer-config", SampleHistory.quickTrainerFile().toString(),
                "--snapshots", "3", "--snapshot-step-days", "45"));
        if (onMaster != null) {
            command.addAll(List.of("--master", onMaster));
        }
        run("train-" + registry.getFileName(), onMaster == null ? Map.of() : CLUSTER_JOB_ENVIRONMENT,
                command.toArray(String[]::new));
    }

    private Path score(String name, String onMaster) throws Exception {
        Path out = dir.resolve(name);
        List<String> command = new ArrayList<>(List.of(script("riskctl"), "score",
                "--history", SampleHistory.directory().toString(), "--as-of", AS_OF_SCORE,
                "--model", localRegistry.toString(), "--out", out.toString(), "--format", "csv"));
        if (onMaster != null) {
            command.addAll(List.of("--master", onMaster));
        }
        run(name, onMaster == null ? Map.of() : CLUSTER_JOB_ENVIRONMENT, command.toArray(String[]::new));
        return out;
    }

    private JsonNode evaluate(String name, String onMaster) throws Exception {
        Path out = dir.resolve(name);
        List<String> command = new ArrayList<>(List.of(script("riskctl"), "evaluate",
                "--history", SampleHistory.directory().toString(), "--as-of", AS_OF_TRAIN,
                "--model", localRegistry.toString(), "--out", out.toString()));
        if (onMaster != null) {
            command.addAll(List.of("--master", onMaster));
        }
        run(name, onMaster == null ? Map.of() : CLUSTER_JOB_ENVIRONMENT, command.toArray(String[]::new));
        return JSON.readTree(out.resolve("evaluation.json").toFile());
    }

    private ChildProcess.Result run(String step, String... command) throws Exception {
        return run(step, Map.of(), command);
    }

    private ChildProcess.Result run(String step, Map<String, String> environment, String... command) throws Exception {
        long started = System.nanoTime();
        ChildProcess.Result result = ChildProcess.run(List.of(command), environment, root, dir.resolve(step + ".log"),
                STEP_TIMEOUT).requireSuccess();
        System.out.printf("%s: %.1f s%n", step, (System.nanoTime() - started) / 1e9);
        return result;
    }

    /** A script of the repository's {@code bin/}, as an absolute path. */
    private String script(String name) {
        return root.resolve("bin").resolve(name).toString();
    }

    private static Path versionFolder(Path registry) throws IOException {
        return registry.resolve(Files.readString(registry.resolve("CURRENT"), StandardCharsets.UTF_8).strip());
    }

    private static JsonNode manifest(Path registry) throws IOException {
        return JSON.readTree(versionFolder(registry).resolve("manifest.json").toFile());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

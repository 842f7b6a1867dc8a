package io.paysignal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paysignal.api.auth.ApiKeyStore;
import io.paysignal.api.http.InlineHistoryParser;
import io.paysignal.api.service.ScoringComponents;
import io.paysignal.api.snapshot.SnapshotIndex;
import io.paysignal.api.snapshot.SnapshotReader;
import io.paysignal.core.feature.FeatureVector;
import io.paysignal.core.history.CsvLine;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.snapshot.CustomerSnapshot;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Batch and online scoring are one computation (the "one feature definition" proof). {@code riskctl train} and
 * {@code riskctl score} run on the 500-customer sample as child processes; then the real API ({@link ApiServer}
 * with the production components registered for {@link java.util.ServiceLoader}) serves that registry and that
 * run's feature snapshot on a loopback port, and for every customer:
 *
 * <ul>
 *   <li>{@code GET /v1/customers/{id}/score} answers the score table's {@code risk_score} exactly, with its tier
 *       and reason codes;</li>
 *   <li>{@code POST /v1/score} with the customer's whole history from the sample CSVs as inline JSON, as of the
 *       score run's date, answers the same score, tier and reasons;</li>
 *   <li>the features the API computes from that inline history equal, bit for bit, the features the pipeline
 *       computed in Spark and wrote to the snapshot (the API does not return features, so this part is checked
 *       in this JVM with the API's own parser and feature source).</li>
 * </ul>
 *
 * <p>The pipeline runs from its packaged jars ({@code scoring-pipeline/target}), so the reactor must package
 * scoring-pipeline before this module's integration tests: the root POM lists scoring-pipeline before
 * scoring-api, and Maven keeps that order for modules that do not depend on each other. Run it with
 * {@code mvn verify -pl scoring-pipeline,scoring-api -am}. The children run with {@code MVN=false}: stale or
 * missing jars fail the test instead of starting a build inside the build.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineParityIT {

    private static final LocalDate TRAIN_AS_OF = LocalDate.of(2025, 10, 2);
    private static final LocalDate SCORE_AS_OF = LocalDate.of(2025, 12, 31);
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(6);
    private static final String KEY = "parity-scorer-key-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path root;
    private Path history;
    private Path scoreOut;
    private ApiServer server;
    private HttpClient client;
    private ScoringComponents components;
    /** The score table, customer id to its cells by column name. */
    private Map<String, Map<String, String>> scoreTable;
    /** The inline request body of every customer, built from the sample CSVs. */
    private Map<String, ObjectNode> bodies;

    @BeforeAll
    void runThePipelineAndStartTheApi(@TempDir Path dir) throws Exception {
        root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize().getParent();
        history = root.resolve("data-samples/history");
        Path pipelineJar = root.resolve("scoring-pipeline/target/scoring-pipeline.jar");
        assertTrue(Files.isRegularFile(pipelineJar) && Files.isDirectory(root.resolve("scoring-pipeline/target/lib")),
                "the packaged pipeline is missing (" + pipelineJar + "): build with"
                        + " `mvn verify -pl scoring-pipeline,scoring-api -am`, which packages scoring-pipeline first");
        Path registry = dir.resolve("models");
        scoreOut = dir.resolve("scores");
        riskctl(dir, "train", "train", "--history", history.toString(), "--as-of", TRAIN_AS_OF.toString(),
                "--model-out", registry.toString(),
                "--trainer-config", root.resolve("scoring-pipeline/src/test/resources/trainers-quick.properties").toString(),
                "--snapshots", "3", "--snapshot-step-days", "45");
        riskctl(dir, "score", "score", "--history", history.toString(), "--as-of", SCORE_AS_OF.toString(),
                "--model", registry.toString(), "--out", scoreOut.toString(), "--format", "csv");

        scoreTable = readScoreTable(scoreOut.resolve("scores.csv"));
        bodies = inlineBodies(history, SCORE_AS_OF);

        components = Main.registeredComponents(); // the production wiring, as `riskctl serve` gets it
        ApiConfig config = ApiConfig.defaults(registry, scoreOut.toString(),
                ApiKeyStore.parse(List.of("scorer " + KEY), "test")).withAddress("127.0.0.1", 0);
        server = ApiServer.start(config, components, SnapshotReader.withDefaults(), Clock.systemUTC());
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    void stopTheApi() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theRunsCoverTheWholeSample() {
        assertEquals(500, scoreTable.size());
        assertEquals(scoreTable.keySet(), bodies.keySet());
        assertTrue(scoreTable.values().stream().anyMatch(row -> row.get("risk_tier").equals("high")));
        assertTrue(scoreTable.values().stream().anyMatch(row -> !row.get("reason_codes").isEmpty()));
    }

    @Test
    void snapshotScoresEqualTheScoreTable() throws Exception {
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> entry : scoreTable.entrySet()) {
            JsonNode answer = get("/v1/customers/" + entry.getKey() + "/score");
            compare(entry.getKey(), entry.getValue(), answer, mismatches);
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void inlineHistoriesScoreAsTheScoreTable() throws Exception {
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> entry : scoreTable.entrySet()) {
            JsonNode answer = post("/v1/score", bodies.get(entry.getKey()));
            assertEquals(SCORE_AS_OF.toString(), answer.path("as_of").asText());
            compare(entry.getKey(), entry.getValue(), answer, mismatches);
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void featuresFromInlineHistoriesEqualTheSnapshotsFeatures() {
        SnapshotIndex snapshot = new SnapshotReader(new Configuration(), 1).read(scoreOut.toString());
        assertEquals(components.features().featureNames(), snapshot.featureNames());
        InlineHistoryParser parser = new InlineHistoryParser(ApiConfig.DEFAULT_CURRENCY);
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, ObjectNode> body : bodies.entrySet()) {
            CustomerHistory inline = parser.parse(body.getValue()).history();
            FeatureVector online = components.features().extract(inline, SCORE_AS_OF);
            CustomerSnapshot batch = snapshot.find(body.getKey()).orElseThrow();
            assertEquals(SCORE_AS_OF, batch.asOf());
            for (int i = 0; i < online.names().size(); i++) {
                double expected = batch.features().values()[i];
                double actual = online.values()[i];
                if (Double.doubleToLongBits(expected) != Double.doubleToLongBits(actual)) {
                    mismatches.add(body.getKey() + " " + online.names().get(i) + ": batch " + expected + ", online "
                            + actual);
                }
            }
        }
        assertEquals(List.of(), mismatches);
    }

    /** Score, tier, reasons and model version of an API answer against a score-table row. */
    private static void compare(String id, Map<String, String> row, JsonNode answer, List<String> mismatches) {
        double expected = Double.parseDouble(row.get("risk_score"));
        double actual = answer.path("risk_score").asDouble(Double.NaN);
        if (Double.doubleToLongBits(expected) != Double.doubleToLongBits(actual)) {
            mismatches.add(id + " risk_score: table " + expected + ", API " + answer.path("risk_score"));
        }
        if (!row.get("reason_codes").equals(answer.path("reason_codes_text").asText())) {
            mismatches.add(id + " reason_codes: table " + row.get("reason_codes") + ", API "
                    + answer.path("reason_codes_text"));
        }
        List<String> codes = new ArrayList<>();
        answer.path("reason_codes").forEach(reason -> codes.add(reason.path("code").asText()));
        if (!String.join(";", codes).equals(row.get("reason_codes"))) {
            mismatches.add(id + " reason_codes list: table " + row.get("reason_codes") + ", API " + codes);
        }
        if (!row.get("risk_tier").equals(answer.path("risk_tier").asText())) {
            mismatches.add(id + " risk_tier: table " + row.get("risk_tier") + ", API " + answer.path("risk_tier"));
        }
        if (!row.get("model_version").equals(answer.path("model_version").asText())) {
            mismatches.add(id + " model_version: table " + row.get("model_version") + ", API "
                    + answer.path("model_version"));
        }
    }

    private JsonNode get(String path) throws Exception {
        return send(request(path).GET());
    }

    private JsonNode post(String path, ObjectNode body) throws Exception {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + KEY);
    }

    private JsonNode send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response::body);
        return JSON.readTree(response.body());
    }

    /** {@code bin/riskctl ARGS} from the repository root, logging to DIR/STEP.log; fails on a non-zero exit. */
    private void riskctl(Path dir, String step, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("bin/riskctl").toString());
        command.addAll(List.of(args));
        Path log = dir.resolve(step + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("MVN", "false"); // never build inside the build
        builder.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        builder.environment().put("RISKCTL_JAVA_OPTS", "-Xmx1g");
        long started = System.nanoTime();
        Process process = builder.start();
        try {
            boolean finished = process.waitFor(STEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertTrue(finished, () -> "riskctl " + step + " timed out after " + STEP_TIMEOUT + "\n" + output);
            assertEquals(0, process.exitValue(), () -> "riskctl " + step + " failed:\n" + output);
        } finally {
            if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
        System.out.printf("riskctl %s: %.1f s%n", step, (System.nanoTime() - started) / 1e9);
    }

    private static Map<String, Map<String, String>> readScoreTable(Path csv) throws IOException {
        Map<String, Map<String, String>> rows = new TreeMap<>();
        for (Map<String, String> row : readCsv(csv)) {
            rows.put(row.get("customer_id"), row);
        }
        return rows;
    }

    /**
     * Every customer's inline request: the customer row, its invoices, the payments on them and its contacts,
     * each row with the contract's column names and the CSV's cells as JSON strings (blank cells left out, as
     * the contract reads a blank cell), and {@code as_of}.
     */
    private static Map<String, ObjectNode> inlineBodies(Path history, LocalDate asOf) throws IOException {
        Map<String, ObjectNode> bodies = new TreeMap<>();
        Map<String, String> customerOfInvoice = new LinkedHashMap<>();
        for (Map<String, String> customer : readCsv(history.resolve("customers.csv"))) {
            ObjectNode body = JSON.createObjectNode();
            body.put("as_of", asOf.toString());
            body.set("customer", row(customer));
            body.putArray("invoices");
            body.putArray("payments");
            body.putArray("contacts");
            bodies.put(customer.get("customer_id"), body);
        }
        for (Map<String, String> invoice : readCsv(history.resolve("invoices.csv"))) {
            customerOfInvoice.put(invoice.get("invoice_id"), invoice.get("customer_id"));
            ((ArrayNode) bodies.get(invoice.get("customer_id")).get("invoices")).add(row(invoice));
        }
        for (Map<String, String> payment : readCsv(history.resolve("payments.csv"))) {
            String customer = customerOfInvoice.get(payment.get("invoice_id"));
            ((ArrayNode) bodies.get(customer).get("payments")).add(row(payment));
        }
        for (Map<String, String> contact : readCsv(history.resolve("contacts.csv"))) {
            ((ArrayNode) bodies.get(contact.get("customer_id")).get("contacts")).add(row(contact));
        }
        return bodies;
    }

    private static ObjectNode row(Map<String, String> cells) {
        ObjectNode row = JSON.createObjectNode();
        cells.forEach((column, value) -> {
            if (!value.isEmpty()) {
                row.put(column, value);
            }
        });
        return row;
    }

    /** A CSV file's rows as column name to cell (RFC 4180 lines split by the contract's own splitter). */
    private static List<Map<String, String>> readCsv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> header = CsvLine.split(lines.get(0)).value();
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = CsvLine.split(line).value();
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), cells.get(i));
            }
            rows.add(row);
        }
        return rows;
    }
}

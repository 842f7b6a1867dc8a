package io.paysignal.api.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.paysignal.api.snapshot.SnapshotIndex;
import io.paysignal.api.snapshot.SnapshotReader;
import io.paysignal.api.testsupport.ProductionBundles;
import io.paysignal.api.testsupport.RunningApi;
import io.paysignal.api.testsupport.ScoreTableFiles;
import io.paysignal.api.testsupport.SnapshotFiles;
import io.paysignal.core.snapshot.CustomerSnapshot;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * By-id scores on a real server with the production components: from the score run's table when the serving
 * model wrote it, computed by the model otherwise.
 */
class SnapshotScoresTest {

    /** A score no model of these tests gives, planted in the table to show where an answer came from. */
    private static final double PLANTED_SCORE = 0.123456789;

    @TempDir
    Path dir;

    @Test
    void byIdAnswersAreTheScoreTableRowsOfTheServingModel() throws IOException {
        Path registry = dir.resolve("registry");
        Path out = dir.resolve("score-out");
        List<ScoreTableFiles.Row> table = publishAndScore(registry, out, "v1");
        String planted = plantOffSample(out, table);
        ScoreTableFiles.write(out, table, 2);

        try (RunningApi api = RunningApi.serveProduction(registry, out)) {
            for (ScoreTableFiles.Row row : table) {
                JsonNode answer = api.get("/v1/customers/" + row.customerId() + "/score", RunningApi.SCORER_KEY).json();
                assertEquals(row.riskScore(), answer.path("risk_score").asDouble(), 0.0, row.customerId());
                assertEquals(row.riskTier(), answer.path("risk_tier").asText(), row.customerId());
                assertEquals(row.reasonCodes(), answer.path("reason_codes_text").asText(), row.customerId());
                assertEquals(row.modelVersion(), answer.path("model_version").asText(), row.customerId());
                assertEquals(row.asOf().toString(), answer.path("as_of").asText(), row.customerId());
            }
            JsonNode plantedAnswer = api.get("/v1/customers/" + planted + "/score", RunningApi.SCORER_KEY).json();
            assertEquals(PLANTED_SCORE, plantedAnswer.path("risk_score").asDouble(), 0.0);
            // Every sentence comes from the model's catalog, also for rows read from the table.
            plantedAnswer.path("reason_codes").forEach(reason -> assertFalse(reason.path("sentence").asText().isBlank()));
            JsonNode batch = api.postJson("/v1/scores:batch", "{\"customer_ids\":[\"" + planted + "\"]}").json();
            assertEquals(PLANTED_SCORE, batch.path("results").get(0).path("score").path("risk_score").asDouble(), 0.0,
                    batch.toString());
        }
    }

    @Test
    void aReloadToAnotherVersionComputesScoresInsteadOfServingTheStaleTable() throws IOException {
        Path registry = dir.resolve("registry");
        Path out = dir.resolve("score-out");
        List<ScoreTableFiles.Row> table = publishAndScore(registry, out, "v1");
        String planted = plantOffSample(out, table);
        ScoreTableFiles.write(out, table, 1);

        try (RunningApi api = RunningApi.serveProduction(registry, out)) {
            assertEquals(PLANTED_SCORE, riskScore(api, planted), 0.0);
            ProductionBundles.publish(registry, "v2", RunningApi.CUSTOMERS - 10);
            assertEquals(200, api.post("/admin/reload", RunningApi.ADMIN_KEY, null, "").status());

            BundleRiskModel v2 = BundleRiskModel.read(registry.resolve("v2"));
            SnapshotIndex index = snapshot(out);
            boolean anyDiffers = false;
            for (ScoreTableFiles.Row row : table) {
                JsonNode answer = api.get("/v1/customers/" + row.customerId() + "/score", RunningApi.SCORER_KEY).json();
                ScoreResult expected = v2.score(index.find(row.customerId()).orElseThrow().features());
                assertEquals(expected.riskScore(), answer.path("risk_score").asDouble(), 0.0, row.customerId());
                assertEquals(expected.reasonCodesText(), answer.path("reason_codes_text").asText(), row.customerId());
                assertEquals("v2", answer.path("model_version").asText());
                anyDiffers |= expected.riskScore() != row.riskScore();
            }
            assertNotEquals(PLANTED_SCORE, riskScore(api, planted));
            assertTrue(anyDiffers, "v2 should score some customer differently from v1's table");
        }
    }

    @Test
    void aTableTheModelDoesNotReproduceIsNotServed() throws IOException {
        Path registry = dir.resolve("registry");
        Path out = dir.resolve("score-out");
        List<ScoreTableFiles.Row> table = publishAndScore(registry, out, "v1");
        // Position 0 is always among the customers the model must reproduce before the table is served.
        String checked = snapshot(out).sample(1).get(0).customerId();
        replaceScore(table, checked);
        ScoreTableFiles.write(out, table, 1);

        try (RunningApi api = RunningApi.serveProduction(registry, out)) {
            assertNotEquals(PLANTED_SCORE, riskScore(api, checked));
            for (ScoreTableFiles.Row row : table) {
                if (!row.customerId().equals(checked)) {
                    assertEquals(row.riskScore(), riskScore(api, row.customerId()), 0.0, row.customerId());
                }
            }
        }
    }

    @Test
    void scoreOutputsWithoutAParquetTableStillServeComputedScores() throws IOException {
        Path registry = dir.resolve("registry");
        Path out = dir.resolve("score-out");
        List<ScoreTableFiles.Row> table = publishAndScore(registry, out, "v1");
        // As written by --format csv: the table is not read, the model computes.
        Files.writeString(out.resolve("scores.csv"), "customer_id,as_of,risk_score,risk_tier,reason_codes,action,"
                + "channel,contact_at,model_version\n");

        try (RunningApi api = RunningApi.serveProduction(registry, out)) {
            for (ScoreTableFiles.Row row : table) {
                assertEquals(row.riskScore(), riskScore(api, row.customerId()), 0.0, row.customerId());
            }
            assertEquals(404, api.get("/v1/customers/nobody/score", RunningApi.SCORER_KEY).status());
        }
    }

    /**
     * Publishes {@code version} as current, writes the snapshot under {@code out/features}, and returns the table
     * rows the model gives its customers (what {@code riskctl score} writes).
     */
    private static List<ScoreTableFiles.Row> publishAndScore(Path registry, Path out, String version) throws IOException {
        ProductionBundles.publish(registry, version, RunningApi.CUSTOMERS);
        List<CustomerSnapshot> customers = ProductionBundles.snapshots(RunningApi.CUSTOMERS);
        SnapshotFiles.write(out.resolve("features"), customers, 2, SnapshotFiles.TimeEncoding.MICROS);
        BundleRiskModel model = BundleRiskModel.read(registry.resolve(version));
        List<ScoreTableFiles.Row> rows = new ArrayList<>();
        for (CustomerSnapshot customer : customers) {
            ScoreResult result = model.score(customer.features());
            rows.add(new ScoreTableFiles.Row(customer.customerId(), customer.asOf(), result.riskScore(),
                    result.tier().wireName(), result.reasonCodesText(), "none", null, null, version));
        }
        return rows;
    }

    /** Plants {@link #PLANTED_SCORE} on a customer the table check does not look at; returns its id. */
    private static String plantOffSample(Path out, List<ScoreTableFiles.Row> table) {
        SnapshotIndex index = snapshot(out);
        for (ScoreTableFiles.Row row : table) {
            int position = index.position(row.customerId());
            boolean sampled = false;
            for (int i = 0; i < SnapshotScores.TABLE_CHECKS; i++) {
                sampled |= position == (int) ((long) i * index.size() / SnapshotScores.TABLE_CHECKS);
            }
            if (!sampled) {
                replaceScore(table, row.customerId());
                return row.customerId();
            }
        }
        throw new AssertionError("every customer is a table check");
    }

    private static void replaceScore(List<ScoreTableFiles.Row> table, String customerId) {
        table.replaceAll(row -> !row.customerId().equals(customerId) ? row
                : new ScoreTableFiles.Row(row.customerId(), row.asOf(), PLANTED_SCORE, row.riskTier(), row.reasonCodes(),
                        row.action(), row.channel(), row.contactAt(), row.modelVersion()));
    }

    private static SnapshotIndex snapshot(Path out) {
        return new SnapshotReader(new Configuration(), 1).read(out.toString());
    }

    private static double riskScore(RunningApi api, String customerId) {
        JsonNode answer = api.get("/v1/customers/" + customerId + "/score", RunningApi.SCORER_KEY).json();
        return answer.path("risk_score").asDouble(Double.NaN);
    }
}

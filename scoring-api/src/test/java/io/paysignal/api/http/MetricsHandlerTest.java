package io.paysignal.api.http;

import io.paysignal.api.testsupport.RunningApi;
import io.paysignal.api.testsupport.RunningApi.Reply;
import io.paysignal.api.testsupport.TestComponents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsHandlerTest {

    @TempDir
    Path dir;

    @Test
    void exposesLatencyHistogramsCountersModelAndSnapshotGauges() {
        try (RunningApi api = RunningApi.start(dir)) {
            api.get("/v1/customers/c3/score", RunningApi.SCORER_KEY);
            api.get("/v1/customers/c4/score", RunningApi.SCORER_KEY);
            api.get("/v1/customers/nobody/score", RunningApi.SCORER_KEY);
            api.postJson("/v1/scores:batch", "{\"customer_ids\": [\"c1\", \"c2\", \"zzz\"]}");
            api.get("/no/such/path/" + System.nanoTime(), null);

            Reply reply = api.get("/metrics", RunningApi.SCORER_KEY);

            assertEquals(200, reply.status());
            assertTrue(reply.contentType().startsWith("text/plain"), reply.contentType());
            String text = reply.body();
            assertTrue(text.contains("http_server_requests_seconds_bucket{"), "histogram buckets");
            assertTrue(text.contains("route=\"/v1/customers/{customer_id}/score\""), "route templates, not paths");
            assertTrue(text.contains("route=\"unmatched\""), "unmatched paths share one label");
            assertFalse(text.contains("/no/such/path"), "raw paths never become labels");
            assertTrue(text.matches("(?s).*paysignal_scores_served_total\\{endpoint=\"customer\"[^}]*} 2\\.0.*"), text);
            assertTrue(text.matches("(?s).*paysignal_scores_served_total\\{endpoint=\"batch\"[^}]*} 2\\.0.*"), text);
            assertTrue(text.contains("paysignal_http_errors_total{route=\"/v1/customers/{customer_id}/score\",status=\"404\"} 1.0"), text);
            assertTrue(text.contains("paysignal_http_errors_total{route=\"unmatched\",status=\"404\"} 1.0"), text);
            assertTrue(text.contains("paysignal_model_info{version=\"v1\"} 1"), text);
            assertTrue(text.matches("(?s).*paysignal_snapshot_customers " + RunningApi.CUSTOMERS + "\\.0.*"), text);
        }
    }

    @Test
    void metricsNeedAKeyUnlessConfiguredOpen() {
        try (RunningApi api = RunningApi.start(dir.resolve("protected"))) {
            assertEquals(401, api.get("/metrics", null).status());
        }
        try (RunningApi api = RunningApi.start(dir.resolve("open"), config -> config.withOpenMetrics(true),
                TestComponents.create())) {
            assertEquals(200, api.get("/metrics", null).status());
        }
    }
}

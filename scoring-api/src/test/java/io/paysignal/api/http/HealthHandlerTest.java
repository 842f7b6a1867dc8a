package io.paysignal.api.http;

import io.javalin.Javalin;
import io.paysignal.api.ApiConfig;
import io.paysignal.api.ScoringApp;
import io.paysignal.api.metrics.ApiMetrics;
import io.paysignal.api.service.ModelRegistry;
import io.paysignal.api.service.ScoringService;
import io.paysignal.api.testsupport.RunningApi;
import io.paysignal.api.testsupport.RunningApi.Reply;
import io.paysignal.api.testsupport.TestComponents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HealthHandlerTest {

    @TempDir
    Path dir;

    @Test
    void liveAndReadyAnswerWithoutAKeyOnceEverythingIsLoaded() {
        try (RunningApi api = RunningApi.start(dir)) {
            Reply live = api.get("/health/live", null);
            Reply ready = api.get("/health/ready", null);

            assertEquals(200, live.status());
            assertEquals("live", live.json().get("status").asText());
            assertEquals(200, ready.status());
            assertEquals("ready", ready.json().get("status").asText());
            assertEquals("v1", ready.json().get("model_version").asText());
            assertEquals(RunningApi.CUSTOMERS, ready.json().get("snapshot_customers").asInt());
        }
    }

    @Test
    void beforeLoadingTheServiceIsLiveButNotReadyAndScoringIs503() throws Exception {
        ScoringService service = new ScoringService(TestComponents.create(), new ModelRegistry(dir), 3,
                Clock.systemUTC());
        ApiConfig config = ApiConfig.defaults(dir, dir.toString(), RunningApi.keys());
        Javalin app = ScoringApp.create(config, service, new ApiMetrics(service::readiness)).start("127.0.0.1", 0);
        try {
            HttpClient client = HttpClient.newHttpClient();
            URI base = URI.create("http://127.0.0.1:" + app.port());
            HttpResponse<String> live = client.send(HttpRequest.newBuilder(base.resolve("/health/live")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> ready = client.send(HttpRequest.newBuilder(base.resolve("/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> score = client.send(HttpRequest.newBuilder(base.resolve("/v1/customers/c1/score"))
                    .header("X-API-Key", RunningApi.SCORER_KEY).build(), HttpResponse.BodyHandlers.ofString());

            assertEquals(200, live.statusCode());
            assertEquals(503, ready.statusCode());
            assertEquals("application/problem+json", ready.headers().firstValue("Content-Type").orElse(""));
            assertTrue(ready.body().contains("urn:paysignal:problem:not-ready"), ready.body());
            assertEquals(503, score.statusCode());
            assertEquals("5", score.headers().firstValue("Retry-After").orElse(""));
            assertTrue(score.body().contains("No model is loaded"), score.body());
        } finally {
            app.stop();
        }
    }
}

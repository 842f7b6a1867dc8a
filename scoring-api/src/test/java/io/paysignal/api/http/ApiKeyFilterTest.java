package io.paysignal.api.http;

import io.paysignal.api.ApiConfig;
import io.paysignal.api.testsupport.RunningApi;
import io.paysignal.api.testsupport.RunningApi.Reply;
import io.paysignal.api.testsupport.TestComponents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ApiKeyFilterTest {

    @TempDir
    static Path dir;
    static RunningApi api;

    @BeforeAll
    static void start() {
        api = RunningApi.start(dir);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void aRequestWithoutAKeyIs401WithAChallenge() {
        Reply reply = api.get("/v1/customers/c1/score", null);

        assertEquals(401, reply.status());
        assertEquals("unauthorized", reply.problemType());
        assertEquals("Bearer realm=\"paysignal\"", reply.headers().firstValue("WWW-Authenticate").orElse(""));
    }

    @Test
    void anUnknownKeyIs401() {
        assertEquals(401, api.get("/v1/customers/c1/score", "not-a-configured-key-at-all").status());
        assertEquals(401, api.send(api.request("/v1/model", null).header("Authorization", "Bearer ")).status());
    }

    @Test
    void aKeyWorksAsBearerTokenOrInTheApiKeyHeader() {
        assertEquals(200, api.get("/v1/customers/c1/score", RunningApi.SCORER_KEY).status());
        assertEquals(200, api.send(api.request("/v1/customers/c1/score", null)
                .header(ApiKeyFilter.API_KEY_HEADER, RunningApi.SCORER_KEY)).status());
    }

    @Test
    void anAdminKeyMayScoreButAScorerKeyMayNotReload() {
        assertEquals(200, api.get("/v1/customers/c1/score", RunningApi.ADMIN_KEY).status());
        Reply reply = api.post("/admin/reload", RunningApi.SCORER_KEY, null, "");
        assertEquals(403, reply.status());
        assertEquals("forbidden", reply.problemType());
    }

    @Test
    void healthAndDocumentationAreOpen() {
        assertEquals(200, api.get("/health/live", null).status());
        assertEquals(200, api.get("/health/ready", null).status());
        assertEquals(200, api.get("/openapi.json", null).status());
    }

    @Test
    void anonymousModeChecksNoKeys() {
        try (RunningApi open = RunningApi.start(dir.resolve("anonymous"), config -> new ApiConfig(config.registry(),
                config.snapshot(), config.host(), config.port(), null, true, false, config.maxBodyBytes(),
                config.batchLimit(), config.canaryCustomers(), config.defaultCurrency()), TestComponents.create())) {
            assertEquals(200, open.get("/v1/customers/c1/score", null).status());
            assertEquals(200, open.post("/admin/reload", null, null, "").status());
        }
    }
}

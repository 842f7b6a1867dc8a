package io.paysignal.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.paysignal.api.testsupport.RunningApi;
import io.paysignal.api.testsupport.RunningApi.Reply;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScoringAppTest {

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
    void servesAnOpenApiDocumentCoveringEveryRouteAndTheProblemSchema() {
        Reply reply = api.get(ScoringApp.OPENAPI_PATH, null);

        assertEquals(200, reply.status());
        JsonNode doc = reply.json();
        assertTrue(doc.get("openapi").asText().startsWith("3."), doc.get("openapi").asText());
        assertEquals("PaySignal scoring API", doc.get("info").get("title").asText());
        Set<String> paths = new TreeSet<>();
        doc.get("paths").fieldNames().forEachRemaining(paths::add);
        assertEquals(new TreeSet<>(List.of("/v1/customers/{customer_id}/score", "/v1/score", "/v1/scores:batch",
                "/v1/model", "/v1/models", "/admin/reload", "/health/live", "/health/ready", "/metrics")), paths);
        JsonNode problem = doc.get("components").get("schemas").get("Problem");
        for (String field : List.of("type", "title", "status", "detail", "instance", "errors")) {
            assertTrue(problem.get("properties").has(field), field);
        }
        assertTrue(doc.get("components").get("securitySchemes").has("ApiKey"));
        JsonNode notFound = doc.get("paths").get("/v1/customers/{customer_id}/score").get("get")
                .get("responses").get("404").get("content");
        assertTrue(notFound.has("application/problem+json"));
    }

    @Test
    void theOpenApiDocumentIsValid() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);

        SwaggerParseResult result = new OpenAPIV3Parser().readContents(api.get(ScoringApp.OPENAPI_PATH, null).body(),
                null, options);

        assertEquals(List.of(), result.getMessages());
        assertEquals(9, result.getOpenAPI().getPaths().size());
    }

    @Test
    void documentedResponseFieldsAreTheOnesSent() {
        JsonNode schemas = api.get(ScoringApp.OPENAPI_PATH, null).json().get("components").get("schemas");
        Map<String, JsonNode> sent = Map.of(
                "ScoreResponse", api.get("/v1/customers/c3/score", RunningApi.SCORER_KEY).json(),
                "ModelResponse", api.get("/v1/model", RunningApi.SCORER_KEY).json(),
                "ModelListResponse", api.get("/v1/models", RunningApi.SCORER_KEY).json(),
                "HealthResponse", api.get("/health/ready", null).json(),
                "Problem", api.get("/v1/customers/nobody/score", RunningApi.SCORER_KEY).json());
        sent.forEach((schema, body) -> {
            Set<String> documented = new TreeSet<>();
            schemas.get(schema).get("properties").fieldNames().forEachRemaining(documented::add);
            Set<String> actual = new TreeSet<>();
            body.fieldNames().forEachRemaining(actual::add);
            assertTrue(documented.containsAll(actual), schema + ": sent " + actual + ", documented " + documented);
        });
    }

    @Test
    void servesSwaggerUi() {
        Reply reply = api.get(ScoringApp.SWAGGER_PATH, null);

        assertEquals(200, reply.status());
        assertTrue(reply.contentType().startsWith("text/html"), reply.contentType());
        assertTrue(reply.body().contains(ScoringApp.OPENAPI_PATH), "UI points at the document");
        assertTrue(!reply.body().contains("validator.swagger.io"), "no calls to outside validators");
    }

    @Test
    void anUnknownRouteIsA404Problem() {
        Reply reply = api.get("/v2/nothing", RunningApi.SCORER_KEY);

        assertEquals(404, reply.status());
        assertEquals("not-found", reply.problemType());
    }

    @Test
    void aWrongMethodIsA405Problem() {
        Reply reply = api.send(api.request("/v1/model", RunningApi.SCORER_KEY).DELETE());

        assertEquals(405, reply.status());
        assertEquals("method-not-allowed", reply.problemType());
    }

    @Test
    void everyErrorStatusComesAsProblemJson() {
        List<Reply> replies = new ArrayList<>(List.of(
                api.get("/v1/customers/c1/score", null),
                api.get("/v1/customers/nobody/score", RunningApi.SCORER_KEY),
                api.post("/v1/score", RunningApi.SCORER_KEY, "text/csv", "a,b"),
                api.postJson("/v1/score", "{"),
                api.post("/admin/reload", RunningApi.SCORER_KEY, null, "")));
        for (Reply reply : replies) {
            assertTrue(reply.status() >= 400);
            assertEquals("application/problem+json", reply.contentType(), reply.body());
            reply.problemType();
        }
    }
}

package io.paysignal.api.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysignal.api.ApiConfig;
import io.paysignal.api.ApiServer;
import io.paysignal.api.auth.ApiKeyStore;
import io.paysignal.api.service.CoreComponentsProvider;
import io.paysignal.api.service.ScoringComponents;
import io.paysignal.api.snapshot.SnapshotReader;
import org.apache.hadoop.conf.Configuration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A real scoring API on an ephemeral loopback port, serving a test registry (version {@code v1} current) and a
 * snapshot of {@link Customers} 1..40, with the time fixed at {@link #NOW}; plus a small HTTP client for it.
 */
public final class RunningApi implements AutoCloseable {

    public static final String SCORER_KEY = "scorer-key-0123456789abcdef";
    public static final String ADMIN_KEY = "admin-key-0123456789abcdef";
    public static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    public static final int CUSTOMERS = 40;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApiServer server;
    private final HttpClient client;
    private final URI base;
    public final Path registry;

    private RunningApi(ApiServer server, Path registry) {
        this.server = server;
        this.registry = registry;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.base = URI.create("http://127.0.0.1:" + server.port());
    }

    /** The default API in {@code dir}. */
    public static RunningApi start(Path dir) {
        return start(dir, UnaryOperator.identity(), TestComponents.create());
    }

    /** An API in {@code dir} with an adjusted configuration and the given components. */
    public static RunningApi start(Path dir, UnaryOperator<ApiConfig> configure, ScoringComponents components) {
        Path registry = dir.resolve("registry");
        Registries.writeVersion(registry, "v1", -3.0);
        Registries.setCurrent(registry, "v1");
        Path out = dir.resolve("score-out");
        SnapshotFiles.write(out.resolve("features"), Customers.snapshots(CUSTOMERS), 2, SnapshotFiles.TimeEncoding.MICROS);
        ApiConfig config = configure.apply(ApiConfig.defaults(registry, out.toString(), keys())
                .withAddress("127.0.0.1", 0));
        ApiServer server = ApiServer.start(config, components, new SnapshotReader(new Configuration(), 2),
                Clock.fixed(NOW, ZoneOffset.UTC));
        return new RunningApi(server, registry);
    }

    /**
     * An API in {@code dir} serving with the production components ({@code CoreComponentsProvider}): a real
     * bundle of this build's feature schema as version {@code v1} and a snapshot of production features.
     */
    public static RunningApi startProduction(Path dir) {
        Path registry = dir.resolve("registry");
        ProductionBundles.publish(registry, "v1", CUSTOMERS);
        Path out = dir.resolve("score-out");
        SnapshotFiles.write(out.resolve("features"), ProductionBundles.snapshots(CUSTOMERS), 2,
                SnapshotFiles.TimeEncoding.MICROS);
        return serveProduction(registry, out);
    }

    /**
     * An API serving the production components over an existing registry and score output folder (its
     * {@code features/} snapshot and, when present, its score table).
     */
    public static RunningApi serveProduction(Path registry, Path out) {
        ApiConfig config = ApiConfig.defaults(registry, out.toString(), keys()).withAddress("127.0.0.1", 0);
        ApiServer server = ApiServer.start(config, new CoreComponentsProvider().components(),
                new SnapshotReader(new Configuration(), 2), Clock.fixed(NOW, ZoneOffset.UTC));
        return new RunningApi(server, registry);
    }

    /** The scorer and admin keys. */
    public static ApiKeyStore keys() {
        return ApiKeyStore.parse(List.of("scorer " + SCORER_KEY, "admin " + ADMIN_KEY), "test keys");
    }

    public URI base() {
        return base;
    }

    public ApiServer server() {
        return server;
    }

    /** GET with a bearer key (none when null). */
    public Reply get(String path, String key) {
        return send(request(path, key).GET());
    }

    /** POST a body with a content type (none when null) and a bearer key (none when null). */
    public Reply post(String path, String key, String contentType, String body) {
        HttpRequest.Builder request = request(path, key).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    /** POST JSON with the scorer key. */
    public Reply postJson(String path, String body) {
        return post(path, SCORER_KEY, "application/json", body);
    }

    public HttpRequest.Builder request(String path, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return request;
    }

    public Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }

    /** An HTTP answer. */
    public record Reply(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        /** The problem type's slug, asserting the body is a problem. */
        public String problemType() {
            if (!contentType().startsWith("application/problem+json")) {
                throw new AssertionError("not a problem (" + status + ", " + contentType() + "): " + body);
            }
            JsonNode problem = json();
            if (problem.path("status").asInt() != status) {
                throw new AssertionError("problem status differs from HTTP status: " + body);
            }
            return problem.path("type").asText().replace("urn:paysignal:problem:", "");
        }
    }
}

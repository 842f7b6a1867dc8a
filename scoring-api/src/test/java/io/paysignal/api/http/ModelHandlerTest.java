package io.paysignal.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.paysignal.api.service.RiskModelReader;
import io.paysignal.api.service.ScoringComponents;
import io.paysignal.api.testsupport.BusinessHoursPlanner;
import io.paysignal.api.testsupport.PropertiesModelReader;
import io.paysignal.api.testsupport.LedgerFeatureSource;
import io.paysignal.api.testsupport.Registries;
import io.paysignal.api.testsupport.RunningApi;
import io.paysignal.api.testsupport.RunningApi.Reply;
import io.paysignal.core.bundle.ModelRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelHandlerTest {

    @TempDir
    Path dir;
    RunningApi api;

    @BeforeEach
    void start() {
        api = RunningApi.start(dir);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void describesTheServingModel() {
        Reply reply = api.get("/v1/model", RunningApi.SCORER_KEY);

        assertEquals(200, reply.status(), reply.body());
        JsonNode model = reply.json();
        assertEquals("v1", model.get("version").asText());
        assertEquals("2026-02-01T12:00:00Z", model.get("created_at").asText());
        assertEquals("2025-01-31", model.get("training_window").get("from").asText());
        assertEquals("2025-11-30", model.get("training_window").get("to").asText());
        assertEquals(0.81, model.get("metrics").get("auc").asDouble(), 1e-12);
        assertEquals(LedgerFeatureSource.NAMES.size(), model.get("feature_names").size());
        assertEquals("logistic", model.get("details").get("algorithm").asText());
    }

    @Test
    void listsTheRegistryVersionsMarkingCurrentAndServing() {
        Registries.writeVersion(api.registry, "v2", -2.0);
        Registries.setCurrent(api.registry, "v2");

        JsonNode list = api.get("/v1/models", RunningApi.SCORER_KEY).json();

        assertEquals("v2", list.get("current").asText());
        assertEquals("v1", list.get("serving").asText());
        assertEquals(2, list.get("versions").size());
        assertEquals("v1", list.get("versions").get(0).get("version").asText());
        assertTrue(list.get("versions").get(0).get("serving").asBoolean());
        assertTrue(list.get("versions").get(1).get("current").asBoolean());
    }

    @Test
    void reloadSwapsInTheNewCurrentVersion() {
        Registries.writeVersion(api.registry, "v2", -1.0);
        Registries.setCurrent(api.registry, "v2");

        Reply reply = api.post("/admin/reload", RunningApi.ADMIN_KEY, null, "");

        assertEquals(200, reply.status(), reply.body());
        assertEquals("v1", reply.json().get("previous_version").asText());
        assertEquals("v2", reply.json().get("version").asText());
        assertEquals("v2", api.get("/v1/customers/c3/score", RunningApi.SCORER_KEY).json().get("model_version").asText());
    }

    @Test
    void aBundleThatFailsItsCanaryScoresIsRejectedAndTheOldOneKeepsServing() {
        Registries.writeVersion(api.registry, "v2", LedgerFeatureSource.NAMES, -3.0, "NaN,0.001,0.05,0.1");
        Registries.setCurrent(api.registry, "v2");

        Reply reply = api.post("/admin/reload", RunningApi.ADMIN_KEY, null, "");

        assertEquals(422, reply.status(), reply.body());
        assertEquals("model-rejected", reply.problemType());
        assertTrue(reply.json().get("detail").asText().contains("canary"), reply.body());
        assertServing("v1");
    }

    @Test
    void aBundleWithAnotherFeatureSchemaIsRejected() {
        Registries.writeVersion(api.registry, "v2", List.of("open_invoice_count", "open_balance", "max_days_past_due",
                "something_new"), -3.0, "0.2,0.001,0.05,0.1");
        Registries.setCurrent(api.registry, "v2");

        Reply reply = api.post("/admin/reload", RunningApi.ADMIN_KEY, null, "");

        assertEquals(422, reply.status());
        assertTrue(reply.json().get("detail").asText().contains("feature schema mismatch"), reply.body());
        assertServing("v1");
    }

    @Test
    void anUnreadableOrMissingBundleIsRejected() throws Exception {
        Files.createDirectories(api.registry.resolve("empty"));
        Registries.setCurrent(api.registry, "empty");
        Reply unreadable = api.post("/admin/reload", RunningApi.ADMIN_KEY, null, "");
        Registries.setCurrent(api.registry, "not-there");
        Reply missing = api.post("/admin/reload", RunningApi.ADMIN_KEY, null, "");
        Files.writeString(api.registry.resolve(ModelRegistry.CURRENT_FILE), "../../etc");
        Reply traversal = api.post("/admin/reload", RunningApi.ADMIN_KEY, null, "");

        assertEquals(422, unreadable.status());
        assertTrue(unreadable.json().get("detail").asText().contains("cannot read the bundle"), unreadable.body());
        assertEquals(422, missing.status());
        assertTrue(missing.json().get("detail").asText().contains("no such folder"), missing.body());
        assertEquals(422, traversal.status());
        assertServing("v1");
    }

    @Test
    void aBundleNamingAnotherVersionIsRejected() {
        Registries.writeVersion(api.registry, "v9", -3.0);
        Registries.writeVersion(api.registry, "v2", -3.0);
        try {
            Files.copy(api.registry.resolve("v9/model.properties"), api.registry.resolve("v2/model.properties"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Registries.setCurrent(api.registry, "v2");

        Reply reply = api.post("/admin/reload", RunningApi.ADMIN_KEY, null, "");

        assertEquals(422, reply.status());
        assertTrue(reply.json().get("detail").asText().contains("says it is version v9"), reply.body());
    }

    @Test
    void aReloadWhileAnotherIsValidatingIsA409() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        PropertiesModelReader real = new PropertiesModelReader();
        RiskModelReader slowForV2 = folder -> {
            if (folder.getFileName().toString().equals("v2")) {
                reading.countDown();
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return real.read(folder);
        };
        try (RunningApi slow = RunningApi.start(dir.resolve("slow"), UnaryOperator.identity(),
                new ScoringComponents(slowForV2, new LedgerFeatureSource(), new BusinessHoursPlanner()))) {
            Registries.writeVersion(slow.registry, "v2", -2.0);
            Registries.setCurrent(slow.registry, "v2");

            CompletableFuture<Reply> first = CompletableFuture.supplyAsync(
                    () -> slow.post("/admin/reload", RunningApi.ADMIN_KEY, null, ""));
            assertTrue(reading.await(20, TimeUnit.SECONDS));
            Reply second = slow.post("/admin/reload", RunningApi.ADMIN_KEY, null, "");
            release.countDown();

            assertEquals(409, second.status());
            assertEquals("reload-in-progress", second.problemType());
            assertEquals(200, first.get(20, TimeUnit.SECONDS).status());
        }
    }

    @Test
    void reloadNeedsTheAdminRole() {
        Reply reply = api.post("/admin/reload", RunningApi.SCORER_KEY, null, "");

        assertEquals(403, reply.status());
        assertEquals("forbidden", reply.problemType());
    }

    @Test
    void reloadsUnderConcurrentLoadServeEveryRequestAndNeverGoBackInVersion() throws Exception {
        List<String> versions = List.of("v1", "v2", "v3", "v4", "v5");
        AtomicBoolean reloadsDone = new AtomicBoolean();
        AtomicInteger served = new AtomicInteger();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            running.add(clients.submit(() -> {
                int lastVersion = 0;
                for (int i = 0; i < 3000 && !(reloadsDone.get() && i >= 50); i++) {
                    Reply reply = api.get("/v1/customers/c" + (1 + (i * 7 + thread) % RunningApi.CUSTOMERS) + "/score",
                            RunningApi.SCORER_KEY);
                    if (reply.status() != 200) {
                        failures.add(reply.status() + " " + reply.body());
                        continue;
                    }
                    int version = versions.indexOf(reply.json().get("model_version").asText());
                    if (version < lastVersion) {
                        failures.add("version went back from " + versions.get(lastVersion) + " to " + version);
                    }
                    lastVersion = Math.max(lastVersion, version);
                    served.incrementAndGet();
                }
            }));
        }
        List<Integer> reloadStatuses = new ArrayList<>();
        for (String version : List.of("v2", "broken", "v3", "v4", "broken-too", "v5")) {
            int before = served.get();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (served.get() < before + 40 && failures.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            String weights = version.startsWith("broken") ? "NaN,0.001,0.05,0.1" : "0.2,0.001,0.05,0.1";
            Registries.writeVersion(api.registry, version, LedgerFeatureSource.NAMES, -3.0, weights);
            Registries.setCurrent(api.registry, version);
            reloadStatuses.add(api.post("/admin/reload", RunningApi.ADMIN_KEY, null, "").status());
        }
        reloadsDone.set(true);
        for (Future<?> client : running) {
            client.get(60, TimeUnit.SECONDS);
        }
        clients.shutdown();

        assertEquals(List.of(200, 422, 200, 200, 422, 200), reloadStatuses);
        assertEquals(List.of(), failures);
        assertTrue(served.get() >= 240, "requests served: " + served.get());
        assertServing("v5");
    }

    private void assertServing(String version) {
        assertEquals(version, api.get("/v1/model", RunningApi.SCORER_KEY).json().get("version").asText());
        assertEquals(version, api.get("/v1/customers/c2/score", RunningApi.SCORER_KEY).json().get("model_version").asText());
    }
}

package io.paysignal.api;

import io.paysignal.api.testsupport.InlineBodies;
import io.paysignal.api.testsupport.ProductionBundles;
import io.paysignal.api.testsupport.Registries;
import io.paysignal.api.testsupport.RunningApi;
import io.paysignal.api.testsupport.RunningApi.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The quick, CI-sized version of {@code bench/soak.sh}: a real server with the production components under mixed
 * load from several clients (scores by id, inline histories, batches) while the model is swapped between two
 * real bundle versions every few hundred milliseconds. Every request must be answered, every answer must be a
 * 200 from one of the two versions, and every reload must succeed.
 */
class MixedLoadWithReloadsTest {

    private static final int CLIENTS = 4;
    private static final long LOAD_MILLIS = Long.getLong("soak.millis", 6_000L);

    @TempDir
    Path dir;

    @Test
    void mixedLoadDuringRepeatedReloadsLosesNoRequestAndGetsNo5xx() throws Exception {
        try (RunningApi api = RunningApi.startProduction(dir)) {
            ProductionBundles.publish(api.registry, "v2", 30); // a second, different model; CURRENT -> v2
            Registries.setCurrent(api.registry, "v1");
            AtomicBoolean running = new AtomicBoolean(true);
            Map<String, Integer> answers = new ConcurrentHashMap<>();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            Set<String> versionsSeen = ConcurrentHashMap.newKeySet();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
            List<Future<Integer>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                Random random = new Random(c);
                clients.add(pool.submit(() -> {
                    int sent = 0;
                    while (running.get()) {
                        sent++;
                        String kind;
                        Reply reply;
                        try {
                            int pick = random.nextInt(20);
                            if (pick < 14) {
                                kind = "by_id";
                                reply = api.get("/v1/customers/c" + (1 + random.nextInt(RunningApi.CUSTOMERS)) + "/score",
                                        RunningApi.SCORER_KEY);
                            } else if (pick < 17) {
                                kind = "inline";
                                reply = api.postJson("/v1/score", InlineBodies.valid(random).toString());
                            } else {
                                kind = "batch";
                                reply = api.postJson("/v1/scores:batch", "{\"customer_ids\": [\"c1\", \"c2\", \"c"
                                        + (1 + random.nextInt(RunningApi.CUSTOMERS)) + "\"]}");
                            }
                        } catch (RuntimeException e) {
                            failures.add("no answer: " + e);
                            continue;
                        }
                        answers.merge(kind + " " + reply.status(), 1, Integer::sum);
                        if (reply.status() != 200) {
                            failures.add(kind + " " + reply.status() + " " + reply.body());
                        } else if (!kind.equals("batch")) {
                            versionsSeen.add(reply.json().get("model_version").asText());
                        }
                    }
                    return sent;
                }));
            }
            Future<Integer> reloader = pool.submit(() -> {
                int reloads = 0;
                long end = System.currentTimeMillis() + LOAD_MILLIS;
                while (System.currentTimeMillis() < end) {
                    Thread.sleep(250);
                    Registries.setCurrent(api.registry, reloads % 2 == 0 ? "v2" : "v1");
                    Reply reply = api.post("/admin/reload", RunningApi.ADMIN_KEY, null, "");
                    if (reply.status() != 200) {
                        failures.add("reload " + reply.status() + " " + reply.body());
                    }
                    reloads++;
                }
                running.set(false);
                return reloads;
            });
            int reloads = reloader.get(LOAD_MILLIS + 60_000, TimeUnit.MILLISECONDS);
            int sent = 0;
            for (Future<Integer> client : clients) {
                sent += client.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();

            int answered = answers.values().stream().mapToInt(Integer::intValue).sum();
            assertTrue(failures.isEmpty(), failures.size() + " failures, e.g. " + failures.stream().limit(5).toList());
            assertEquals(sent, answered, "every request answered: " + new TreeMap<>(answers));
            assertTrue(reloads >= 4, "reloads: " + reloads);
            assertEquals(Set.of("v1", "v2"), versionsSeen, "both versions served");
            assertEquals(200, api.get("/health/live", null).status());
        }
    }
}

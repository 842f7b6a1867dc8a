package io.paysignal.api;

import io.paysignal.api.service.CoreComponentsProvider;
import io.paysignal.api.snapshot.SnapshotReader;
import io.paysignal.api.testsupport.ProductionBundles;
import io.paysignal.api.testsupport.Registries;
import io.paysignal.api.testsupport.RunningApi;
import io.paysignal.api.testsupport.RunningApi.Reply;
import io.paysignal.api.testsupport.SnapshotFiles;
import io.paysignal.core.bundle.BundleReader;
import io.paysignal.core.bundle.BundleWriter;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real bundle (this build's feature schema, written by the core registry) that was damaged on disk after it
 * was published (truncated, bit-flipped, emptied, deleted) is refused with a message naming what is wrong, both
 * by {@code POST /admin/reload}, where the old version keeps serving, and at start-up, which fails.
 */
class CorruptBundleTest {

    /** Ways a published bundle can be damaged. */
    enum Damage {
        MODEL_TRUNCATED(BundleWriter.MODEL_FILE) {
            @Override
            void apply(Path file) throws IOException {
                byte[] bytes = Files.readAllBytes(file);
                Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
            }
        },
        MODEL_BYTE_FLIPPED(BundleWriter.MODEL_FILE) {
            @Override
            void apply(Path file) throws IOException {
                byte[] bytes = Files.readAllBytes(file);
                bytes[bytes.length / 3] ^= 0x5A;
                Files.write(file, bytes);
            }
        },
        MODEL_EMPTY(BundleWriter.MODEL_FILE) {
            @Override
            void apply(Path file) throws IOException {
                Files.write(file, new byte[0]);
            }
        },
        MODEL_MISSING(BundleWriter.MODEL_FILE) {
            @Override
            void apply(Path file) throws IOException {
                Files.delete(file);
            }
        },
        MANIFEST_TRUNCATED(BundleReader.MANIFEST_FILE) {
            @Override
            void apply(Path file) throws IOException {
                byte[] bytes = Files.readAllBytes(file);
                Files.write(file, Arrays.copyOf(bytes, bytes.length * 2 / 3));
            }
        },
        MANIFEST_EMPTY(BundleReader.MANIFEST_FILE) {
            @Override
            void apply(Path file) throws IOException {
                Files.write(file, new byte[0]);
            }
        };

        final String file;

        Damage(String file) {
            this.file = file;
        }

        abstract void apply(Path file) throws IOException;
    }

    @TempDir
    static Path dir;
    static RunningApi api;
    static int published;

    @BeforeAll
    static void start() {
        api = RunningApi.startProduction(dir.resolve("serving"));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void aDamagedBundleIsRefusedOnReloadWithAClearReasonAndTheOldOneKeepsServing(Damage damage) throws IOException {
        String version = "damaged-" + (++published);
        Path folder = ProductionBundles.publish(api.registry, version, RunningApi.CUSTOMERS);
        damage.apply(folder.resolve(damage.file));

        Reply reply = api.post("/admin/reload", RunningApi.ADMIN_KEY, null, "");

        assertEquals(422, reply.status(), reply.body());
        assertEquals("model-rejected", reply.problemType());
        String detail = reply.json().get("detail").asText();
        assertTrue(detail.contains(version) && detail.contains(damage.file), damage + ": " + detail);
        assertEquals("v1", api.get("/v1/customers/c3/score", RunningApi.SCORER_KEY).json().get("model_version").asText());
        Registries.setCurrent(api.registry, "v1");
    }

    @ParameterizedTest
    @EnumSource(value = Damage.class, names = {"MODEL_TRUNCATED", "MODEL_BYTE_FLIPPED", "MANIFEST_TRUNCATED"})
    void aDamagedCurrentBundleStopsStartUpWithAClearReason(Damage damage) throws IOException {
        Path home = dir.resolve("startup-" + damage);
        Path registry = home.resolve("registry");
        Path folder = ProductionBundles.publish(registry, "v1", RunningApi.CUSTOMERS);
        SnapshotFiles.write(home.resolve("out/features"), ProductionBundles.snapshots(5), 1,
                SnapshotFiles.TimeEncoding.MICROS);
        damage.apply(folder.resolve(damage.file));
        ApiConfig config = ApiConfig.defaults(registry, home.resolve("out").toString(), RunningApi.keys())
                .withAddress("127.0.0.1", 0);

        Exception refused = assertThrows(Exception.class, () -> ApiServer.start(config,
                new CoreComponentsProvider().components(), new SnapshotReader(new Configuration(), 1),
                Clock.systemUTC()).close());

        String message = refused.getMessage();
        assertTrue(message != null && message.contains(damage.file), damage + ": " + refused);
        assertFalse(message.contains("\n"), "one line: " + message);
    }
}

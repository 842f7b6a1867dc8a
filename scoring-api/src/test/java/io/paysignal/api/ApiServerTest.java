package io.paysignal.api;

import io.paysignal.api.service.ModelRejectedException;
import io.paysignal.api.snapshot.SnapshotFormatException;
import io.paysignal.api.snapshot.SnapshotReader;
import io.paysignal.api.testsupport.Customers;
import io.paysignal.api.testsupport.LedgerFeatureSource;
import io.paysignal.api.testsupport.Registries;
import io.paysignal.api.testsupport.RunningApi;
import io.paysignal.api.testsupport.SnapshotFiles;
import io.paysignal.api.testsupport.TestComponents;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiServerTest {

    @TempDir
    Path dir;

    @Test
    void startsReadyWithTheCurrentModelAndTheSnapshot() {
        try (RunningApi api = RunningApi.start(dir)) {
            assertTrue(api.server().port() > 0);
            assertEquals("v1", api.server().service().readiness().modelVersion());
            assertEquals(RunningApi.CUSTOMERS, api.server().service().readiness().snapshotCustomers());
        }
    }

    @Test
    void refusesToStartWithAModelThatFailsValidation() {
        Registries.writeVersion(dir.resolve("registry"), "v1", LedgerFeatureSource.NAMES, -3, "NaN,0,0,0");
        Registries.setCurrent(dir.resolve("registry"), "v1");
        SnapshotFiles.write(dir.resolve("out/features"), Customers.snapshots(5), 1, SnapshotFiles.TimeEncoding.MICROS);

        assertThrows(ModelRejectedException.class, () -> start(config()));
    }

    @Test
    void refusesToStartWithoutAReadableSnapshot() {
        Registries.writeVersion(dir.resolve("registry"), "v1", -3);
        Registries.setCurrent(dir.resolve("registry"), "v1");

        assertThrows(SnapshotFormatException.class, () -> start(config()));
    }

    private ApiConfig config() {
        return ApiConfig.defaults(dir.resolve("registry"), dir.resolve("out").toString(), RunningApi.keys())
                .withAddress("127.0.0.1", 0);
    }

    private static ApiServer start(ApiConfig config) {
        return ApiServer.start(config, TestComponents.create(), new SnapshotReader(new Configuration(), 1),
                Clock.systemUTC());
    }
}

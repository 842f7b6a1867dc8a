package io.paysignal.pipeline.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ModelLocationTest {

    @Test
    void plainPathsAndFileUrisAreLocalFolders() {
        assertEquals(Path.of("runs/models"), ModelLocation.of("runs/models").local());
        assertEquals(Path.of("/data/models"), ModelLocation.of("/data/models").local());
        assertEquals(Path.of("/data/my models"), ModelLocation.of("file:///data/my%20models").local());
        assertEquals(Path.of("/data/models"), ModelLocation.of("file:/data/models").local());
        assertTrue(ModelLocation.of("file:///data/models").isLocal());
    }

    @Test
    void otherSchemesAreRemoteAndKeepTheirText() {
        for (String text : new String[] {"hdfs://namenode:8020/models", "s3a://bucket/models", "abfs://c@a/m"}) {
            ModelLocation location = ModelLocation.of(text);
            assertFalse(location.isLocal(), text);
            assertNull(location.local(), text);
            assertEquals(text, location.toString());
        }
        assertEquals("s3a://bucket/models/.rejected/x", ModelLocation.of("s3a://bucket/models").resolve(".rejected/x"));
        assertEquals("s3a://bucket/models/CURRENT", ModelLocation.of("s3a://bucket/models/").resolve("CURRENT"));
    }

    @Test
    void aFileUriWithAHostOrABlankIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ModelLocation.of("file://host/models"));
        assertThrows(IllegalArgumentException.class, () -> ModelLocation.of(" "));
    }
}

package io.paysignal.api.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelRegistryTest {

    @TempDir
    Path root;

    @Test
    void listsVersionFoldersSortedLeavingOutHiddenStagingAndFiles() throws Exception {
        for (String folder : List.of("v2", "v1", "2026-03-01_abc", ".v3.staging-123", "_tmp")) {
            Files.createDirectories(root.resolve(folder));
        }
        Files.writeString(root.resolve("CURRENT"), "v2");

        assertEquals(List.of("2026-03-01_abc", "v1", "v2"), new ModelRegistry(root).versions());
    }

    @Test
    void currentIsTheTrimmedNameInCurrent() throws Exception {
        Files.createDirectories(root.resolve("v7"));
        Files.writeString(root.resolve("CURRENT"), "  v7\n");

        assertEquals("v7", new ModelRegistry(root).currentVersion());
    }

    @Test
    void aMissingOrBadCurrentIsARejection() throws Exception {
        ModelRegistry registry = new ModelRegistry(root);
        ModelRejectedException missingFile = assertThrows(ModelRejectedException.class, registry::currentVersion);
        assertTrue(missingFile.getMessage().contains("no CURRENT"), missingFile.getMessage());

        Files.writeString(root.resolve("CURRENT"), "../outside");
        assertThrows(ModelRejectedException.class, registry::currentVersion);

        Files.writeString(root.resolve("CURRENT"), "v9");
        ModelRejectedException missingFolder = assertThrows(ModelRejectedException.class, registry::currentVersion);
        assertEquals("v9", missingFolder.version());
    }

    @Test
    void refusesFolderNamesThatLeaveTheRegistry() {
        ModelRegistry registry = new ModelRegistry(root);

        assertThrows(IllegalArgumentException.class, () -> registry.folder(".."));
        assertThrows(IllegalArgumentException.class, () -> registry.folder("a/b"));
        assertEquals(root.toAbsolutePath().resolve("v1"), registry.folder("v1"));
    }
}

package io.paysignal.pipeline.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paysignal.core.bundle.InvalidBundleException;
import io.paysignal.pipeline.testsupport.OtherFileSystem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ModelStore} against a file system java.nio cannot see ({@link OtherFileSystem}): versions copied up
 * and made current without leftovers, bundles copied down and their scratch copy removed, bad locations refused.
 * (Whether a bundle loads is {@code BundleReader}'s business; these folders hold stand-in files.)
 */
class ModelStoreTest {

    private final Configuration conf = OtherFileSystem.configuration();

    @TempDir
    Path dir;

    private Path localVersion(String version, String content) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("built").resolve(version));
        Files.writeString(folder.resolve("manifest.json"), content, StandardCharsets.UTF_8);
        Files.createDirectories(folder.resolve("model"));
        Files.writeString(folder.resolve("model").resolve("weights.bin"), content + "-weights", StandardCharsets.UTF_8);
        return folder;
    }

    private List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void publishCopiesTheVersionUpAndPointsCurrentAtIt() throws IOException {
        Path registry = dir.resolve("registry");
        ModelLocation remote = ModelLocation.of(OtherFileSystem.uri(registry));
        assertFalse(remote.isLocal());

        String first = ModelStore.publish(localVersion("v1", "one"), "v1", remote, conf);
        assertEquals(OtherFileSystem.uri(registry.resolve("v1")), first.replace("otherfs:/", "otherfs:///"));
        assertEquals("v1\n", Files.readString(registry.resolve("CURRENT")));
        assertEquals("one-weights", Files.readString(registry.resolve("v1/model/weights.bin")));

        ModelStore.publish(localVersion("v2", "two"), "v2", remote, conf);
        assertEquals("v2\n", Files.readString(registry.resolve("CURRENT")));
        assertEquals(List.of("CURRENT", "v1", "v2"), names(registry), "no staging folder or pointer left behind");

        assertThrows(FileAlreadyExistsException.class,
                () -> ModelStore.publish(localVersion("v1", "again"), "v1", remote, conf));
        assertEquals("one", Files.readString(registry.resolve("v1/manifest.json")), "a version is never replaced");
    }

    @Test
    void fetchCopiesTheCurrentVersionDownUnderItsNameAndCloseRemovesTheCopy() throws IOException {
        Path registry = dir.resolve("registry");
        ModelLocation remote = ModelLocation.of(OtherFileSystem.uri(registry));
        ModelStore.publish(localVersion("v1", "one"), "v1", remote, conf);
        ModelStore.publish(localVersion("v2", "two"), "v2", remote, conf);

        Path scratch;
        try (ModelStore.Local local = ModelStore.fetch(remote, conf)) {
            assertEquals("v2", local.folder().getFileName().toString());
            assertEquals("two", Files.readString(local.folder().resolve("manifest.json")));
            assertEquals("two-weights", Files.readString(local.folder().resolve("model/weights.bin")));
            assertTrue(local.origin().startsWith("otherfs:") && local.origin().endsWith("/registry/v2"),
                    local.origin());
            scratch = local.scratch();
        }
        assertFalse(Files.exists(scratch));

        try (ModelStore.Local version = ModelStore.fetch(ModelLocation.of(OtherFileSystem.uri(registry.resolve("v1"))),
                conf)) {
            assertEquals("one", Files.readString(version.folder().resolve("manifest.json")));
        }
    }

    @Test
    void aLocalLocationIsUsedWhereItLies() throws IOException {
        Path version = localVersion("v1", "one");
        try (ModelStore.Local local = ModelStore.fetch(ModelLocation.of(version), conf)) {
            assertEquals(version, local.folder());
            assertNull(local.scratch());
        }
        assertTrue(Files.exists(version));
    }

    @Test
    void manifestsBringWhatAListingReads() throws IOException {
        Path registry = dir.resolve("registry");
        ModelLocation remote = ModelLocation.of(OtherFileSystem.uri(registry));
        ModelStore.publish(localVersion("v1", "one"), "v1", remote, conf);
        Files.createDirectories(registry.resolve(".rejected/20260101-000000"));
        try (ModelStore.Local local = ModelStore.manifests(remote, conf)) {
            assertEquals(List.of("CURRENT", "v1"), names(local.folder()));
            assertEquals(List.of("manifest.json"), names(local.folder().resolve("v1")));
        }
    }

    @Test
    void locationsThatHoldNoBundleAreRefusedWithTheReason() throws IOException {
        Path registry = Files.createDirectories(dir.resolve("registry"));
        String empty = OtherFileSystem.uri(registry);
        assertTrue(assertThrows(InvalidBundleException.class, () -> ModelStore.fetch(ModelLocation.of(empty), conf))
                .getMessage().contains("is neither a model registry"));
        String missing = OtherFileSystem.uri(dir.resolve("nothing"));
        assertTrue(assertThrows(InvalidBundleException.class, () -> ModelStore.fetch(ModelLocation.of(missing), conf))
                .getMessage().contains("is not a folder"));
        Files.writeString(registry.resolve("CURRENT"), "v9\n");
        assertTrue(assertThrows(InvalidBundleException.class, () -> ModelStore.fetch(ModelLocation.of(empty), conf))
                .getMessage().contains("names current version v9 but has no such folder"));
        Files.writeString(registry.resolve("CURRENT"), "../escape\n");
        assertTrue(assertThrows(InvalidBundleException.class, () -> ModelStore.fetch(ModelLocation.of(empty), conf))
                .getMessage().contains("names no valid version"));
    }
}

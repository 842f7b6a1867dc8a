package io.paysignal.core.bundle;

import io.paysignal.core.testsupport.BundleFixtures;
import io.paysignal.core.testsupport.BundleFixtures.Learner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelRegistryTest {

    private BundleWriter first;
    private BundleWriter second;

    @BeforeAll
    void fit() {
        first = BundleFixtures.writer(Learner.LINEAR, 1);
        second = BundleFixtures.writer(Learner.LINEAR, 2);
    }

    @Test
    void publishCreatesTheVersionFolderAndPointsCurrentAtIt(@TempDir Path dir) throws IOException {
        ModelRegistry registry = new ModelRegistry(dir.resolve("models"));
        Path folder = registry.publish("20260115-100000-aaaa", first);

        assertEquals(dir.resolve("models/20260115-100000-aaaa"), folder);
        assertEquals("20260115-100000-aaaa\n", Files.readString(dir.resolve("models/CURRENT")));
        assertEquals(Optional.of("20260115-100000-aaaa"), registry.currentVersion());
        assertEquals(List.of(), hiddenEntries(registry.root()), "no temporary files remain");
    }

    @Test
    void whileABundleIsBeingWrittenItIsNeitherAVersionNorCurrent(@TempDir Path dir) throws IOException {
        ModelRegistry registry = new ModelRegistry(dir);
        registry.publish("v1", first);
        List<String> observed = new ArrayList<>();

        registry.publish("v2", second, staging -> {
            observed.add(staging.getFileName().toString());
            assertFalse(Files.exists(dir.resolve("v2")), "the version folder appears only by the final rename");
            assertEquals(List.of("v1"), registry.list().stream().map(RegistryEntry::version).toList());
            assertEquals(Optional.of("v1"), registry.currentVersion(), "CURRENT moves only after the rename");
            assertEquals(dir.resolve("v1"), ModelRegistry.resolve(dir));
            Files.writeString(staging.resolve("rejects.csv"), "table,line,key,reason,raw\n");
        });

        assertTrue(observed.get(0).startsWith(".tmp-v2-"), observed.toString());
        assertEquals(Optional.of("v2"), registry.currentVersion());
        assertTrue(Files.isRegularFile(dir.resolve("v2/rejects.csv")), "extra files travel with the version");
        assertEquals(List.of(), hiddenEntries(dir));
    }

    @Test
    void aPublishedVersionIsNeverOverwritten(@TempDir Path dir) throws IOException {
        ModelRegistry registry = new ModelRegistry(dir);
        registry.publish("v1", first);
        byte[] manifestBefore = Files.readAllBytes(dir.resolve("v1/manifest.json"));

        FileAlreadyExistsException refused = assertThrows(FileAlreadyExistsException.class,
                () -> registry.publish("v1", second));
        assertTrue(refused.getMessage().contains("never reused"), refused.getMessage());
        assertArrayEquals(manifestBefore, Files.readAllBytes(dir.resolve("v1/manifest.json")));
        assertEquals(Optional.of("v1"), registry.currentVersion());
    }

    @Test
    void aFailedPublishLeavesNoTraceAndKeepsCurrent(@TempDir Path dir) throws IOException {
        ModelRegistry registry = new ModelRegistry(dir);
        registry.publish("v1", first);

        assertThrows(IOException.class, () -> registry.publish("v2", second, staging -> {
            throw new IOException("disk full while writing rejects");
        }));
        assertFalse(Files.exists(dir.resolve("v2")));
        assertEquals(List.of(), hiddenEntries(dir));
        assertEquals(Optional.of("v1"), registry.currentVersion());
    }

    @Test
    void listShowsEveryVersionWithHeadlineMetricsAndFlagsTheCurrentOne(@TempDir Path dir) throws IOException {
        ModelRegistry registry = new ModelRegistry(dir);
        assertEquals(List.of(), registry.list(), "a registry that does not exist yet is empty");
        registry.publish("20260101-000000-aaaa", first);
        registry.publish("20260201-000000-bbbb", second);
        Files.createDirectory(dir.resolve("20260301-000000-broken"));

        List<RegistryEntry> entries = registry.list();
        assertEquals(List.of("20260101-000000-aaaa", "20260201-000000-bbbb", "20260301-000000-broken"),
                entries.stream().map(RegistryEntry::version).toList());
        assertFalse(entries.get(0).current());
        assertTrue(entries.get(1).current());
        assertEquals(second.manifest().chosenCalibrated(), entries.get(1).headline().orElseThrow());
        assertFalse(entries.get(2).readable());
        assertTrue(entries.get(2).problem().contains("manifest.json is missing"), entries.get(2).problem());
        assertNull(entries.get(2).manifest());
    }

    @Test
    void makeCurrentRollsBackToAnEarlierVersion(@TempDir Path dir) throws IOException {
        ModelRegistry registry = new ModelRegistry(dir);
        registry.publish("v1", first);
        registry.publish("v2", second);
        registry.makeCurrent("v1");
        assertEquals(Optional.of("v1"), registry.currentVersion());
        assertThrows(InvalidBundleException.class, () -> registry.makeCurrent("v9"));
    }

    @Test
    void resolveAcceptsARegistryOrAVersionFolderAndNothingElse(@TempDir Path dir) throws IOException {
        ModelRegistry registry = new ModelRegistry(dir.resolve("models"));
        registry.publish("v1", first);
        registry.publish("v2", second);

        assertEquals(dir.resolve("models/v2"), ModelRegistry.resolve(dir.resolve("models")));
        assertEquals(dir.resolve("models/v1"), ModelRegistry.resolve(dir.resolve("models/v1")));
        InvalidBundleException neither = assertThrows(InvalidBundleException.class,
                () -> ModelRegistry.resolve(dir));
        assertTrue(neither.getMessage().contains("neither a model registry"), neither.getMessage());
        assertThrows(InvalidBundleException.class, () -> ModelRegistry.resolve(dir.resolve("missing")));

        Files.writeString(dir.resolve("models/CURRENT"), "v7\n");
        InvalidBundleException dangling = assertThrows(InvalidBundleException.class,
                () -> ModelRegistry.resolve(dir.resolve("models")));
        assertTrue(dangling.getMessage().contains("no such folder"), dangling.getMessage());
    }

    @Test
    void versionNamesMustBePlainFolderNames(@TempDir Path dir) {
        ModelRegistry registry = new ModelRegistry(dir);
        for (String bad : new String[] {"../escape", ".hidden", "CURRENT", "a/b", "", "-x"}) {
            assertThrows(IllegalArgumentException.class, () -> registry.publish(bad, first), bad);
            assertThrows(IllegalArgumentException.class, () -> registry.folder(bad), bad);
        }
        assertEquals(dir.resolve("v1"), registry.folder("v1"));
    }

    @Test
    void versionsAreThePublishedFoldersLeavingOutHiddenOnesAndOtherNames(@TempDir Path dir) throws IOException {
        ModelRegistry registry = new ModelRegistry(dir);
        assertEquals(List.of(), registry.versions(), "a registry that does not exist yet has no versions");
        registry.publish("v2", first);
        registry.publish("v1", first);
        Files.createDirectories(dir.resolve(".rejected").resolve("20260101-000000"));
        Files.createDirectories(dir.resolve(".tmp-v3-abcd1234"));
        Files.createDirectories(dir.resolve("not a version"));

        assertEquals(List.of("v1", "v2"), registry.versions());
        assertEquals(List.of("v1", "v2"), registry.list().stream().map(RegistryEntry::version).toList());
    }

    private static List<String> hiddenEntries(Path root) throws IOException {
        try (Stream<Path> children = Files.list(root)) {
            return children.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
        }
    }
}

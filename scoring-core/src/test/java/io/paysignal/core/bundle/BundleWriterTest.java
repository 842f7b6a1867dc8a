package io.paysignal.core.bundle;

import io.paysignal.core.testsupport.BundleFixtures;
import io.paysignal.core.testsupport.BundleFixtures.Fitted;
import io.paysignal.core.testsupport.BundleFixtures.Learner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BundleWriterTest {

    @Test
    void writesTheModelFileAndTheManifestAndNothingElse(@TempDir Path dir) throws IOException {
        BundleWriter writer = BundleFixtures.writer(Learner.LINEAR, 5);
        Path folder = dir.resolve("v1");
        writer.writeTo(folder);
        try (var files = Files.list(folder)) {
            assertEquals(java.util.Set.of(BundleWriter.MODEL_FILE, BundleReader.MANIFEST_FILE),
                    files.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()));
        }
        assertTrue(Files.readString(folder.resolve(BundleReader.MANIFEST_FILE)).contains("\"formatVersion\" : 1"));
    }

    @Test
    void neverOverwritesAnExistingBundle(@TempDir Path dir) throws IOException {
        BundleWriter writer = BundleFixtures.writer(Learner.LINEAR, 5);
        writer.writeTo(dir);
        byte[] before = Files.readAllBytes(dir.resolve(BundleWriter.MODEL_FILE));
        assertThrows(FileAlreadyExistsException.class, () -> writer.writeTo(dir));
        assertEquals(java.util.Arrays.toString(before),
                java.util.Arrays.toString(Files.readAllBytes(dir.resolve(BundleWriter.MODEL_FILE))));
    }

    @Test
    void refusesAManifestWhoseChecksumDescribesAnotherModel() {
        Fitted first = BundleFixtures.fit(Learner.LINEAR, 5);
        Fitted second = BundleFixtures.fit(Learner.LINEAR, 6);
        SerializedModel firstModel = SerializedModel.of(first.model());
        BundleManifest manifest = BundleFixtures.manifest(first, firstModel, Learner.LINEAR);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new BundleWriter(manifest, SerializedModel.of(second.model())));
        assertTrue(refused.getMessage().contains("does not describe the model"), refused.getMessage());
    }
}

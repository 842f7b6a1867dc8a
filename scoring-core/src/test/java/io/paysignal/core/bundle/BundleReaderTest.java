package io.paysignal.core.bundle;

import io.paysignal.core.feature.FeatureVector;
import io.paysignal.core.model.ScoredRisk;
import io.paysignal.core.testsupport.BundleFixtures;
import io.paysignal.core.testsupport.BundleFixtures.Fitted;
import io.paysignal.core.testsupport.BundleFixtures.Learner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BundleReaderTest {

    private static final FeatureSchema SCHEMA = new FeatureSchema(BundleFixtures.SCHEMA_VERSION,
            BundleFixtures.FEATURES);

    private Fitted fittedLinear;
    private Fitted fittedXgboost;
    private BundleWriter linear;
    private BundleWriter xgboost;

    @BeforeAll
    void fitModels() {
        fittedLinear = BundleFixtures.fit(Learner.LINEAR, 3);
        fittedXgboost = BundleFixtures.fit(Learner.XGBOOST, 3);
        linear = writerFor(fittedLinear, Learner.LINEAR);
        xgboost = writerFor(fittedXgboost, Learner.XGBOOST);
    }

    private static BundleWriter writerFor(Fitted fitted, Learner learner) {
        SerializedModel serialized = SerializedModel.of(fitted.model());
        return new BundleWriter(BundleFixtures.manifest(fitted, serialized, learner), serialized);
    }

    private static List<FeatureVector> vectors(int count) {
        Random random = new Random(99);
        List<FeatureVector> vectors = new ArrayList<>();
        for (double[] row : BundleFixtures.rows(random, count)) {
            vectors.add(BundleFixtures.vector("c" + vectors.size(), row));
        }
        return vectors;
    }

    @ParameterizedTest
    @EnumSource(Learner.class)
    void aWrittenBundleReadsBackWithTheSameManifestAndIdenticalScores(Learner learner, @TempDir Path dir)
            throws IOException {
        BundleWriter writer = learner == Learner.LINEAR ? linear : xgboost;
        Fitted fitted = learner == Learner.LINEAR ? fittedLinear : fittedXgboost;
        Path folder = dir.resolve("20260115-100000-abc123");
        writer.writeTo(folder);

        ModelBundle read = new BundleReader().read(folder, SCHEMA);
        assertEquals(writer.manifest(), read.manifest());
        assertEquals("20260115-100000-abc123", read.version());

        List<FeatureVector> vectors = vectors(50);
        ModelBundle inMemory = ModelBundle.of("in-memory", writer.manifest(), fitted.model());
        List<ScoredRisk> expected = inMemory.scoreAll(vectors);
        assertEquals(expected, read.scoreAll(vectors));
        assertTrue(Arrays.equals(inMemory.rawScores(vectors), read.rawScores(vectors)));
    }

    @Test
    void aTruncatedModelFileIsRefusedAsCorruptOrTruncated(@TempDir Path dir) throws IOException {
        Path folder = dir.resolve("v");
        linear.writeTo(folder);
        Path model = folder.resolve(BundleWriter.MODEL_FILE);
        byte[] bytes = Files.readAllBytes(model);
        Files.write(model, Arrays.copyOf(bytes, bytes.length / 2));

        InvalidBundleException refused = assertThrows(InvalidBundleException.class,
                () -> new BundleReader().read(folder, SCHEMA));
        assertTrue(refused.getMessage().contains("corrupt or truncated"), refused.getMessage());
    }

    @Test
    void aModelFileWithOneChangedByteIsRefused(@TempDir Path dir) throws IOException {
        Path folder = dir.resolve("v");
        linear.writeTo(folder);
        Path model = folder.resolve(BundleWriter.MODEL_FILE);
        byte[] bytes = Files.readAllBytes(model);
        bytes[bytes.length / 3] ^= 0x5A;
        Files.write(model, bytes);

        InvalidBundleException refused = assertThrows(InvalidBundleException.class,
                () -> new BundleReader().read(folder));
        assertTrue(refused.getMessage().contains("corrupt or truncated"), refused.getMessage());
    }

    @Test
    void aModelFileThatMatchesItsChecksumButIsNotAModelIsRefused(@TempDir Path dir) throws IOException {
        Path folder = dir.resolve("v");
        linear.writeTo(folder);
        byte[] garbage = "this is not a protobuf model".getBytes(StandardCharsets.UTF_8);
        Files.write(folder.resolve(BundleWriter.MODEL_FILE), garbage);
        replaceInManifest(folder, linear.manifest().modelSha256(), SerializedModel.sha256Of(garbage));

        InvalidBundleException refused = assertThrows(InvalidBundleException.class,
                () -> new BundleReader().read(folder));
        assertTrue(refused.getMessage().contains("not a readable Tribuo model"), refused.getMessage());
    }

    @Test
    void aMissingModelFileOrManifestIsRefused(@TempDir Path dir) throws IOException {
        Path folder = dir.resolve("v");
        linear.writeTo(folder);
        Files.delete(folder.resolve(BundleWriter.MODEL_FILE));
        InvalidBundleException noModel = assertThrows(InvalidBundleException.class,
                () -> new BundleReader().read(folder));
        assertTrue(noModel.getMessage().contains("is missing"), noModel.getMessage());

        Files.delete(folder.resolve(BundleReader.MANIFEST_FILE));
        InvalidBundleException noManifest = assertThrows(InvalidBundleException.class,
                () -> new BundleReader().read(folder));
        assertTrue(noManifest.getMessage().contains("manifest.json is missing"), noManifest.getMessage());
    }

    @Test
    void aNewerFormatVersionIsRefusedWithAnUpgradeHint(@TempDir Path dir) throws IOException {
        Path folder = dir.resolve("v");
        linear.writeTo(folder);
        replaceInManifest(folder, "\"formatVersion\" : 1", "\"formatVersion\" : 2");

        InvalidBundleException refused = assertThrows(InvalidBundleException.class,
                () -> new BundleReader().read(folder, SCHEMA));
        assertTrue(refused.getMessage().contains("format version 2, newer than this build reads"),
                refused.getMessage());
    }

    @Test
    void anUnknownOrMissingFormatVersionIsRefused(@TempDir Path dir) throws IOException {
        Path folder = dir.resolve("v");
        linear.writeTo(folder);
        replaceInManifest(folder, "\"formatVersion\" : 1", "\"formatVersion\" : 0");
        InvalidBundleException unknown = assertThrows(InvalidBundleException.class,
                () -> new BundleReader().read(folder));
        assertTrue(unknown.getMessage().contains("unknown bundle format version 0"), unknown.getMessage());

        replaceInManifest(folder, "\"formatVersion\" : 0", "\"format\" : 1");
        InvalidBundleException missing = assertThrows(InvalidBundleException.class,
                () -> new BundleReader().read(folder));
        assertTrue(missing.getMessage().contains("no integer formatVersion"), missing.getMessage());
    }

    @Test
    void aManifestThatIsNotJsonOrBreaksAnInvariantIsRefused(@TempDir Path dir) throws IOException {
        Path folder = dir.resolve("v");
        linear.writeTo(folder);
        Path manifest = folder.resolve(BundleReader.MANIFEST_FILE);
        String json = Files.readString(manifest);
        Files.writeString(manifest, json.substring(0, json.length() / 2));
        InvalidBundleException truncated = assertThrows(InvalidBundleException.class,
                () -> new BundleReader().read(folder));
        assertTrue(truncated.getMessage().contains("not valid JSON"), truncated.getMessage());

        Files.writeString(manifest, json.replace("\"medium\" : ", "\"medium\" : 7"));
        InvalidBundleException invalid = assertThrows(InvalidBundleException.class,
                () -> new BundleReader().read(folder));
        assertTrue(invalid.getMessage().contains("cut-offs must satisfy"), invalid.getMessage());
    }

    @Test
    void aFeatureSchemaMismatchIsRefusedNamingTheDifference(@TempDir Path dir) throws IOException {
        Path folder = dir.resolve("v");
        linear.writeTo(folder);

        List<String> extra = new ArrayList<>(BundleFixtures.FEATURES);
        extra.add("disputes_365d");
        InvalidBundleException moreFeatures = assertThrows(InvalidBundleException.class,
                () -> new BundleReader().read(folder, new FeatureSchema("fixture-features-v2", extra)));
        assertTrue(moreFeatures.getMessage().contains("missing features [disputes_365d]"),
                moreFeatures.getMessage());
        assertTrue(moreFeatures.getMessage().contains("schema version fixture-features-v1 instead of"
                + " fixture-features-v2"), moreFeatures.getMessage());

        List<String> reordered = new ArrayList<>(BundleFixtures.FEATURES);
        java.util.Collections.reverse(reordered);
        InvalidBundleException order = assertThrows(InvalidBundleException.class,
                () -> new BundleReader().read(folder, new FeatureSchema(BundleFixtures.SCHEMA_VERSION, reordered)));
        assertTrue(order.getMessage().contains("different order"), order.getMessage());
    }

    private static void replaceInManifest(Path folder, String from, String to) throws IOException {
        Path manifest = folder.resolve(BundleReader.MANIFEST_FILE);
        String json = Files.readString(manifest);
        assertTrue(json.contains(from), "manifest should contain " + from);
        Files.writeString(manifest, json.replace(from, to));
    }
}

package io.paysignal.pipeline.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.common.xgboost.XGBoostTrainer.TreeMethod;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainerConfigTest {

    @Test
    void theBundledVersionOneConfigurationNamesThreeCandidates() throws IOException {
        TrainerConfig config = TrainerConfig.bundled("trainers-v1");
        assertEquals("trainers-v1", config.version());
        assertEquals(List.of(LearnerKind.LINEAR_SGD_LOGISTIC, LearnerKind.XGBOOST, LearnerKind.FACTORIZATION_MACHINE),
                config.candidates().stream().map(CandidateSpec::kind).toList());
        assertEquals(200, config.candidates().get(1).intParameter("trees"));
        assertEquals(0.10, config.highShare(), 1e-12);
        assertEquals("400000", config.settings().get("rows.max"));
    }

    @Test
    void everyBundledCandidateBuildsATrainer() throws IOException {
        for (String name : List.of("trainers-v1", "trainers-v2")) {
            TrainerConfig config = TrainerConfig.bundled(name);
            for (CandidateSpec spec : config.candidates()) {
                assertTrue(CandidateTrainers.create(spec, config.seed()) != null, name + " " + spec.name());
            }
        }
    }

    @Test
    void versionTwoIsTheDefaultAndDiffersFromVersionOneOnlyInLearnerSettings() throws IOException {
        TrainerConfig v1 = TrainerConfig.bundled("trainers-v1");
        TrainerConfig v2 = TrainerConfig.bundled(TrainerConfig.DEFAULT_NAME);
        assertEquals("trainers-v2", v2.version());
        Map<String, String> changed = new TreeMap<>();
        v2.settings().forEach((key, value) -> {
            if (!value.equals(v1.settings().get(key))) {
                changed.put(key, value);
            }
        });
        v1.settings().keySet().stream().filter(key -> !v2.settings().containsKey(key))
                .forEach(key -> changed.put(key, "(removed)"));
        assertEquals(Map.of("config.version", "trainers-v2", "xgboost.tree.method", "hist", "xgboost.threads", "2",
                "logistic.epochs", "5", "fm.epochs", "5"), changed);
    }

    @Test
    void theXgboostTreeMethodIsPassedToXgboostAndDefaultsToAuto() throws IOException {
        CandidateSpec v1 = TrainerConfig.bundled("trainers-v1").candidates().get(1);
        CandidateSpec v2 = TrainerConfig.bundled("trainers-v2").candidates().get(1);
        // The trainer's description lists the parameter map handed to XGBoost.
        String v1Trainer = CandidateTrainers.create(v1, 1).toString();
        String v2Trainer = CandidateTrainers.create(v2, 1).toString();
        assertTrue(v1Trainer.contains("tree_method=auto") && v1Trainer.contains("nthread=1"), v1Trainer);
        assertTrue(v2Trainer.contains("tree_method=hist") && v2Trainer.contains("nthread=2"), v2Trainer);
        assertEquals(TreeMethod.EXACT, CandidateTrainers.treeMethod(" Exact "));
        IllegalArgumentException gpu = assertThrows(IllegalArgumentException.class,
                () -> CandidateTrainers.treeMethod("gpu_hist"));
        assertTrue(gpu.getMessage().contains("tree.method must be one of auto, exact, approx, hist"), gpu.getMessage());
    }

    @Test
    void aConfigurationIsTakenFromAFileOrElseByItsBundledName(@TempDir Path dir) throws IOException {
        assertEquals("trainers-v1", TrainerConfig.fileOrBundled("trainers-v1").version());
        Path file = dir.resolve("trainers-v1");
        Files.writeString(file, String.join("\n", "config.version=from-file", "seed=3", "candidates=lr",
                "rows.max=5000", "tiers.high.share=0.05", "tiers.elevated.share=0.2",
                "lr.learner=linear-sgd-logistic"));
        assertEquals("from-file", TrainerConfig.fileOrBundled(file.toString()).version());
        IOException neither = assertThrows(IOException.class,
                () -> TrainerConfig.fileOrBundled(dir.resolve("absent.properties").toString()));
        assertTrue(neither.getMessage().contains("absent.properties"), neither.getMessage());
        IOException unknownName = assertThrows(IOException.class, () -> TrainerConfig.fileOrBundled("trainers-v99"));
        assertTrue(unknownName.getMessage().contains("trainers-v99"), unknownName.getMessage());
    }

    @Test
    void aConfigurationFileLoadsFromDiskAndTheRowCapCanBeOverridden(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("trainers-test.properties");
        Files.writeString(file, String.join("\n", "config.version=trainers-test", "seed=3", "candidates=lr",
                "rows.max=5000", "tiers.high.share=0.05", "tiers.elevated.share=0.2",
                "lr.learner=linear-sgd-logistic", "lr.epochs=1"));
        TrainerConfig config = TrainerConfig.load(file).withMaxTrainingRows(1000);
        assertEquals(1000, config.maxTrainingRows());
        assertEquals("1000", config.settings().get("rows.max"));
        assertEquals(1, config.candidates().get(0).intParameter("epochs"));
    }

    @Test
    void missingOrMalformedKeysAreNamed() {
        Properties properties = new Properties();
        properties.setProperty("config.version", "x");
        properties.setProperty("seed", "1");
        properties.setProperty("candidates", "lr");
        properties.setProperty("rows.max", "5000");
        properties.setProperty("tiers.high.share", "0.1");
        properties.setProperty("tiers.elevated.share", "0.3");
        IllegalArgumentException noLearner = assertThrows(IllegalArgumentException.class,
                () -> TrainerConfig.parse(properties, "test.properties"));
        assertTrue(noLearner.getMessage().contains("test.properties: missing key lr.learner"), noLearner.getMessage());

        properties.setProperty("lr.learner", "random-forest");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> TrainerConfig.parse(properties, "test.properties"));
        assertTrue(unknown.getMessage().contains("unknown learner 'random-forest'"), unknown.getMessage());

        properties.setProperty("lr.learner", "linear-sgd-logistic");
        properties.setProperty("lr.epochs", "ten");
        CandidateSpec spec = TrainerConfig.parse(properties, "test.properties").candidates().get(0);
        IllegalArgumentException malformed = assertThrows(IllegalArgumentException.class,
                () -> spec.intParameter("epochs"));
        assertTrue(malformed.getMessage().contains("lr.epochs must be an integer"), malformed.getMessage());
        assertThrows(IllegalArgumentException.class, () -> spec.doubleParameter("learning.rate"));
    }

    @Test
    void aMissingBundledConfigurationIsReported() {
        IOException missing = assertThrows(IOException.class, () -> TrainerConfig.bundled("trainers-v99"));
        assertTrue(missing.getMessage().contains("trainers-v99"));
    }
}

package io.paysignal.pipeline.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

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
        TrainerConfig config = TrainerConfig.bundled("trainers-v1");
        for (CandidateSpec spec : config.candidates()) {
            assertTrue(CandidateTrainers.create(spec, config.seed()) != null, spec.name());
        }
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

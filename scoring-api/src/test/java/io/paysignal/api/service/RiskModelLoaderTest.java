package io.paysignal.api.service;

import io.paysignal.api.testsupport.LedgerFeatureSource;
import io.paysignal.api.testsupport.PropertiesModelReader;
import io.paysignal.api.testsupport.Registries;
import io.paysignal.core.feature.FeatureVector;
import io.paysignal.core.policy.RiskTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RiskModelLoaderTest {

    private static final List<String> NAMES = LedgerFeatureSource.NAMES;
    private static final List<FeatureVector> CANARIES = List.of(
            new FeatureVector("a", LocalDate.of(2026, 3, 1), NAMES, new double[] {1, 100, 10, 1}),
            new FeatureVector("b", LocalDate.of(2026, 3, 1), NAMES, new double[] {3, 900, 80, 4}));

    @TempDir
    Path root;

    @Test
    void loadsAValidVersion() {
        Registries.writeVersion(root, "v1", -3);
        Registries.setCurrent(root, "v1");

        RiskModel model = loader(new PropertiesModelReader()).loadCurrent(CANARIES);

        assertEquals("v1", model.version());
    }

    @Test
    void rejectsAModelExpectingOtherFeaturesNamingTheDifference() {
        Registries.writeVersion(root, "v1", List.of("open_invoice_count", "open_balance", "max_days_past_due", "new_one"),
                -3, "1,1,1,1");

        ModelRejectedException e = assertThrows(ModelRejectedException.class,
                () -> loader(new PropertiesModelReader()).load("v1", CANARIES));

        assertTrue(e.getMessage().contains("[new_one]") && e.getMessage().contains("[contacts_35d]"), e.getMessage());
    }

    @Test
    void rejectsTheSameFeaturesInAnotherOrder() {
        Registries.writeVersion(root, "v1", List.of("open_balance", "open_invoice_count", "max_days_past_due",
                "contacts_35d"), -3, "1,1,1,1");

        ModelRejectedException e = assertThrows(ModelRejectedException.class,
                () -> loader(new PropertiesModelReader()).load("v1", CANARIES));

        assertTrue(e.getMessage().contains("different order"), e.getMessage());
    }

    @Test
    void rejectsAModelWhoseCanaryScoreIsInvalid() {
        Registries.writeVersion(root, "v1", NAMES, -3, "0.2,NaN,0.05,0.1");

        ModelRejectedException e = assertThrows(ModelRejectedException.class,
                () -> loader(new PropertiesModelReader()).load("v1", CANARIES));

        assertTrue(e.getMessage().contains("canary score for customer a failed"), e.getMessage());
    }

    @Test
    void rejectsAModelThatAnswersDifferentlyTwice() {
        Registries.writeVersion(root, "v1", -3);
        AtomicInteger calls = new AtomicInteger();
        RiskModelReader drifting = folder -> {
            RiskModel real = new PropertiesModelReader().read(folder);
            return new RiskModel() {
                @Override
                public ModelInfo info() {
                    return real.info();
                }

                @Override
                public ScoreResult score(FeatureVector features) {
                    return new ScoreResult(calls.incrementAndGet() % 2 == 0 ? 0.1 : 0.2, RiskTier.LOW, List.of());
                }
            };
        };

        ModelRejectedException e = assertThrows(ModelRejectedException.class, () -> loader(drifting).load("v1", CANARIES));

        assertTrue(e.getMessage().contains("differently"), e.getMessage());
    }

    @Test
    void rejectsAnUnreadableBundleOrNoModel() {
        RiskModelReader failing = folder -> {
            throw new IOException("disk on fire");
        };

        ModelRejectedException unreadable = assertThrows(ModelRejectedException.class,
                () -> loader(failing).load("v1", CANARIES));
        ModelRejectedException none = assertThrows(ModelRejectedException.class,
                () -> loader(folder -> null).load("v1", CANARIES));

        assertTrue(unreadable.getMessage().contains("disk on fire"), unreadable.getMessage());
        assertTrue(none.getMessage().contains("no model"), none.getMessage());
    }

    @Test
    void scoresAVectorOfZerosWhenThereAreNoCanaryCustomers() {
        Registries.writeVersion(root, "v1", NAMES, -3, "0.2,0.001,0.05,0.1");
        AtomicInteger scored = new AtomicInteger();
        RiskModelReader counting = folder -> {
            RiskModel real = new PropertiesModelReader().read(folder);
            return new RiskModel() {
                @Override
                public ModelInfo info() {
                    return real.info();
                }

                @Override
                public ScoreResult score(FeatureVector features) {
                    scored.incrementAndGet();
                    return real.score(features);
                }
            };
        };

        loader(counting).load("v1", List.of());

        assertEquals(3, scored.get(), "the zeros vector, then twice more for the repeatability check");
    }

    private RiskModelLoader loader(RiskModelReader reader) {
        return new RiskModelLoader(new ModelRegistry(root), reader, NAMES);
    }
}

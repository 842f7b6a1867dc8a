package io.paysignal.core.bundle;

import io.paysignal.core.feature.FeatureVector;
import io.paysignal.core.model.ScoredRisk;
import io.paysignal.core.policy.RiskTier;
import io.paysignal.core.testsupport.BundleFixtures;
import io.paysignal.core.testsupport.BundleFixtures.Learner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Bundles frozen when format version 1 was current must load and score the same forever (or until the reader
 * deliberately drops format 1). The fixtures under {@code src/test/resources/io/paysignal/core/bundle/frozen}
 * are never regenerated for an existing format version.
 */
class FrozenBundleFixtureTest {

    private static final FeatureSchema FIXTURE_SCHEMA =
            new FeatureSchema(BundleFixtures.SCHEMA_VERSION, BundleFixtures.FEATURES);

    // Values printed by freezeFormatOneFixtures when the fixtures were made.
    private static final double LINEAR_RAW = 0.6965843457126614;
    private static final double LINEAR_RISK = 0.6;
    private static final RiskTier LINEAR_TIER = RiskTier.MEDIUM;
    private static final List<String> LINEAR_CODES = List.of("HIGH_DPD_90D", "OPEN_BALANCE_SHARE", "TENURE_DAYS");
    private static final double XGBOOST_RAW = 0.630046010017395;
    private static final double XGBOOST_RISK = 0.5918367346938775;
    private static final RiskTier XGBOOST_TIER = RiskTier.LOW;
    private static final List<String> XGBOOST_CODES = List.of("OPEN_BALANCE_SHARE");

    private static final FeatureVector KNOWN = BundleFixtures.vector("c-frozen", 35, 0.7, 4, 900);

    private static Path frozen(String name) throws URISyntaxException {
        return Path.of(FrozenBundleFixtureTest.class.getResource("frozen/" + name).toURI());
    }

    @Test
    void formatOneLinearBundleStillLoadsAndScoresAKnownVectorToItsKnownValue() throws Exception {
        ModelBundle bundle = new BundleReader().read(frozen("v1-linear"), FIXTURE_SCHEMA);
        assertEquals(1, bundle.manifest().formatVersion());
        assertEquals("v1-linear", bundle.version());
        assertEquals(LINEAR_RAW, bundle.rawScores(List.of(KNOWN))[0], 1e-12);
        ScoredRisk risk = bundle.score(KNOWN);
        assertEquals(LINEAR_RISK, risk.riskScore(), 1e-12);
        assertEquals(LINEAR_TIER, risk.tier());
        assertEquals(LINEAR_CODES, risk.reasonCodes());
    }

    @Test
    void formatOneXgboostBundleStillLoadsAndScoresAKnownVectorToItsKnownValue() throws Exception {
        ModelBundle bundle = new BundleReader().read(frozen("v1-xgboost"), FIXTURE_SCHEMA);
        assertEquals(XGBOOST_RAW, bundle.rawScores(List.of(KNOWN))[0], 1e-12);
        ScoredRisk risk = bundle.score(KNOWN);
        assertEquals(XGBOOST_RISK, risk.riskScore(), 1e-12);
        assertEquals(XGBOOST_TIER, risk.tier());
        assertEquals(XGBOOST_CODES, risk.reasonCodes());
    }

    /**
     * Writes the format-1 fixtures. Runs only with {@code -Dpaysignal.freezeBundleFixtures=v1}, from the
     * scoring-core folder, and refuses to replace existing fixtures.
     */
    @Test
    @EnabledIfSystemProperty(named = "paysignal.freezeBundleFixtures", matches = "v1")
    void freezeFormatOneFixtures() throws Exception {
        Path target = Path.of("src/test/resources/io/paysignal/core/bundle/frozen");
        for (Learner learner : Learner.values()) {
            Path folder = target.resolve("v1-" + learner.name().toLowerCase());
            assertFalse(Files.exists(folder), folder + " exists: frozen fixtures are never regenerated");
            BundleFixtures.writer(learner, 20260115L).writeTo(folder);
            ModelBundle bundle = new BundleReader().read(folder, FIXTURE_SCHEMA);
            ScoredRisk risk = bundle.score(KNOWN);
            double raw = bundle.rawScores(List.of(KNOWN))[0];
            System.out.println("FROZEN " + learner + " raw=" + raw + " risk=" + risk.riskScore() + " tier="
                    + risk.tier() + " codes=" + risk.reasonCodes());
        }
    }
}

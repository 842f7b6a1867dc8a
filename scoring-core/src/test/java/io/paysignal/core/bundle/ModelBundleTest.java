package io.paysignal.core.bundle;

import io.paysignal.core.feature.FeatureVector;
import io.paysignal.core.model.ReasonCodes;
import io.paysignal.core.model.ScoreReason;
import io.paysignal.core.model.ScoredRisk;
import io.paysignal.core.testsupport.BundleFixtures;
import io.paysignal.core.testsupport.BundleFixtures.Fitted;
import io.paysignal.core.testsupport.BundleFixtures.Learner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelBundleTest {

    private ModelBundle bundle;

    @BeforeAll
    void fit() {
        Fitted fitted = BundleFixtures.fit(Learner.LINEAR, 17);
        bundle = ModelBundle.of("test-version", BundleFixtures.manifest(fitted,
                SerializedModel.of(fitted.model()), Learner.LINEAR), fitted.model());
    }

    @Test
    void theRiskScoreIsTheCalibratedRawScoreAndTheTierFollowsTheCutoffs() {
        FeatureVector vector = BundleFixtures.vector("c1", 40, 0.9, 8, 200);
        double raw = bundle.rawScores(List.of(vector))[0];
        ScoredRisk risk = bundle.score(vector);
        assertEquals(bundle.manifest().calibration().apply(raw), risk.riskScore(), 0.0);
        assertEquals(bundle.manifest().tierCutoffs().tierOf(risk.riskScore()), risk.tier());
    }

    @Test
    void reasonsAreTheFeaturesWhoseTypicalValueWouldLowerTheScoreMost() {
        // Far past due, mostly open, short tenure: all three push the fixture's true risk up.
        ScoredRisk risk = bundle.score(BundleFixtures.vector("c1", 59, 1.0, 6, 10));
        assertEquals("HIGH_DPD_90D", risk.reasonCodes().get(0), risk.reasons().toString());
        assertTrue(risk.reasons().stream().allMatch(r -> r.scoreIncrease() > 0));
        List<Double> increases = risk.reasons().stream().map(ScoreReason::scoreIncrease).toList();
        for (int i = 1; i < increases.size(); i++) {
            assertTrue(increases.get(i) <= increases.get(i - 1));
        }
        assertEquals(String.join(";", risk.reasonCodes()), risk.reasonCodesCell());
    }

    @Test
    void reasonsMatchAFullOneFeatureAtATimeComputationWhenSomeFeaturesSitAtTheReference() {
        double[] reference = bundle.manifest().referenceValues();
        double[] values = {50, reference[1], 1, reference[3]};
        FeatureVector vector = BundleFixtures.vector("c2", values);
        ReasonCodes reasonCodes = new ReasonCodes(BundleFixtures.FEATURES, reference, bundle.manifest().reasonCodes());
        List<FeatureVector> swaps = new ArrayList<>();
        for (double[] row : reasonCodes.referenceSwaps(values)) {
            swaps.add(BundleFixtures.vector("c2", row));
        }
        double own = bundle.rawScores(List.of(vector))[0];
        assertEquals(reasonCodes.explain(own, bundle.rawScores(swaps)), bundle.score(vector).reasons());
    }

    @Test
    void scoringInBatchesGivesTheSameResultAsOneByOne() {
        Random random = new Random(4);
        List<FeatureVector> vectors = new ArrayList<>();
        for (double[] row : BundleFixtures.rows(random, ModelBundle.CUSTOMERS_PER_BATCH + 44)) {
            vectors.add(BundleFixtures.vector("c" + vectors.size(), row));
        }
        List<ScoredRisk> batch = bundle.scoreAll(vectors);
        assertEquals(vectors.size(), batch.size());
        for (int i = 0; i < vectors.size(); i += 37) {
            assertEquals(bundle.score(vectors.get(i)), batch.get(i));
        }
    }

    @Test
    void concurrentScoringGivesTheSameResultsAsSequentialScoring() throws Exception {
        Fitted xgboost = BundleFixtures.fit(Learner.XGBOOST, 17);
        ModelBundle trees = ModelBundle.of("trees", BundleFixtures.manifest(xgboost,
                SerializedModel.of(xgboost.model()), Learner.XGBOOST), xgboost.model());
        Random random = new Random(8);
        List<FeatureVector> vectors = new ArrayList<>();
        for (double[] row : BundleFixtures.rows(random, 300)) {
            vectors.add(BundleFixtures.vector("c" + vectors.size(), row));
        }
        for (ModelBundle subject : List.of(bundle, trees)) {
            List<ScoredRisk> expected = subject.scoreAll(vectors);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<List<ScoredRisk>>> results = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    results.add(pool.submit(() -> subject.scoreAll(vectors)));
                }
                for (Future<List<ScoredRisk>> result : results) {
                    assertEquals(expected, result.get());
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aVectorWithOtherFeatureNamesIsRefused() {
        List<String> reordered = List.of("open_balance_share", "max_days_past_due_90d", "invoices_90d",
                "tenure_days");
        FeatureVector wrong = new FeatureVector("c9", LocalDate.of(2026, 1, 15), reordered,
                new double[] {0.5, 10, 2, 100});
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> bundle.score(wrong));
        assertTrue(refused.getMessage().contains("does not match bundle test-version"), refused.getMessage());

        FeatureVector fewer = new FeatureVector("c9", LocalDate.of(2026, 1, 15),
                List.of("max_days_past_due_90d"), new double[] {3});
        assertThrows(IllegalArgumentException.class, () -> bundle.scoreAll(List.of(fewer)));
    }
}

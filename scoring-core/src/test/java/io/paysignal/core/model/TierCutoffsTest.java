package io.paysignal.core.model;

import io.paysignal.core.policy.RiskTier;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TierCutoffsTest {

    @Test
    void scoresAtACutoffBelongToTheHigherTier() {
        TierCutoffs cutoffs = new TierCutoffs(0.2, 0.5);
        assertEquals(RiskTier.LOW, cutoffs.tierOf(0.0));
        assertEquals(RiskTier.LOW, cutoffs.tierOf(0.1999));
        assertEquals(RiskTier.MEDIUM, cutoffs.tierOf(0.2));
        assertEquals(RiskTier.MEDIUM, cutoffs.tierOf(0.4999));
        assertEquals(RiskTier.HIGH, cutoffs.tierOf(0.5));
        assertEquals(RiskTier.HIGH, cutoffs.tierOf(1.0));
    }

    @Test
    void topSharesPutTheRequestedShareOfDistinctScoresInEachTier() {
        double[] scores = new double[100];
        for (int i = 0; i < 100; i++) {
            scores[i] = i / 100.0;
        }
        TierCutoffs cutoffs = TierCutoffs.fromTopShares(scores, 0.10, 0.30);
        assertEquals(0.90, cutoffs.high(), 1e-12);
        assertEquals(0.70, cutoffs.medium(), 1e-12);
    }

    @Test
    void aTieGroupAtTheBoundaryGoesWhereTheShareIsClosest() {
        // Scores: 8 distinct tops (share 8%), then a group of 6 tied (share 14%), then the rest.
        double[] scores = new double[100];
        for (int i = 0; i < 100; i++) {
            scores[i] = i < 8 ? 0.9 + i / 100.0 : i < 14 ? 0.5 : 0.4 * (i - 14) / 86.0;
        }
        TierCutoffs cutoffs = TierCutoffs.fromTopShares(scores, 0.10, 0.30);
        assertEquals(0.90, cutoffs.high(), 1e-12, "8% is closer to 10% than 14%");
    }

    @Test
    void mediumNeverExceedsHighWhenOneScoreDominates() {
        double[] scores = new double[50];
        java.util.Arrays.fill(scores, 0.3);
        TierCutoffs cutoffs = TierCutoffs.fromTopShares(scores, 0.1, 0.3);
        assertEquals(0.3, cutoffs.high(), 1e-12);
        assertEquals(0.3, cutoffs.medium(), 1e-12);
    }

    @Test
    void refusesInvertedCutoffsBadSharesAndScoresOutsideTheUnitInterval() {
        assertThrows(IllegalArgumentException.class, () -> new TierCutoffs(0.6, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new TierCutoffs(-0.1, 0.5));
        assertThrows(IllegalArgumentException.class,
                () -> TierCutoffs.fromTopShares(new double[] {0.1}, 0.3, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new TierCutoffs(0.2, 0.5).tierOf(1.5));
    }
}

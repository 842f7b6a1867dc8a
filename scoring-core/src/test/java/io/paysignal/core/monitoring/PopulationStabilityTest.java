package io.paysignal.core.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PopulationStabilityTest {

    private static final double EPS = 1e-9;
    private static final QuantileBins AT_HALF = new QuantileBins(new double[] {0.5});

    @Test
    void identicalSharesAreStable() {
        PopulationStability psi = new PopulationStability(AT_HALF, new long[] {50, 50}, new long[] {500, 500});

        assertEquals(0.0, psi.index(), EPS);
        assertEquals(StabilityBand.STABLE, psi.band());
    }

    @Test
    void handWorkedShift() {
        // Shares 0.5/0.5 -> 0.25/0.75: (0.25-0.5) ln(0.25/0.5) + (0.75-0.5) ln(0.75/0.5) = 0.173287 + 0.101366.
        PopulationStability psi = new PopulationStability(AT_HALF, new long[] {50, 50}, new long[] {25, 75});

        assertEquals(0.25 * Math.log(2) + 0.25 * Math.log(1.5), psi.index(), EPS);
        assertEquals(0.274653, psi.index(), 1e-6);
        assertEquals(StabilityBand.SIGNIFICANT, psi.band());
        assertEquals(0.25, psi.currentShare(0), EPS);
    }

    @Test
    void anEmptyBinCountsWithEpsilon() {
        // Baseline share 0 in the upper bin counts as 1e-4: (0.1 - 1e-4) ln(0.1 / 1e-4) + (0.9 - 1) ln(0.9).
        PopulationStability psi = new PopulationStability(AT_HALF, new long[] {100, 0}, new long[] {90, 10});

        double expected = (0.1 - 1e-4) * Math.log(0.1 / 1e-4) + (0.9 - 1.0) * Math.log(0.9);
        assertEquals(expected, psi.index(), EPS);
        assertEquals(0.700621, psi.index(), 1e-6);
    }

    @Test
    void samplesOfTheSameDistributionStayStableAndAShiftedOneDoesNot() {
        Random random = new Random(7);
        double[] baseline = new double[20_000];
        double[] sameAgain = new double[20_000];
        double[] shifted = new double[20_000];
        for (int i = 0; i < baseline.length; i++) {
            baseline[i] = random.nextGaussian();
            sameAgain[i] = random.nextGaussian();
            shifted[i] = random.nextGaussian() + 0.5;
        }

        PopulationStability same = PopulationStability.of(baseline, sameAgain, QuantileBins.DEFAULT_BINS);
        PopulationStability moved = PopulationStability.of(baseline, shifted, QuantileBins.DEFAULT_BINS);

        assertEquals(10, same.bins().count());
        assertTrue(same.index() < 0.01, "same distribution: " + same);
        // A half-sigma shift of a normal has a PSI of about 0.25 on deciles.
        assertTrue(moved.index() > 0.2 && moved.index() < 0.3, "shifted by half a sigma: " + moved);
    }

    @Test
    void everyBinContributesANonNegativeAmount() {
        PopulationStability psi = new PopulationStability(new QuantileBins(new double[] {1, 2, 3}),
                new long[] {10, 20, 30, 40}, new long[] {40, 0, 30, 20});

        for (int bin = 0; bin < 4; bin++) {
            assertTrue(psi.contribution(bin) >= 0);
        }
    }

    @Test
    void mismatchedOrEmptyCountsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new PopulationStability(AT_HALF, new long[] {1, 2, 3}, new long[] {1, 2}));
        assertThrows(IllegalArgumentException.class,
                () -> new PopulationStability(AT_HALF, new long[] {0, 0}, new long[] {1, 2}));
        assertThrows(IllegalArgumentException.class,
                () -> new PopulationStability(AT_HALF, new long[] {1, -1}, new long[] {1, 2}));
    }
}

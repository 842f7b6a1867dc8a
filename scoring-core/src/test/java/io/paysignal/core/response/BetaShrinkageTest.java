package io.paysignal.core.response;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BetaShrinkageTest {

    /** Cells whose true rates are drawn from Beta(m p, m (1 - p)), observed with n trials each. */
    private static double estimatedStrength(double trueStrength, int cells, int trials, long seed) {
        Random random = new Random(seed);
        double p = 0.3;
        double[] reached = new double[cells];
        double[] attempts = new double[cells];
        for (int i = 0; i < cells; i++) {
            double rate = betaSample(random, trueStrength * p, trueStrength * (1 - p));
            attempts[i] = trials;
            for (int t = 0; t < trials; t++) {
                reached[i] += random.nextDouble() < rate ? 1 : 0;
            }
        }
        double[] parents = new double[cells];
        Arrays.fill(parents, p);
        return BetaShrinkage.strength(reached, attempts, parents);
    }

    /** Beta via two gamma draws (Marsaglia-Tsang). */
    private static double betaSample(Random random, double a, double b) {
        double x = gamma(random, a);
        double y = gamma(random, b);
        return x / (x + y);
    }

    private static double gamma(Random random, double shape) {
        if (shape < 1) {
            return gamma(random, shape + 1) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = Math.pow(1 + c * x, 3);
            if (v > 0 && Math.log(random.nextDouble()) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    @Test
    void recoversThePriorConcentrationOfHeterogeneousCells() {
        double estimate = estimatedStrength(10, 2000, 40, 7);
        assertTrue(estimate > 7 && estimate < 14, "estimated " + estimate + " for a true 10");
    }

    @Test
    void identicalCellsPoolFully() {
        double[] reached = {30, 30, 30, 30};
        double[] attempts = {100, 100, 100, 100};
        double[] parents = {0.3, 0.3, 0.3, 0.3};
        assertEquals(BetaShrinkage.MAX_STRENGTH, BetaShrinkage.strength(reached, attempts, parents));
    }

    @Test
    void tooFewCellsFallBackToTheDefault() {
        assertEquals(BetaShrinkage.DEFAULT_STRENGTH,
                BetaShrinkage.strength(new double[] {1, 9}, new double[] {10, 10}, new double[] {0.5, 0.5}));
    }

    @Test
    void shrinkIsThePosteriorMean() {
        assertEquals((3 + 10 * 0.2) / (5 + 10), BetaShrinkage.shrink(3, 5, 0.2, 10), 1e-12);
        assertEquals(0.2, BetaShrinkage.shrink(0, 0, 0.2, 10), 1e-12);
    }
}

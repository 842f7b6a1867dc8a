package io.paysignal.core.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IsotonicCalibrationTest {

    private static final double EXACT = 1e-12;

    @Test
    void poolsAdjacentViolatorsAndPutsOneKnotAtEachBlocksMeanScore() {
        // Labels 0 1 0 0 1 1: the 1 at x=2 pools with the 0s at x=3,4 (rate 1/3, mean score 3);
        // the equal rates at x=5,6 pool into one block (rate 1, mean score 5.5).
        IsotonicCalibration calibration = IsotonicCalibration.fit(new double[] {1, 2, 3, 4, 5, 6},
                new boolean[] {false, true, false, false, true, true});
        assertArrayEquals(new double[] {1, 3, 5.5}, calibration.knotScores(), EXACT);
        // The end blocks saw only 0s (1 row) and only 1s (2 rows): add-one-half, kept inside the middle knot.
        assertArrayEquals(new double[] {1.0 / 6, 1.0 / 3, 2.5 / 3}, calibration.knotProbabilities(), EXACT);
        assertEquals(1.0 / 6, calibration.apply(1), EXACT);
        assertEquals(1.0 / 3, calibration.apply(3), EXACT);
        assertEquals(2.5 / 3, calibration.apply(6), EXACT);
    }

    @Test
    void interpolatesLinearlyBetweenKnotsAndHoldsTheEndsOutside() {
        IsotonicCalibration calibration = IsotonicCalibration.fit(new double[] {1, 2, 3, 4, 5, 6},
                new boolean[] {false, true, false, false, true, true});
        assertEquals(1.0 / 6 + 0.5 * (1.0 / 6), calibration.apply(2), EXACT);
        assertEquals(1.0 / 3 + (1.5 / 2.5) * (2.5 / 3 - 1.0 / 3), calibration.apply(4.5), EXACT);
        assertEquals(1.0 / 6, calibration.apply(-10), EXACT);
        assertEquals(2.5 / 3, calibration.apply(10), EXACT);
    }

    @Test
    void tiedRawScoresArePooledTogether() {
        // x=1 holds a 1 and a 0 (rate 1/2) above x=2's 0: they pool into one block, mean score 4/3.
        IsotonicCalibration calibration = IsotonicCalibration.fit(new double[] {1, 1, 2},
                new boolean[] {true, false, false});
        assertArrayEquals(new double[] {4.0 / 3}, calibration.knotScores(), EXACT);
        assertArrayEquals(new double[] {1.0 / 3}, calibration.knotProbabilities(), EXACT);
        assertEquals(1.0 / 3, calibration.apply(0.5), EXACT);
    }

    @Test
    void separatedClassesGiveARampBetweenTheClassMeans() {
        IsotonicCalibration calibration = IsotonicCalibration.fit(new double[] {0.1, 0.2, 0.3, 0.4},
                new boolean[] {false, false, true, true});
        assertArrayEquals(new double[] {0.15, 0.35}, calibration.knotScores(), EXACT);
        // 0 of 2 and 2 of 2: (0 + 1/2) / 3 and (2 + 1/2) / 3, never 0 or 1.
        assertEquals(1.0 / 6, calibration.apply(0.1), EXACT);
        assertEquals(0.5, calibration.apply(0.25), EXACT);
        assertEquals(5.0 / 6, calibration.apply(0.4), EXACT);
    }

    @Test
    void knotsMatchABruteForceIsotonicRegressionOnRandomData() {
        Random random = new Random(11);
        int n = 400;
        double[] scores = new double[n];
        boolean[] labels = new boolean[n];
        for (int i = 0; i < n; i++) {
            scores[i] = random.nextInt(150) / 150.0;
            labels[i] = random.nextDouble() < scores[i] * scores[i];
        }
        double[][] expected = bruteForceBlocks(scores, labels);
        IsotonicCalibration calibration = IsotonicCalibration.fit(scores, labels);
        assertArrayEquals(expected[0], calibration.knotScores(), 1e-9);
        assertArrayEquals(expected[1], calibration.knotProbabilities(), 1e-9);
    }

    @Test
    void theFitStrictlyIncreasesInsideItsKnotsSoItKeepsTheRanking() {
        Random random = new Random(5);
        int n = 3000;
        double[] scores = new double[n];
        boolean[] labels = new boolean[n];
        for (int i = 0; i < n; i++) {
            scores[i] = random.nextDouble();
            labels[i] = random.nextDouble() < scores[i];
        }
        IsotonicCalibration calibration = IsotonicCalibration.fit(scores, labels);
        double[] knots = calibration.knotScores();
        double previous = -1;
        for (int step = 0; step <= 1000; step++) {
            double x = knots[0] + (knots[knots.length - 1] - knots[0]) * step / 1000.0;
            double value = calibration.apply(x);
            assertTrue(value > previous || step == 0, "not strictly increasing at " + x);
            previous = value;
        }
        double[] calibrated = calibration.applyAll(scores);
        assertTrue(Math.abs(BinaryMetrics.auc(calibrated, labels) - BinaryMetrics.auc(scores, labels)) < 0.002);
    }

    @Test
    void refusesKnotsThatAreNotIncreasingOrProbabilitiesThatDecrease() {
        assertThrows(IllegalArgumentException.class,
                () -> new IsotonicCalibration(new double[] {0.2, 0.1}, new double[] {0.1, 0.2}));
        assertThrows(IllegalArgumentException.class,
                () -> new IsotonicCalibration(new double[] {0.1, 0.2}, new double[] {0.3, 0.2}));
        assertThrows(IllegalArgumentException.class,
                () -> new IsotonicCalibration(new double[] {0.1}, new double[] {1.5}));
        assertThrows(IllegalArgumentException.class,
                () -> IsotonicCalibration.fit(new double[0], new boolean[0]));
    }

    @Test
    void equalCalibrationsAreEqualAndTheArraysAreCopies() {
        double[] xs = {0.1, 0.2};
        IsotonicCalibration calibration = new IsotonicCalibration(xs, new double[] {0.0, 0.5});
        xs[0] = 0.15;
        assertEquals(new IsotonicCalibration(new double[] {0.1, 0.2}, new double[] {0.0, 0.5}), calibration);
        calibration.knotScores()[0] = 9;
        assertEquals(0.1, calibration.knotScores()[0], EXACT);
    }

    @Test
    void anEndBlockWithoutPositivesGetsTheAddHalfEstimateNotZero() {
        // 1,000 held-out rows below 0.5 with no positive, then rows with rising rates above it.
        int n = 1400;
        double[] scores = new double[n];
        boolean[] labels = new boolean[n];
        for (int i = 0; i < n; i++) {
            scores[i] = i / (double) n;
            labels[i] = i >= 1000 && i % 4 == 0;
        }
        IsotonicCalibration calibration = IsotonicCalibration.fit(scores, labels);
        double lowest = calibration.knotProbabilities()[0];
        assertTrue(lowest > 0.0, "the lowest block must not claim certainty");
        assertTrue(lowest <= 0.5 / 1001 + EXACT, "at most (0 + 1/2) / (1,000 + 1), was " + lowest);
        assertTrue(lowest < calibration.knotProbabilities()[1]);
        assertTrue(calibration.apply(0.0) > 0.0);
    }

    /**
     * Reference isotonic regression: start with one block per distinct score and repeatedly pool the first
     * adjacent pair whose rate does not increase, until none is left. Returns block mean scores and rates,
     * with the documented add-one-half estimate at an end block whose rate is 0 or 1.
     */
    private static double[][] bruteForceBlocks(double[] scores, boolean[] labels) {
        Integer[] order = IntStream.range(0, scores.length).boxed()
                .sorted(Comparator.comparingDouble(i -> scores[i])).toArray(Integer[]::new);
        List<double[]> blocks = new ArrayList<>(); // {score sum, label sum, count, distinct score}
        for (int i : order) {
            double[] last = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
            if (last != null && last[3] == scores[i]) {
                last[0] += scores[i];
                last[1] += labels[i] ? 1 : 0;
                last[2]++;
            } else {
                blocks.add(new double[] {scores[i], labels[i] ? 1 : 0, 1, scores[i]});
            }
        }
        boolean pooled = true;
        while (pooled) {
            pooled = false;
            for (int b = 0; b + 1 < blocks.size(); b++) {
                double[] left = blocks.get(b);
                double[] right = blocks.get(b + 1);
                if (left[1] / left[2] >= right[1] / right[2]) {
                    left[0] += right[0];
                    left[1] += right[1];
                    left[2] += right[2];
                    blocks.remove(b + 1);
                    pooled = true;
                    break;
                }
            }
        }
        double[] rates = blocks.stream().mapToDouble(b -> b[1] / b[2]).toArray();
        int last = rates.length - 1;
        if (rates[0] == 0.0) {
            double addHalf = 0.5 / (blocks.get(0)[2] + 1);
            rates[0] = last == 0 ? addHalf : Math.min(addHalf, rates[1] / 2);
        }
        if (rates[last] == 1.0) {
            double addHalf = (blocks.get(last)[1] + 0.5) / (blocks.get(last)[2] + 1);
            rates[last] = last == 0 ? addHalf : Math.max(addHalf, (rates[last - 1] + 1) / 2);
        }
        return new double[][] {blocks.stream().mapToDouble(b -> b[0] / b[2]).toArray(), rates};
    }
}

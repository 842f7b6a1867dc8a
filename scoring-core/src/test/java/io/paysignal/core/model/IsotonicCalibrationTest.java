package io.paysignal.core.model;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IsotonicCalibrationTest {

    private static final double EXACT = 1e-12;

    @Test
    void poolsAdjacentViolatorsIntoBlockMeans() {
        // Labels 0 1 0 0 1 1: the 1 at x=2 pools with the 0s at x=3,4 into mean 1/3.
        IsotonicCalibration calibration = IsotonicCalibration.fit(new double[] {1, 2, 3, 4, 5, 6},
                new boolean[] {false, true, false, false, true, true});
        assertArrayEquals(new double[] {1, 2, 4, 5, 6}, calibration.knotScores(), EXACT);
        assertArrayEquals(new double[] {0, 1.0 / 3, 1.0 / 3, 1, 1}, calibration.knotProbabilities(), EXACT);
        assertEquals(0.0, calibration.apply(1), EXACT);
        assertEquals(1.0 / 3, calibration.apply(3), EXACT);
        assertEquals(1.0, calibration.apply(6), EXACT);
    }

    @Test
    void interpolatesLinearlyBetweenKnotsAndHoldsTheEndsOutside() {
        IsotonicCalibration calibration = IsotonicCalibration.fit(new double[] {1, 2, 3, 4, 5, 6},
                new boolean[] {false, true, false, false, true, true});
        assertEquals(1.0 / 6, calibration.apply(1.5), EXACT);
        assertEquals(2.0 / 3, calibration.apply(4.5), EXACT);
        assertEquals(0.0, calibration.apply(-10), EXACT);
        assertEquals(1.0, calibration.apply(10), EXACT);
    }

    @Test
    void tiedRawScoresShareOneValue() {
        IsotonicCalibration calibration = IsotonicCalibration.fit(new double[] {1, 1, 2},
                new boolean[] {true, false, false});
        assertArrayEquals(new double[] {1, 2}, calibration.knotScores(), EXACT);
        assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3}, calibration.knotProbabilities(), EXACT);
    }

    @Test
    void fitIsMonotoneAndPreservesTheNumberOfPositives() {
        Random random = new Random(11);
        int n = 2000;
        double[] scores = new double[n];
        boolean[] labels = new boolean[n];
        for (int i = 0; i < n; i++) {
            scores[i] = random.nextDouble();
            labels[i] = random.nextDouble() < scores[i] * scores[i];
        }
        IsotonicCalibration calibration = IsotonicCalibration.fit(scores, labels);
        double previous = -1;
        for (int step = -10; step <= 1010; step++) {
            double value = calibration.apply(step / 1000.0);
            assertTrue(value >= previous, "not monotone at " + step);
            previous = value;
        }
        double fittedSum = 0;
        long positives = 0;
        for (int i = 0; i < n; i++) {
            fittedSum += calibration.apply(scores[i]);
            positives += labels[i] ? 1 : 0;
        }
        // Every pooled block's mean is its share of positives, so the fitted values sum to the positives.
        assertEquals(positives, fittedSum, 1e-6);
    }

    @Test
    void alreadyMonotoneLabelsAreReproducedExactly() {
        IsotonicCalibration calibration = IsotonicCalibration.fit(new double[] {0.1, 0.2, 0.3, 0.4},
                new boolean[] {false, false, true, true});
        assertEquals(0.0, calibration.apply(0.2), EXACT);
        assertEquals(1.0, calibration.apply(0.3), EXACT);
        assertEquals(0.5, calibration.apply(0.25), EXACT);
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
}

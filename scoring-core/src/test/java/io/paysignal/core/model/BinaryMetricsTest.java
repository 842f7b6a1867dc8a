package io.paysignal.core.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BinaryMetricsTest {

    private static final double EXACT = 1e-12;

    @Test
    void aucCountsEachCorrectlyOrderedPairWithoutTies() {
        // Pairs (pos, neg): 0.35>0.1 yes, 0.35>0.4 no, 0.8>0.1 yes, 0.8>0.4 yes -> 3/4.
        assertEquals(0.75, BinaryMetrics.auc(new double[] {0.1, 0.4, 0.35, 0.8},
                new boolean[] {false, false, true, true}), EXACT);
    }

    @Test
    void aucCountsATiedPairAsOneHalf() {
        // Pairs: 0.5 vs 0.2 -> 1, 0.5 vs 0.5 -> 1/2, 0.9 vs 0.2 -> 1, 0.9 vs 0.5 -> 1: 3.5 / 4.
        assertEquals(0.875, BinaryMetrics.auc(new double[] {0.2, 0.5, 0.5, 0.9},
                new boolean[] {false, true, false, true}), EXACT);
    }

    @Test
    void aucOfConstantScoresIsOneHalf() {
        assertEquals(0.5, BinaryMetrics.auc(new double[] {0.3, 0.3, 0.3},
                new boolean[] {true, false, false}), EXACT);
    }

    @Test
    void aucMatchesPairCountingOnRandomTiedData() {
        Random random = new Random(7);
        double[] scores = new double[300];
        boolean[] labels = new boolean[300];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = random.nextInt(20) / 20.0;
            labels[i] = random.nextDouble() < 0.2 + 0.6 * scores[i];
        }
        double wins = 0;
        long pairs = 0;
        for (int p = 0; p < scores.length; p++) {
            for (int n = 0; n < scores.length; n++) {
                if (labels[p] && !labels[n]) {
                    pairs++;
                    wins += scores[p] > scores[n] ? 1.0 : scores[p] == scores[n] ? 0.5 : 0.0;
                }
            }
        }
        assertEquals(wins / pairs, BinaryMetrics.auc(scores, labels), 1e-12);
    }

    @Test
    void ksIsTheLargestGapBetweenTheTwoScoreDistributions() {
        // Ascending: .1 n (0, 1/3), .2 n (0, 2/3), .3 p (1/3, 2/3), .6 n (1/3, 1), .7 p, .9 p -> max gap 2/3.
        assertEquals(2.0 / 3.0, BinaryMetrics.ks(new double[] {0.1, 0.2, 0.3, 0.6, 0.7, 0.9},
                new boolean[] {false, false, true, false, true, true}), EXACT);
    }

    @Test
    void ksNeverSplitsTiedScores() {
        // Splitting the tie at 0.5 by input order could show a gap of 1.0; as a group it is 0.5.
        assertEquals(0.5, BinaryMetrics.ks(new double[] {0.2, 0.5, 0.5, 0.9},
                new boolean[] {false, false, true, true}), EXACT);
        assertEquals(0.0, BinaryMetrics.ks(new double[] {0.5, 0.5}, new boolean[] {true, false}), EXACT);
    }

    @Test
    void brierIsTheMeanSquaredError() {
        // (0.2^2 + 0.1^2 + 0.5^2) / 3 = 0.3 / 3.
        assertEquals(0.1, BinaryMetrics.brier(new double[] {0.2, 0.9, 0.5},
                new boolean[] {false, true, true}), EXACT);
    }

    @Test
    void eceWeightsEachEqualWidthBinsGapByItsRows() {
        // Bin [0,.1): mean .05 rate .5 gap .45 (2 rows); bin [.1,.2): .15 vs 0 (1 row); bin [.9,1]: .95 vs 1.
        double[] scores = {0.05, 0.05, 0.15, 0.95};
        boolean[] labels = {false, true, false, true};
        assertEquals((2 * 0.45 + 0.15 + 0.05) / 4, BinaryMetrics.ece(scores, labels), EXACT);
        List<CalibrationBin> table = BinaryMetrics.calibrationTable(scores, labels);
        assertEquals(3, table.size());
        assertEquals(new CalibrationBin(0.0, 0.1, 2, 0.05, 0.5), table.get(0));
        assertEquals(0.9, table.get(2).lower(), EXACT);
    }

    @Test
    void scoreOfExactlyOneFallsInTheLastBinAndATenthStartsTheSecond() {
        List<CalibrationBin> table = BinaryMetrics.calibrationTable(new double[] {1.0, 0.1},
                new boolean[] {true, false});
        assertEquals(0.1, table.get(0).lower(), EXACT);
        assertEquals(0.9, table.get(1).lower(), EXACT);
        assertEquals(1, table.get(1).count());
    }

    @Test
    void perfectlyCalibratedBinsHaveZeroEce() {
        double[] scores = {0.25, 0.25, 0.25, 0.25, 0.75, 0.75, 0.75, 0.75};
        boolean[] labels = {true, false, false, false, true, true, true, false};
        assertEquals(0.0, BinaryMetrics.ece(scores, labels), EXACT);
    }

    @Test
    void liftByDecileReportsRateOverBaseRateAndCumulativeCapture() {
        double[] scores = new double[10];
        boolean[] labels = new boolean[10];
        for (int i = 0; i < 10; i++) {
            scores[i] = i / 10.0;
            labels[i] = i >= 8;
        }
        List<DecileLift> table = BinaryMetrics.liftByDecile(scores, labels);
        assertEquals(10, table.size());
        assertEquals(new DecileLift(1, 1, 1, 0.9, 0.9, 5.0, 0.5), table.get(0));
        assertEquals(new DecileLift(2, 1, 1, 0.8, 0.8, 5.0, 1.0), table.get(1));
        assertEquals(0.0, table.get(9).lift(), EXACT);
        assertEquals(1.0, table.get(9).cumulativeCapture(), EXACT);
    }

    @Test
    void tiedScoresStayInTheDecileWhereTheirGroupStarts() {
        double[] scores = new double[20];
        boolean[] labels = new boolean[20];
        for (int i = 0; i < 20; i++) {
            scores[i] = i < 4 ? 0.95 : i / 100.0;
            labels[i] = i % 2 == 0;
        }
        List<DecileLift> table = BinaryMetrics.liftByDecile(scores, labels);
        assertEquals(1, table.get(0).decile());
        assertEquals(4, table.get(0).count());
        assertEquals(3, table.get(1).decile(), "decile 2 is swallowed by the tie group");
        assertEquals(20, table.stream().mapToLong(DecileLift::count).sum());
    }

    @Test
    void ofBundlesTheHeadlineNumbers() {
        double[] scores = {0.2, 0.5, 0.5, 0.9};
        boolean[] labels = {false, true, false, true};
        BinaryMetrics metrics = BinaryMetrics.of(scores, labels);
        assertEquals(4, metrics.summary().count());
        assertEquals(2, metrics.summary().positives());
        assertEquals(0.875, metrics.summary().auc(), EXACT);
        assertEquals(BinaryMetrics.brier(scores, labels), metrics.summary().brier(), EXACT);
        assertEquals(0.5, metrics.summary().baseRate(), EXACT);
    }

    @Test
    void refusesOneLabelOnlyScoresOutsideTheUnitIntervalAndMismatchedLengths() {
        IllegalArgumentException oneLabel = assertThrows(IllegalArgumentException.class,
                () -> BinaryMetrics.of(new double[] {0.1, 0.2}, new boolean[] {false, false}));
        assertTrue(oneLabel.getMessage().contains("both labels"), oneLabel.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> BinaryMetrics.brier(new double[] {1.2}, new boolean[] {true}));
        assertThrows(IllegalArgumentException.class,
                () -> BinaryMetrics.brier(new double[] {Double.NaN}, new boolean[] {true}));
        assertThrows(IllegalArgumentException.class,
                () -> BinaryMetrics.brier(new double[] {0.1, 0.2}, new boolean[] {true}));
    }
}

package io.paysignal.core.monitoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class QuantileBinsTest {

    @Test
    void decilesOfOneToTenCutBetweenEveryValue() {
        QuantileBins bins = QuantileBins.ofBaseline(new double[] {10, 9, 8, 7, 6, 5, 4, 3, 2, 1}, 10);

        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, bins.edges());
        assertEquals(10, bins.count());
        assertEquals(0, bins.binOf(1));
        assertEquals(1, bins.binOf(1.5));
        assertEquals(1, bins.binOf(2));
        assertEquals(9, bins.binOf(10));
        assertEquals(9, bins.binOf(1e9));
        assertEquals(0, bins.binOf(-1e9));
        assertArrayEquals(new long[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1},
                bins.counts(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
    }

    @Test
    void tiedQuantilesMergeIntoFewerBins() {
        // Eight zeros, a 5 and a 7: deciles 1..8 are 0, decile 9 is 5.
        QuantileBins bins = QuantileBins.ofBaseline(new double[] {0, 0, 0, 0, 0, 0, 0, 0, 5, 7}, 10);

        assertArrayEquals(new double[] {0, 5}, bins.edges());
        assertArrayEquals(new long[] {8, 1, 1}, bins.counts(new double[] {0, 0, 0, 0, 0, 0, 0, 0, 5, 7}));
    }

    @Test
    void aConstantVariableHasItsValueAndEverythingAbove() {
        QuantileBins bins = QuantileBins.ofBaseline(new double[] {3, 3, 3}, 10);

        assertEquals(2, bins.count());
        assertEquals(Double.NEGATIVE_INFINITY, bins.lower(0));
        assertEquals(3.0, bins.upper(0));
        assertEquals(3.0, bins.lower(1));
        assertEquals(Double.POSITIVE_INFINITY, bins.upper(1));
    }

    @Test
    void nanFallsInTheLastBinAsSparkOrdersIt() {
        QuantileBins bins = QuantileBins.fromQuantiles(new double[] {2, 1, Double.NaN, 2});

        assertArrayEquals(new double[] {1, 2}, bins.edges());
        assertEquals(2, bins.binOf(Double.NaN));
    }

    @Test
    void probabilitiesAreTheInnerCutsOfEqualMassBins() {
        assertArrayEquals(new double[] {0.25, 0.5, 0.75}, QuantileBins.probabilities(4), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> QuantileBins.probabilities(1));
    }

    @Test
    void badEdgesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new QuantileBins(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> new QuantileBins(new double[] {2, 1}));
        assertThrows(IllegalArgumentException.class, () -> QuantileBins.fromQuantiles(new double[] {Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> new QuantileBins(new double[] {1}).upper(2));
    }
}

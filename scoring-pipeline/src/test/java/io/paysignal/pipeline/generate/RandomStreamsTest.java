package io.paysignal.pipeline.generate;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RandomStreamsTest {

    @Test
    void theSamePathGivesTheSameStream() {
        assertEquals(RandomStreams.derive(42, 7, RandomStreams.HISTORY).nextLong(),
                RandomStreams.derive(42, 7, RandomStreams.HISTORY).nextLong());
    }

    @Test
    void differentSeedsCustomersPurposesAndSamplesGiveDifferentStreams() {
        long base = RandomStreams.derive(42, 7, RandomStreams.TRUTH, 20_000, 0).nextLong();
        assertNotEquals(base, RandomStreams.derive(43, 7, RandomStreams.TRUTH, 20_000, 0).nextLong());
        assertNotEquals(base, RandomStreams.derive(42, 8, RandomStreams.TRUTH, 20_000, 0).nextLong());
        assertNotEquals(base, RandomStreams.derive(42, 7, RandomStreams.HISTORY, 20_000, 0).nextLong());
        assertNotEquals(base, RandomStreams.derive(42, 7, RandomStreams.TRUTH, 20_001, 0).nextLong());
        assertNotEquals(base, RandomStreams.derive(42, 7, RandomStreams.TRUTH, 20_000, 1).nextLong());
    }

    @Test
    void gaussianDrawsHaveUnitScale() {
        var random = RandomStreams.derive(1, 2);
        double sum = 0;
        double squares = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            double x = RandomStreams.gaussian(random);
            sum += x;
            squares += x * x;
        }
        assertTrue(Math.abs(sum / n) < 0.05, "mean " + sum / n);
        assertTrue(Math.abs(squares / n - 1) < 0.05, "variance " + squares / n);
    }

    @Test
    void weightedDrawsFollowTheWeights() {
        var random = RandomStreams.derive(3);
        int[] counts = new int[3];
        for (int i = 0; i < 30_000; i++) {
            counts[RandomStreams.weighted(random, 1, 0, 3)]++;
        }
        assertEquals(0, counts[1]);
        assertTrue(Math.abs(counts[2] / (double) counts[0] - 3) < 0.3, counts[0] + " vs " + counts[2]);
    }
}

package io.paysignal.core.policy;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link TwoDecimals} prints what {@code String.format(Locale.ROOT, "%.2f", value)} prints. */
class TwoDecimalsTest {

    private static void assertSameAsFormatter(double value) {
        assertEquals(String.format(Locale.ROOT, "%.2f", value), TwoDecimals.format(value), () -> "value " + value
                + " (" + Double.toString(value) + ")");
    }

    @Test
    void matchesTheFormatterOnRandomValues() {
        SplittableRandom random = new SplittableRandom(20261124L);
        for (int i = 0; i < 200_000; i++) {
            assertSameAsFormatter(random.nextDouble());
            assertSameAsFormatter(random.nextDouble() * 100);
        }
        for (int i = 0; i < 50_000; i++) {
            assertSameAsFormatter(Double.longBitsToDouble(random.nextLong() & Long.MAX_VALUE));
        }
    }

    @Test
    void matchesTheFormatterAroundEveryHalfCentAndCent() {
        for (int k = 0; k <= 4_000; k++) {
            double boundary = k / 2000.0;
            double below = boundary;
            double above = boundary;
            for (int ulps = 0; ulps < 12; ulps++) {
                assertSameAsFormatter(below);
                assertSameAsFormatter(above);
                below = Math.nextDown(below);
                above = Math.nextUp(above);
            }
            assertSameAsFormatter(Double.parseDouble("0.00" + k));
            assertSameAsFormatter(Double.parseDouble(k / 1000 + "." + String.format(Locale.ROOT, "%03d", k % 1000)));
        }
    }

    @Test
    void matchesTheFormatterOnSpecialValues() {
        for (double value : new double[] {0.0, -0.0, -0.001, -0.005, -1.5, 1.005, 0.125, 0.135, 0.145, 0.005,
                0.015, 0.025, 2.675, 1e7, 1.23456789e9, 1e-10, 4.9e-324, Double.MAX_VALUE, Double.MIN_NORMAL,
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.995, 0.9949999999999999, 1.0}) {
            assertSameAsFormatter(value);
        }
    }
}

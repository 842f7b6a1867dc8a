package io.paysignal.core.replay;

import java.io.Serializable;

/**
 * Per-customer differences under construction (how many, their sum and sum of squares), so that the mean
 * difference between two strategies on the same customers comes with its standard error, and parts add up.
 *
 * @param count differences added
 * @param sum their sum
 * @param sumOfSquares the sum of their squares
 */
public record PairedDifference(long count, double sum, double sumOfSquares) implements Serializable {

    /** No differences. */
    public static final PairedDifference EMPTY = new PairedDifference(0, 0, 0);

    public PairedDifference {
        if (count < 0 || !Double.isFinite(sum) || !Double.isFinite(sumOfSquares) || sumOfSquares < 0) {
            throw new IllegalArgumentException("count must not be negative and sums must be finite");
        }
    }

    /** One difference. */
    public static PairedDifference of(double difference) {
        return new PairedDifference(1, difference, difference * difference);
    }

    /** This and {@code other}'s differences together. */
    public PairedDifference plus(PairedDifference other) {
        return new PairedDifference(count + other.count, sum + other.sum, sumOfSquares + other.sumOfSquares);
    }

    /** The mean difference; NaN when empty. */
    public double mean() {
        return count == 0 ? Double.NaN : sum / count;
    }

    /** The standard error of the mean difference (sample standard deviation over the root of the count); NaN below 2. */
    public double standardError() {
        if (count < 2) {
            return Double.NaN;
        }
        double mean = sum / count;
        double variance = Math.max(0, (sumOfSquares - count * mean * mean) / (count - 1));
        return Math.sqrt(variance / count);
    }
}

package io.paysignal.core.replay;

import java.io.Serializable;

/**
 * A mean under construction: how many values and their sum. Means of parts add up to the mean of the whole,
 * so partitions can be summed in any order.
 *
 * @param count values added
 * @param sum their sum
 */
public record Mean(long count, double sum) implements Serializable {

    /** No values. */
    public static final Mean EMPTY = new Mean(0, 0);

    public Mean {
        if (count < 0 || Double.isNaN(sum) || Double.isInfinite(sum)) {
            throw new IllegalArgumentException("count must not be negative and sum must be finite");
        }
    }

    /** The mean of one value. */
    public static Mean of(double value) {
        return new Mean(1, value);
    }

    /** This mean with {@code value} added. */
    public Mean plus(double value) {
        return new Mean(count + 1, sum + value);
    }

    /** The mean of this and {@code other}'s values together. */
    public Mean plus(Mean other) {
        return new Mean(count + other.count, sum + other.sum);
    }

    /** The mean; NaN when there are no values. */
    public double value() {
        return count == 0 ? Double.NaN : sum / count;
    }
}

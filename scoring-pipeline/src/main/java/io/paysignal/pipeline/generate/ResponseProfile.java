package io.paysignal.pipeline.generate;

import io.paysignal.core.history.Channel;

import java.time.DayOfWeek;
import java.util.Arrays;

/**
 * One customer's true responsiveness parameters (see {@link ResponseTruth} for the formula): a base logit
 * per channel, the local hour around which the customer answers best and how wide that window is, and a
 * logit offset per weekday.
 *
 * <p>Values are kept at four decimals so that the copy written to {@code truth/response_truth.csv} and
 * read back is exactly the one the simulation used. Serializable, so evaluations can join profiles to
 * customers in Spark.
 */
public final class ResponseProfile implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final String customerId;
    private final double[] channelLogits;
    private final double peakHour;
    private final double hourWidth;
    private final double[] weekdayLogits;

    /**
     * @param customerId the customer
     * @param channelLogits base logit per {@link Channel}, indexed by ordinal (4 values)
     * @param peakHour local hour (0-24) around which the customer answers best
     * @param hourWidth width in hours of that window (standard deviation of the bump), positive
     * @param weekdayLogits logit offset per {@link DayOfWeek}, Monday first (7 values)
     */
    public ResponseProfile(String customerId, double[] channelLogits, double peakHour, double hourWidth,
                           double[] weekdayLogits) {
        if (customerId == null || customerId.isBlank()) {
            throw new IllegalArgumentException("customer id must not be blank");
        }
        if (channelLogits.length != Channel.values().length || weekdayLogits.length != 7) {
            throw new IllegalArgumentException("need 4 channel logits and 7 weekday logits");
        }
        if (!(peakHour >= 0 && peakHour <= 24) || !(hourWidth > 0)) {
            throw new IllegalArgumentException("peak hour must be in [0, 24] and width positive");
        }
        this.customerId = customerId;
        this.channelLogits = channelLogits.clone();
        this.peakHour = peakHour;
        this.hourWidth = hourWidth;
        this.weekdayLogits = weekdayLogits.clone();
    }

    public String customerId() {
        return customerId;
    }

    /** Base logit of a contact on {@code channel} being answered. */
    public double channelLogit(Channel channel) {
        return channelLogits[channel.ordinal()];
    }

    public double peakHour() {
        return peakHour;
    }

    public double hourWidth() {
        return hourWidth;
    }

    /** Logit offset for contacts on {@code day} (local). */
    public double weekdayLogit(DayOfWeek day) {
        return weekdayLogits[day.getValue() - 1];
    }

    /** The channel with the highest base logit: the one the customer really answers best. */
    public Channel bestChannel() {
        Channel best = Channel.EMAIL;
        for (Channel channel : Channel.values()) {
            if (channelLogit(channel) > channelLogit(best)) {
                best = channel;
            }
        }
        return best;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResponseProfile that
                && customerId.equals(that.customerId)
                && Arrays.equals(channelLogits, that.channelLogits)
                && peakHour == that.peakHour
                && hourWidth == that.hourWidth
                && Arrays.equals(weekdayLogits, that.weekdayLogits);
    }

    @Override
    public int hashCode() {
        return customerId.hashCode() * 31 + Arrays.hashCode(channelLogits);
    }

    @Override
    public String toString() {
        return "ResponseProfile[" + customerId + ", channels=" + Arrays.toString(channelLogits)
                + ", peak=" + peakHour + ", width=" + hourWidth + ", weekdays=" + Arrays.toString(weekdayLogits) + "]";
    }
}

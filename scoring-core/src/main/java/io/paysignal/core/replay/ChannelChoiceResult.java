package io.paysignal.core.replay;

import java.io.Serializable;

/**
 * The hour-and-channel choice within the recommended day, over a group of recommendations (generated data only):
 * the true probability of the recommendation, of the best allowed slot on its local day on any of the action's
 * channels and on the recommendation's own channel, of the best allowed slot overall, and of the slot the
 * planner picks for the same customer when the customer has no preferred channel. A diagnostic next to the
 * target, which it does not change.
 *
 * @param recommended true probability of the recommendations
 * @param bestOnDay best allowed slot on the recommendation's local day, any of the action's channels
 * @param bestOnDayOnChannel best allowed slot on that day on the recommendation's channel
 * @param bestAllowed best allowed slot over the search horizon
 * @param withoutPreference the planner's slot for the customer with the preferred channel removed
 */
public record ChannelChoiceResult(Mean recommended, Mean bestOnDay, Mean bestOnDayOnChannel, Mean bestAllowed,
                                  Mean withoutPreference) implements Serializable {

    /** No recommendations. */
    public static final ChannelChoiceResult EMPTY = new ChannelChoiceResult(Mean.EMPTY, Mean.EMPTY, Mean.EMPTY,
            Mean.EMPTY, Mean.EMPTY);

    public ChannelChoiceResult {
        if (recommended == null || bestOnDay == null || bestOnDayOnChannel == null || bestAllowed == null
                || withoutPreference == null) {
            throw new IllegalArgumentException("all parts are required");
        }
    }

    /** All parts summed. */
    public ChannelChoiceResult plus(ChannelChoiceResult other) {
        return new ChannelChoiceResult(recommended.plus(other.recommended), bestOnDay.plus(other.bestOnDay),
                bestOnDayOnChannel.plus(other.bestOnDayOnChannel), bestAllowed.plus(other.bestAllowed),
                withoutPreference.plus(other.withoutPreference));
    }

    /** Recommendations in the group. */
    public long count() {
        return recommended.count();
    }

    /** Recommended / best on the recommended day: the hour and channel choice within the day. */
    public double withinDayShare() {
        return ratio(recommended, bestOnDay);
    }

    /** Recommended / best on that day on the same channel: the hour choice alone. */
    public double hourShare() {
        return ratio(recommended, bestOnDayOnChannel);
    }

    /** Best on that day on the recommendation's channel / best on that day: the channel choice alone. */
    public double channelShare() {
        return ratio(bestOnDayOnChannel, bestOnDay);
    }

    /** Recommended / best allowed (the target's measure, for this group). */
    public double shareOfBest() {
        return ratio(recommended, bestAllowed);
    }

    /** The planner without the preferred channel / best allowed. */
    public double withoutPreferenceShareOfBest() {
        return ratio(withoutPreference, bestAllowed);
    }

    private static double ratio(Mean numerator, Mean denominator) {
        return denominator.value() > 0 ? numerator.value() / denominator.value() : Double.NaN;
    }
}

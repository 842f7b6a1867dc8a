package io.paysignal.core.response;

import java.io.Serializable;

/**
 * The empirical-Bayes prior concentrations a fit estimated for each level (pseudo-attempts of parent
 * evidence; larger means the level's cells differ less than chance would make them). Recorded so a bundle
 * shows what the data supported.
 *
 * @param channel channel rates toward the global rate
 * @param hour channel x hour rates toward their channel
 * @param dayOfWeek channel x weekday rates toward their channel
 * @param segment segment x channel x hour rates toward the population's
 * @param segmentDayOfWeek segment x weekday lifts (all channels together) toward the channel x weekday lifts;
 *                         null when that level was not fitted (models without segment and weekday levels, and
 *                         models stored before the level existed)
 * @param segmentChannelDayOfWeek segment x channel x weekday lifts toward the segment x weekday lifts; null
 *                                when not fitted
 */
public record ShrinkageStrengths(double channel, double hour, double dayOfWeek, double segment,
                                 Double segmentDayOfWeek, Double segmentChannelDayOfWeek) implements Serializable {

    public ShrinkageStrengths {
        for (double value : new double[] {channel, hour, dayOfWeek, segment}) {
            check(value);
        }
        if (segmentDayOfWeek != null) {
            check(segmentDayOfWeek);
        }
        if (segmentChannelDayOfWeek != null) {
            check(segmentChannelDayOfWeek);
        }
    }

    /** Strengths of a model without segment x weekday levels. */
    public ShrinkageStrengths(double channel, double hour, double dayOfWeek, double segment) {
        this(channel, hour, dayOfWeek, segment, null, null);
    }

    private static void check(double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("shrinkage strengths must be positive and finite");
        }
    }
}

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
 */
public record ShrinkageStrengths(double channel, double hour, double dayOfWeek, double segment)
        implements Serializable {

    public ShrinkageStrengths {
        for (double value : new double[] {channel, hour, dayOfWeek, segment}) {
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("shrinkage strengths must be positive and finite");
            }
        }
    }
}

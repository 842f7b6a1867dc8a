package io.paysignal.core.monitoring;

import java.util.Locale;

/**
 * The customary reading of a population stability index: below {@value #MODERATE_FROM} the population is
 * stable, from {@value #MODERATE_FROM} up to and including {@value #SIGNIFICANT_ABOVE} it has moved moderately
 * (watch it), above {@value #SIGNIFICANT_ABOVE} it has moved significantly (investigate, consider retraining).
 */
public enum StabilityBand {
    /** PSI below 0.1. */
    STABLE,
    /** PSI from 0.1 to 0.25. */
    MODERATE,
    /** PSI above 0.25. */
    SIGNIFICANT;

    /** Lowest PSI of the moderate band. */
    public static final double MODERATE_FROM = 0.1;
    /** PSI above this is significant. */
    public static final double SIGNIFICANT_ABOVE = 0.25;

    /** The band of {@code psi} (at least 0). */
    public static StabilityBand of(double psi) {
        if (!(psi >= 0)) {
            throw new IllegalArgumentException("a stability index is at least 0, was " + psi);
        }
        if (psi < MODERATE_FROM) {
            return STABLE;
        }
        return psi <= SIGNIFICANT_ABOVE ? MODERATE : SIGNIFICANT;
    }

    /** The name in reports: {@code stable}, {@code moderate}, {@code significant}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package io.paysignal.core.replay;

import java.util.Locale;

/** The ways of choosing one customer's contact that an offline evaluation compares. */
public enum Strategy {
    /** The planner's recommendation. */
    RECOMMENDED("recommended (planner)"),
    /** The allowed slot the response model rates highest, ignoring delay and channel preference. */
    MODEL_BEST("model's best allowed slot"),
    /** The allowed slot with the highest true response probability: the ceiling (needs the truth). */
    BEST_ALLOWED("best allowed slot (truth)"),
    /**
     * The allowed slot with the highest true probability x the planner's delay discount per day of delay: the
     * ceiling of the value the planner maximises (needs the truth). Equal to {@link #BEST_ALLOWED} without a
     * discount.
     */
    BEST_DISCOUNTED("best allowed at the delay discount (truth)"),
    /**
     * The allowed slot with the highest true probability on the recommendation's own local day: the ceiling of
     * the hour and channel choice once the day is chosen (needs the truth; a diagnostic, not a target).
     */
    BEST_SAME_DAY("best allowed on the recommended day (truth)"),
    /** Per segment, the (channel, local hour) with the best historical reach rate, on its first allowed day. */
    SEGMENT_BEST_HOUR("per-segment best hour"),
    /** An allowed slot drawn uniformly at random. */
    RANDOM_ALLOWED("random allowed slot");

    private final String label;

    Strategy(String label) {
        this.label = label;
    }

    /** A short description for tables. */
    public String label() {
        return label;
    }

    /** Lower-case name for JSON, e.g. {@code segment_best_hour}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}

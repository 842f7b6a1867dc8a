package io.paysignal.core.replay;

import java.util.Locale;

/**
 * What became of the customer's preferred channel in a recommendation: the planner keeps the preferred channel
 * unless its estimated value is below {@code preferredChannelTolerance} x the best channel's
 * ({@code docs/OUTREACH.md} section 3). The evaluation splits the hour-and-channel loss by it, to show what that
 * contact rule costs.
 */
public enum PreferredChannelUse {
    /** The customer has no preferred channel. */
    NO_PREFERENCE("no preferred channel"),
    /** The preferred channel was chosen and it is also the channel the planner values most. */
    HONOURED_ALSO_BEST("preferred, also the best estimate"),
    /** The preferred channel was chosen although another channel had a better estimated value (within tolerance). */
    HONOURED_OVER_BEST("preferred over a better estimate"),
    /** The preferred channel had allowed slots but was estimated much worse, so another channel was chosen. */
    OVERRULED("preferred, overruled"),
    /** The preferred channel is not used for the action, or no slot on it passes the contact rules. */
    UNAVAILABLE("preferred, not usable");

    private final String label;

    PreferredChannelUse(String label) {
        this.label = label;
    }

    /** A short description for tables. */
    public String label() {
        return label;
    }

    /** Lower-case name for JSON. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package io.paysignal.api.service;

import io.paysignal.core.history.Channel;

import java.time.Instant;
import java.util.Set;

/**
 * An outreach recommendation: the score table's {@code action}, {@code channel} and {@code contact_at}.
 *
 * @param action one of {@link #ACTIONS}, the contract's wire names
 * @param channel the channel to use; null when {@code action} is {@code none}
 * @param contactAt when to reach out; null when {@code action} is {@code none}
 * @param explanation why, in words (which rule decided the action, channel and time)
 */
public record OutreachPlan(String action, Channel channel, Instant contactAt, String explanation) {

    /** The action taken when no outreach is recommended. */
    public static final String NONE = "none";

    /** The score table's action vocabulary (DATA-CONTRACT section 4). */
    public static final Set<String> ACTIONS = Set.of(NONE, "reminder", "payment_plan_offer", "agent_call");

    public OutreachPlan {
        if (!ACTIONS.contains(action)) {
            throw new IllegalArgumentException("unknown action " + action + "; expected one of " + ACTIONS);
        }
        if (NONE.equals(action) && (channel != null || contactAt != null)) {
            throw new IllegalArgumentException("action none takes no channel and no contact time");
        }
        explanation = explanation == null ? "" : explanation;
    }
}

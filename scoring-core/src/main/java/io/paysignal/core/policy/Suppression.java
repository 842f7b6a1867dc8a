package io.paysignal.core.policy;

import io.paysignal.core.history.Channel;

import java.io.Serializable;

/**
 * Candidate contacts the planner could not make, grouped by channel and the rule that stopped them.
 *
 * @param channel the channel, or null when the rule stops every channel ({@code do_not_contact})
 * @param rule the first rule each of these slots broke
 * @param slots how many searched slots it stopped (0 when no slot was searched)
 * @param detail the rule's account for the first such slot, e.g. which conversation started a quiet period
 */
public record Suppression(Channel channel, ContactRule rule, int slots, String detail) implements Serializable {

    public Suppression {
        if (rule == null) {
            throw new IllegalArgumentException("rule is required");
        }
        if (channel == null && rule != ContactRule.DO_NOT_CONTACT) {
            throw new IllegalArgumentException("only do_not_contact suppresses without a channel");
        }
        if (slots < 0) {
            throw new IllegalArgumentException("slots must not be negative");
        }
        if (detail == null || detail.isBlank()) {
            throw new IllegalArgumentException("detail must not be blank");
        }
    }

    /** e.g. {@code phone: phone_quiet_period x12 (a phone call reached ...)}. */
    public String describe() {
        String where = channel == null ? "all channels" : channel.wireName();
        return where + ": " + rule.code() + (slots > 0 ? " x" + slots : "") + " (" + detail + ")";
    }
}

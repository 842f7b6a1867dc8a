package io.paysignal.core.policy;

import java.util.Locale;
import java.util.Optional;

/**
 * The score table's {@code action}: what outreach, if any, a customer should get. Constants are declared
 * from the mildest to the strongest, so {@link #isStrongerThan} follows declaration order.
 */
public enum OutreachAction {
    /** No outreach. */
    NONE,
    /** A friendly, automated reminder that an invoice is due or overdue. */
    REMINDER,
    /** An offer to spread the open balance over a payment plan. */
    PAYMENT_PLAN_OFFER,
    /** A person from the collections team calls (long overdue or disputed invoices). */
    AGENT_CALL;

    /** The contract's wire name: {@code none}, {@code reminder}, {@code payment_plan_offer} or {@code agent_call}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this action is a firmer step than {@code other} (agent call &gt; payment plan &gt; reminder &gt; none). */
    public boolean isStrongerThan(OutreachAction other) {
        return ordinal() > other.ordinal();
    }

    /** Parses a wire name (case-insensitive, surrounding blanks ignored); empty when unknown. */
    public static Optional<OutreachAction> fromWire(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wire = text.trim().toLowerCase(Locale.ROOT);
        for (OutreachAction action : values()) {
            if (action.wireName().equals(wire)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}

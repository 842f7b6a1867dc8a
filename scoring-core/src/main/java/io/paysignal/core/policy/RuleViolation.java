package io.paysignal.core.policy;

import java.io.Serializable;

/**
 * One contact rule broken by one candidate contact.
 *
 * @param rule the rule
 * @param detail a short human-readable account of why, e.g. which conversation started the quiet period
 */
public record RuleViolation(ContactRule rule, String detail) implements Serializable {

    public RuleViolation {
        if (rule == null) {
            throw new IllegalArgumentException("rule is required");
        }
        if (detail == null || detail.isBlank()) {
            throw new IllegalArgumentException("detail must not be blank");
        }
    }

    /** {@code code: detail}, for explanations. */
    @Override
    public String toString() {
        return rule.code() + ": " + detail;
    }
}

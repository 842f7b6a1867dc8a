package io.paysignal.core.policy;

/**
 * The hard contact rules. Each has a stable code that appears in suppressions and explanations; the
 * declaration order is the order {@link ContactRuleChecker} checks them in, so the first violation
 * reported for a slot is always the most fundamental one.
 */
public enum ContactRule {
    /** The customer is marked {@code do_not_contact}: no outreach at all. */
    DO_NOT_CONTACT("do_not_contact"),
    /** The customer opted out of this channel (an earlier contact had outcome {@code opted_out}). */
    CHANNEL_OPTED_OUT("opted_out"),
    /** The slot's local time, in the customer's zone, is outside the contact window. */
    OUTSIDE_CONTACT_WINDOW("outside_contact_window"),
    /** The slot falls on a Sunday in the customer's zone and the no-Sunday rule is on. */
    SUNDAY("no_sunday"),
    /** The slot falls on a holiday (customer's local date, country calendar). */
    HOLIDAY("holiday"),
    /** A phone conversation reached the customer too recently for another call. */
    PHONE_QUIET_PERIOD("phone_quiet_period"),
    /** The call would exceed the phone attempts allowed in a rolling period. */
    PHONE_ATTEMPT_LIMIT("phone_attempt_limit"),
    /** The contact would exceed the cap on contacts across all channels in a rolling period. */
    CONTACT_CAP("weekly_contact_cap");

    private final String code;

    ContactRule(String code) {
        this.code = code;
    }

    /** The stable code used in suppressions and explanations, e.g. {@code phone_quiet_period}. */
    public String code() {
        return code;
    }
}

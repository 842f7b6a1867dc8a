package io.paysignal.core.replay;

import java.util.Locale;

/** What an audit can find wrong with a recommendation. A sound engine produces none of them. */
public enum AuditFinding {
    /** The planner's own {@code ContactRuleChecker} rejects the recommended contact. */
    CONTACT_RULE,
    /** The customer is marked {@code do_not_contact} and still gets a contact. */
    DO_NOT_CONTACT,
    /** The customer opted out of the recommended channel before the recommended time. */
    OPTED_OUT_CHANNEL,
    /** The recommended local time lies outside the contact window. */
    OUTSIDE_CONTACT_WINDOW,
    /** The channel is not one the action may use. */
    CHANNEL_NOT_FOR_ACTION,
    /** The time lies before the earliest allowed instant or after the planner's search horizon. */
    OUTSIDE_SEARCH_HORIZON,
    /** A low-tier customer with no overdue invoice gets an action. */
    LOW_TIER_NOT_OVERDUE;

    /** Lower-case name for reports, e.g. {@code opted_out_channel}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}

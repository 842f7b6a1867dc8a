package io.paysignal.core.policy;

/**
 * Why the {@link TreatmentPolicy} chose its action: one row of the treatment table. Codes are stable and
 * appear in decisions and explanations.
 */
public enum TreatmentReason {
    /** No invoice is open as of the decision date: nothing to collect. */
    NO_OPEN_INVOICE("no_open_invoice"),
    /** Open invoices exist but none has reached the point where this tier is contacted. */
    NOT_DUE_YET("not_due_yet"),
    /** Low risk and overdue, but still within the grace period: no nagging of customers who pay. */
    WITHIN_GRACE_PERIOD("within_grace_period"),
    /** High risk, an invoice falls due within the reminder lead time: a friendly reminder. */
    DUE_SOON_HIGH_RISK("due_soon_high_risk"),
    /** High risk and an invoice is late: offer a payment plan. */
    LATE_HIGH_RISK("late_high_risk"),
    /** Medium risk and an invoice is about due or overdue: a reminder. */
    DUE_MEDIUM_RISK("due_medium_risk"),
    /** Low risk, but an invoice is overdue beyond the grace period: a reminder. */
    PAST_GRACE_LOW_RISK("past_grace_low_risk"),
    /** An invoice is long overdue: an agent calls, whatever the tier. */
    LONG_OVERDUE("long_overdue"),
    /** The invoice that needs outreach is disputed: an agent resolves it; no dunning. */
    DISPUTED_INVOICE("disputed_invoice"),
    /** A reminder or offer is due, but the customer was contacted too recently to repeat it. */
    RECENTLY_CONTACTED("recently_contacted");

    private final String code;

    TreatmentReason(String code) {
        this.code = code;
    }

    /** The stable code, e.g. {@code late_high_risk}. */
    public String code() {
        return code;
    }
}

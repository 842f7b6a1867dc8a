package io.paysignal.core.feature;

/**
 * The span of time a feature looks at, relative to the as-of date T. Day windows are half-open and end
 * on T: "90 days" means the days {@code (T - 90, T]}, i.e. T-89 through T. Every feature name ends with
 * its window's {@link #nameSuffix()}, so a name says what it covers.
 */
public enum FeatureWindow {
    /** The state on day T itself (balances, DPD, open invoices). */
    CURRENT("_current", "state on day T"),
    /** The 30 days {@code (T-30, T]}. */
    DAYS_30("_30d", "30 days (T-30, T]"),
    /** The 90 days {@code (T-90, T]}. */
    DAYS_90("_90d", "90 days (T-90, T]"),
    /** The 180 days {@code (T-180, T]}. */
    DAYS_180("_180d", "180 days (T-180, T]"),
    /** The 365 days {@code (T-365, T]}. */
    DAYS_365("_365d", "365 days (T-365, T]"),
    /** The last 90 days compared with the 275 days before them, {@code (T-365, T-90]}. */
    RECENT_90D_VS_PRIOR_275D("_90d_vs_prior_275d", "(T-90, T] against (T-365, T-90]"),
    /** Invoices issued by T that fall due in {@code (T, T+30]}: known obligations, not future events. */
    NEXT_30D("_next_30d", "due in (T, T+30], invoices issued by T"),
    /** Invoices issued by T that fall due in {@code (T, T+90]}. */
    NEXT_90D("_next_90d", "due in (T, T+90], invoices issued by T"),
    /** Everything dated on or before T. */
    WHOLE_HISTORY("", "all history up to T"),
    /** An attribute of the customer row, not an event. */
    CUSTOMER("", "customer attribute");

    private final String nameSuffix;
    private final String label;

    FeatureWindow(String nameSuffix, String label) {
        this.nameSuffix = nameSuffix;
        this.label = label;
    }

    /** The suffix every feature name over this window ends with; empty when the window needs none. */
    public String nameSuffix() {
        return nameSuffix;
    }

    /** A short human description of the window, as printed in docs/FEATURES.md. */
    public String label() {
        return label;
    }
}

package io.paysignal.core.feature;

import static io.paysignal.core.feature.FeatureExtractor.DPD_REACHED_THRESHOLD;
import static io.paysignal.core.feature.FeatureExtractor.PAYMENT_COVERAGE_CAP;
import static io.paysignal.core.feature.FeatureExtractor.PROMISE_GRACE_DAYS;
import static io.paysignal.core.feature.FeatureExtractor.RECENCY_CAP_DAYS;
import static io.paysignal.core.feature.FeatureWindow.CURRENT;
import static io.paysignal.core.feature.FeatureWindow.CUSTOMER;
import static io.paysignal.core.feature.FeatureWindow.DAYS_180;
import static io.paysignal.core.feature.FeatureWindow.DAYS_30;
import static io.paysignal.core.feature.FeatureWindow.DAYS_365;
import static io.paysignal.core.feature.FeatureWindow.DAYS_90;
import static io.paysignal.core.feature.FeatureWindow.NEXT_30D;
import static io.paysignal.core.feature.FeatureWindow.NEXT_90D;
import static io.paysignal.core.feature.FeatureWindow.RECENT_90D_VS_PRIOR_275D;
import static io.paysignal.core.feature.FeatureWindow.WHOLE_HISTORY;

import java.util.ArrayList;
import java.util.List;

/**
 * The feature schema: one constant per feature name and the catalog of their definitions, in the order
 * {@link FeatureExtractor} emits them. Feature names are a public contract (model bundles record them),
 * so renaming, reordering, adding or removing a feature, or changing what one means, requires bumping
 * {@link #SCHEMA_VERSION}. docs/FEATURES.md is generated from {@link #definitions()}.
 *
 * <p>The conventions every definition relies on (what "visible", "open", "days late" and "due in window"
 * mean) are listed by {@link #conventions()}; docs/FEATURES.md prints them above the catalog.
 */
public final class FeatureNames {

    /** Version of this schema; bump on any change to the names, their order or their meaning. */
    public static final int SCHEMA_VERSION = 1;

    // History and billing
    public static final String HAS_HISTORY = "has_history";
    public static final String TENURE_DAYS = "tenure_days";
    public static final String INVOICE_COUNT_365D = "invoice_count_365d";
    public static final String INVOICES_PER_90D_365D = "invoices_per_90d_365d";
    public static final String AVG_MONTHLY_BILLING_365D = "avg_monthly_billing_365d";
    public static final String INVOICE_AMOUNT_RATIO_90D_VS_PRIOR_275D = "invoice_amount_ratio_90d_vs_prior_275d";

    // Exposure on T
    public static final String OPEN_INVOICE_COUNT_CURRENT = "open_invoice_count_current";
    public static final String OVERDUE_INVOICE_COUNT_CURRENT = "overdue_invoice_count_current";
    public static final String OVERDUE_INVOICE_SHARE_CURRENT = "overdue_invoice_share_current";
    public static final String OPEN_BALANCE_CURRENT = "open_balance_current";
    public static final String OVERDUE_BALANCE_CURRENT = "overdue_balance_current";
    public static final String OVERDUE_BALANCE_1_30DPD_CURRENT = "overdue_balance_1_30dpd_current";
    public static final String OVERDUE_BALANCE_31_60DPD_CURRENT = "overdue_balance_31_60dpd_current";
    public static final String OVERDUE_BALANCE_61PLUS_DPD_CURRENT = "overdue_balance_61plus_dpd_current";
    public static final String HAS_CREDIT_LIMIT = "has_credit_limit";
    public static final String OPEN_BALANCE_TO_CREDIT_LIMIT_CURRENT = "open_balance_to_credit_limit_current";
    public static final String OVERDUE_BALANCE_TO_CREDIT_LIMIT_CURRENT = "overdue_balance_to_credit_limit_current";
    public static final String OPEN_BALANCE_TO_MONTHLY_BILLING_CURRENT = "open_balance_to_monthly_billing_current";
    public static final String OVERDUE_BALANCE_TO_MONTHLY_BILLING_CURRENT =
            "overdue_balance_to_monthly_billing_current";
    public static final String MAX_DAYS_PAST_DUE_CURRENT = "max_days_past_due_current";
    public static final String OLDEST_OPEN_INVOICE_AGE_DAYS_CURRENT = "oldest_open_invoice_age_days_current";
    public static final String AMOUNT_DUE_NEXT_30D = "amount_due_next_30d";
    public static final String AMOUNT_DUE_NEXT_90D = "amount_due_next_90d";

    // Past delinquency
    public static final String MAX_DAYS_PAST_DUE_90D = "max_days_past_due_90d";
    public static final String MAX_DAYS_PAST_DUE_365D = "max_days_past_due_365d";
    public static final String INVOICES_REACHED_30DPD_365D = "invoices_reached_30dpd_365d";

    // Payment behaviour by due date
    public static final String LATE_PAYMENT_SHARE_30D = "late_payment_share_30d";
    public static final String MAX_DAYS_LATE_30D = "max_days_late_30d";
    public static final String INVOICES_DUE_90D = "invoices_due_90d";
    public static final String LATE_PAYMENT_SHARE_90D = "late_payment_share_90d";
    public static final String LATE_30PLUS_SHARE_90D = "late_30plus_share_90d";
    public static final String MEAN_DAYS_LATE_90D = "mean_days_late_90d";
    public static final String MAX_DAYS_LATE_90D = "max_days_late_90d";
    public static final String LATE_PAYMENT_SHARE_180D = "late_payment_share_180d";
    public static final String LATE_30PLUS_SHARE_180D = "late_30plus_share_180d";
    public static final String MEAN_DAYS_LATE_180D = "mean_days_late_180d";
    public static final String MAX_DAYS_LATE_180D = "max_days_late_180d";
    public static final String INVOICES_DUE_365D = "invoices_due_365d";
    public static final String LATE_PAYMENT_SHARE_365D = "late_payment_share_365d";
    public static final String LATE_30PLUS_SHARE_365D = "late_30plus_share_365d";
    public static final String MEAN_DAYS_LATE_365D = "mean_days_late_365d";
    public static final String MAX_DAYS_LATE_365D = "max_days_late_365d";
    public static final String STD_DAYS_LATE_365D = "std_days_late_365d";
    public static final String DAYS_LATE_CHANGE_90D_VS_PRIOR_275D = "days_late_change_90d_vs_prior_275d";
    public static final String DAYS_LATE_SLOPE_365D = "days_late_slope_365d";
    public static final String PARTIAL_PAYMENT_SHARE_365D = "partial_payment_share_365d";

    // Payments
    public static final String DAYS_SINCE_LAST_PAYMENT = "days_since_last_payment";
    public static final String PAYMENT_COVERAGE_90D = "payment_coverage_90d";

    // Disputes
    public static final String DISPUTED_INVOICE_COUNT_365D = "disputed_invoice_count_365d";
    public static final String DISPUTED_INVOICE_SHARE_365D = "disputed_invoice_share_365d";
    public static final String OPEN_DISPUTED_BALANCE_CURRENT = "open_disputed_balance_current";

    // Contacts
    public static final String CONTACT_COUNT_30D = "contact_count_30d";
    public static final String CONTACT_COUNT_90D = "contact_count_90d";
    public static final String REACHED_CONTACT_SHARE_365D = "reached_contact_share_365d";
    public static final String PROMISE_TO_PAY_COUNT_365D = "promise_to_pay_count_365d";
    public static final String BROKEN_PROMISE_COUNT_365D = "broken_promise_count_365d";
    public static final String BROKEN_PROMISE_SHARE_365D = "broken_promise_share_365d";
    public static final String CONSECUTIVE_NO_RESPONSE_CURRENT = "consecutive_no_response_current";
    public static final String DAYS_SINCE_LAST_CONTACT = "days_since_last_contact";
    public static final String OPTED_OUT_CHANNEL_COUNT = "opted_out_channel_count";

    private static final String DAYS_LATE = "days late (settlement day minus due date, or DPD on T while open)";

    private static final List<FeatureDefinition> DEFINITIONS = List.of(
            def(HAS_HISTORY, WHOLE_HISTORY,
                    "1 when at least one invoice is issued on or before T, else 0.",
                    "BILLING_HISTORY", "The customer's billing history, or its absence, points to higher risk."),
            def(TENURE_DAYS, WHOLE_HISTORY,
                    "Days from the earlier of opened_date (ignored when after T) and the first visible invoice's"
                            + " issue date to T; 0 when neither exists.",
                    "TENURE", "The customer relationship is young."),
            def(INVOICE_COUNT_365D, DAYS_365,
                    "Number of invoices issued in the window.",
                    "BILLING_VOLUME_365D", "Many invoices were issued in the last year."),
            def(INVOICES_PER_90D_365D, DAYS_365,
                    "Billing frequency: invoices issued in the window times 90 divided by the observed days, where"
                            + " observed days = T minus the first visible issue date plus 1, clamped to [90, 365]."
                            + " 0 without invoices.",
                    "BILLING_FREQUENCY", "The customer is billed often."),
            def(AVG_MONTHLY_BILLING_365D, DAYS_365,
                    "Typical monthly billing: amount issued in the window divided by observed days / (365/12),"
                            + " where observed days = T minus the first visible issue date plus 1, clamped to"
                            + " [365/12, 365]. 0 without invoices.",
                    "BILLING_AMOUNT", "The customer's monthly billing is high."),
            def(INVOICE_AMOUNT_RATIO_90D_VS_PRIOR_275D, RECENT_90D_VS_PRIOR_275D,
                    "Mean amount of invoices issued in (T-90, T] divided by the mean amount of those issued in"
                            + " (T-365, T-90]; 1 when either group is empty.",
                    "BILLING_GROWTH", "Recent invoices are larger than earlier ones."),

            def(OPEN_INVOICE_COUNT_CURRENT, CURRENT,
                    "Number of visible invoices not settled on T.",
                    "OPEN_INVOICES", "Several invoices are open."),
            def(OVERDUE_INVOICE_COUNT_CURRENT, CURRENT,
                    "Number of open invoices with DPD on T of at least 1.",
                    "OVERDUE_INVOICES", "Several invoices are past due."),
            def(OVERDUE_INVOICE_SHARE_CURRENT, CURRENT,
                    "Overdue invoices divided by open invoices on T; 0 when nothing is open.",
                    "OVERDUE_SHARE", "Most open invoices are past due."),
            def(OPEN_BALANCE_CURRENT, CURRENT,
                    "Sum of open balances on T of open invoices.",
                    "OPEN_BALANCE", "The open balance is high."),
            def(OVERDUE_BALANCE_CURRENT, CURRENT,
                    "Sum of open balances on T of invoices with DPD of at least 1.",
                    "OVERDUE_BALANCE", "A large amount is past due."),
            def(OVERDUE_BALANCE_1_30DPD_CURRENT, CURRENT,
                    "Open balance on T of invoices 1 to 30 days past due.",
                    "OVERDUE_1_30_DPD", "Money is 1 to 30 days past due."),
            def(OVERDUE_BALANCE_31_60DPD_CURRENT, CURRENT,
                    "Open balance on T of invoices 31 to 60 days past due.",
                    "OVERDUE_31_60_DPD", "Money is 31 to 60 days past due."),
            def(OVERDUE_BALANCE_61PLUS_DPD_CURRENT, CURRENT,
                    "Open balance on T of invoices 61 or more days past due.",
                    "OVERDUE_61_PLUS_DPD", "Money is more than 60 days past due."),
            def(HAS_CREDIT_LIMIT, CUSTOMER,
                    "1 when the customer row has a credit_limit greater than 0, else 0.",
                    "CREDIT_LIMIT_STATUS", "The account's credit-limit status points to higher risk."),
            def(OPEN_BALANCE_TO_CREDIT_LIMIT_CURRENT, CURRENT,
                    "Open balance on T divided by the credit limit; 0 without a credit limit.",
                    "CREDIT_UTILIZATION", "The open balance uses much of the credit limit."),
            def(OVERDUE_BALANCE_TO_CREDIT_LIMIT_CURRENT, CURRENT,
                    "Overdue balance on T divided by the credit limit; 0 without a credit limit.",
                    "OVERDUE_TO_CREDIT_LIMIT", "The past-due amount is large against the credit limit."),
            def(OPEN_BALANCE_TO_MONTHLY_BILLING_CURRENT, CURRENT,
                    "Open balance on T divided by " + AVG_MONTHLY_BILLING_365D + "; 0 when that is 0.",
                    "OPEN_TO_BILLING", "The open balance is large against typical monthly billing."),
            def(OVERDUE_BALANCE_TO_MONTHLY_BILLING_CURRENT, CURRENT,
                    "Overdue balance on T divided by " + AVG_MONTHLY_BILLING_365D + "; 0 when that is 0.",
                    "OVERDUE_TO_BILLING", "The past-due amount is large against typical monthly billing."),
            def(MAX_DAYS_PAST_DUE_CURRENT, CURRENT,
                    "Largest DPD on T over visible invoices; 0 when none is past due.",
                    "DPD_CURRENT", "An invoice is currently past due."),
            def(OLDEST_OPEN_INVOICE_AGE_DAYS_CURRENT, CURRENT,
                    "T minus the issue date of the oldest open invoice, in days; 0 when nothing is open.",
                    "OLDEST_OPEN_INVOICE", "An old invoice is still open."),
            def(AMOUNT_DUE_NEXT_30D, NEXT_30D,
                    "Open balance on T of invoices issued by T whose due date is in (T, T+30].",
                    "DUE_NEXT_30D", "A large amount falls due in the next 30 days."),
            def(AMOUNT_DUE_NEXT_90D, NEXT_90D,
                    "Open balance on T of invoices issued by T whose due date is in (T, T+90].",
                    "DUE_NEXT_90D", "A large amount falls due in the next 90 days."),

            def(MAX_DAYS_PAST_DUE_90D, DAYS_90,
                    "Worst DPD reached on any day of the window by any visible invoice (DPD from visible"
                            + " payments only); 0 when none was past due.",
                    "DPD_WORST_90D", "An invoice was far past due in the last 90 days."),
            def(MAX_DAYS_PAST_DUE_365D, DAYS_365,
                    "Worst DPD reached on any day of the window by any visible invoice; 0 when none was past due.",
                    "DPD_WORST_365D", "An invoice was far past due in the last year."),
            def(INVOICES_REACHED_30DPD_365D, DAYS_365,
                    "Number of visible invoices whose day due_date + " + DPD_REACHED_THRESHOLD + " lies in the window"
                            + " and that were not settled on that day: past delinquency events as the label defines"
                            + " them.",
                    "DELINQUENT_365D", "Invoices reached 30 days past due in the last year."),

            def(LATE_PAYMENT_SHARE_30D, DAYS_30,
                    "Share of invoices due in the window with " + DAYS_LATE + " of at least 1; 0 when none was"
                            + " due.",
                    "LATE_SHARE_30D", "Invoices due in the last 30 days were paid late or are unpaid."),
            def(MAX_DAYS_LATE_30D, DAYS_30,
                    "Largest " + DAYS_LATE + " over invoices due in the window; 0 when none was due.",
                    "LATE_MAX_30D", "An invoice due in the last 30 days was paid late or is unpaid."),
            def(INVOICES_DUE_90D, DAYS_90,
                    "Number of visible invoices due in the window.",
                    "DUE_COUNT_90D", "Many invoices fell due in the last 90 days."),
            def(LATE_PAYMENT_SHARE_90D, DAYS_90,
                    "Share of invoices due in the window with " + DAYS_LATE + " of at least 1; 0 when none was"
                            + " due.",
                    "LATE_SHARE_90D", "Many invoices due in the last 90 days were paid late."),
            def(LATE_30PLUS_SHARE_90D, DAYS_90,
                    "Share of invoices due in the window with " + DAYS_LATE + " of at least 30; 0 when none was"
                            + " due.",
                    "LATE_30_SHARE_90D", "Invoices due in the last 90 days were paid 30 or more days late."),
            def(MEAN_DAYS_LATE_90D, DAYS_90,
                    "Mean " + DAYS_LATE + " over invoices due in the window, on-time invoices counting 0; 0 when"
                            + " none was due.",
                    "LATE_MEAN_90D", "Invoices due in the last 90 days were paid late on average."),
            def(MAX_DAYS_LATE_90D, DAYS_90,
                    "Largest " + DAYS_LATE + " over invoices due in the window; 0 when none was due.",
                    "LATE_MAX_90D", "An invoice due in the last 90 days was paid very late."),
            def(LATE_PAYMENT_SHARE_180D, DAYS_180,
                    "Share of invoices due in the window with " + DAYS_LATE + " of at least 1; 0 when none was"
                            + " due.",
                    "LATE_SHARE_180D", "Many invoices due in the last 180 days were paid late."),
            def(LATE_30PLUS_SHARE_180D, DAYS_180,
                    "Share of invoices due in the window with " + DAYS_LATE + " of at least 30; 0 when none was"
                            + " due.",
                    "LATE_30_SHARE_180D", "Invoices due in the last 180 days were paid 30 or more days late."),
            def(MEAN_DAYS_LATE_180D, DAYS_180,
                    "Mean " + DAYS_LATE + " over invoices due in the window; 0 when none was due.",
                    "LATE_MEAN_180D", "Invoices due in the last 180 days were paid late on average."),
            def(MAX_DAYS_LATE_180D, DAYS_180,
                    "Largest " + DAYS_LATE + " over invoices due in the window; 0 when none was due.",
                    "LATE_MAX_180D", "An invoice due in the last 180 days was paid very late."),
            def(INVOICES_DUE_365D, DAYS_365,
                    "Number of visible invoices due in the window.",
                    "DUE_COUNT_365D", "Many invoices fell due in the last year."),
            def(LATE_PAYMENT_SHARE_365D, DAYS_365,
                    "Share of invoices due in the window with " + DAYS_LATE + " of at least 1; 0 when none was"
                            + " due.",
                    "LATE_SHARE_365D", "Many invoices due in the last year were paid late."),
            def(LATE_30PLUS_SHARE_365D, DAYS_365,
                    "Share of invoices due in the window with " + DAYS_LATE + " of at least 30; 0 when none was"
                            + " due.",
                    "LATE_30_SHARE_365D", "Invoices due in the last year were paid 30 or more days late."),
            def(MEAN_DAYS_LATE_365D, DAYS_365,
                    "Mean " + DAYS_LATE + " over invoices due in the window; 0 when none was due.",
                    "LATE_MEAN_365D", "Invoices due in the last year were paid late on average."),
            def(MAX_DAYS_LATE_365D, DAYS_365,
                    "Largest " + DAYS_LATE + " over invoices due in the window; 0 when none was due.",
                    "LATE_MAX_365D", "An invoice due in the last year was paid very late."),
            def(STD_DAYS_LATE_365D, DAYS_365,
                    "Population standard deviation of " + DAYS_LATE + " over invoices due in the window; 0 with"
                            + " fewer than 2.",
                    "LATE_SPREAD_365D", "Payment timing has been erratic over the last year."),
            def(DAYS_LATE_CHANGE_90D_VS_PRIOR_275D, RECENT_90D_VS_PRIOR_275D,
                    "Mean days late of invoices due in (T-90, T] minus that of invoices due in (T-365, T-90]; 0"
                            + " when either group is empty.",
                    "LATE_TREND", "Recent invoices are paid later than earlier ones."),
            def(DAYS_LATE_SLOPE_365D, DAYS_365,
                    "Least-squares slope of days late against due date over invoices due in the window, in days"
                            + " late per 30 days; 0 with fewer than 2 distinct due dates.",
                    "LATE_SLOPE_365D", "Payment delays have been growing over the last year."),
            def(PARTIAL_PAYMENT_SHARE_365D, DAYS_365,
                    "Among invoices issued in the window that received a visible payment, the share still not"
                            + " settled at the end of their first payment day; 0 when none received a payment.",
                    "PARTIAL_PAYMENTS", "Invoices are often paid in parts."),

            def(DAYS_SINCE_LAST_PAYMENT, WHOLE_HISTORY,
                    "T minus the latest visible payment date; without payments, T minus the first visible issue"
                            + " date; 0 without invoices. Capped at " + RECENCY_CAP_DAYS + ".",
                    "PAYMENT_RECENCY", "No payment has arrived for a long time."),
            def(PAYMENT_COVERAGE_90D, DAYS_90,
                    "Visible payments dated in the window divided by the amount of invoices due in the window;"
                            + " 1 when nothing was due; capped at " + fmt(PAYMENT_COVERAGE_CAP) + ".",
                    "PAYMENT_COVERAGE_90D", "Recent payments cover little of what fell due."),

            def(DISPUTED_INVOICE_COUNT_365D, DAYS_365,
                    "Number of invoices issued in the window flagged disputed (the flag is the table's current"
                            + " state; the contract does not date it).",
                    "DISPUTES_365D", "The customer disputed invoices in the last year."),
            def(DISPUTED_INVOICE_SHARE_365D, DAYS_365,
                    "Disputed invoices issued in the window divided by invoices issued in the window; 0 when none"
                            + " was issued.",
                    "DISPUTE_SHARE_365D", "A large share of invoices is disputed."),
            def(OPEN_DISPUTED_BALANCE_CURRENT, CURRENT,
                    "Open balance on T of disputed invoices.",
                    "DISPUTED_OPEN_BALANCE", "Disputed invoices are still open."),

            def(CONTACT_COUNT_30D, DAYS_30,
                    "Number of contacts whose UTC date is in the window.",
                    "CONTACTS_30D", "The customer was contacted often in the last 30 days."),
            def(CONTACT_COUNT_90D, DAYS_90,
                    "Number of contacts whose UTC date is in the window.",
                    "CONTACTS_90D", "The customer was contacted often in the last 90 days."),
            def(REACHED_CONTACT_SHARE_365D, DAYS_365,
                    "Share of contacts in the window with outcome reached or promise_to_pay; 0 without contacts.",
                    "REACH_RATE_365D", "Outreach rarely reaches the customer."),
            def(PROMISE_TO_PAY_COUNT_365D, DAYS_365,
                    "Number of promise_to_pay contacts in the window.",
                    "PROMISES_365D", "The customer had to promise to pay."),
            def(BROKEN_PROMISE_COUNT_365D, DAYS_365,
                    "Promises in the window whose UTC day p satisfies p + " + PROMISE_GRACE_DAYS + " <= T and with no"
                            + " visible payment on any of the customer's invoices dated in [p, p + "
                            + PROMISE_GRACE_DAYS + "].",
                    "BROKEN_PROMISES_365D", "Promises to pay were broken."),
            def(BROKEN_PROMISE_SHARE_365D, DAYS_365,
                    "Broken promises divided by promises in the window whose " + PROMISE_GRACE_DAYS + " days have"
                            + " elapsed by T; 0 when there are none.",
                    "BROKEN_PROMISE_SHARE_365D", "Most promises to pay were broken."),
            def(CONSECUTIVE_NO_RESPONSE_CURRENT, CURRENT,
                    "Number of no_response contacts made after the latest contact with any other outcome (all of"
                            + " them when there is none).",
                    "NO_RESPONSE_STREAK", "Recent outreach went unanswered."),
            def(DAYS_SINCE_LAST_CONTACT, WHOLE_HISTORY,
                    "T minus the UTC date of the latest visible contact; " + RECENCY_CAP_DAYS + " when never"
                            + " contacted; capped at " + RECENCY_CAP_DAYS + ".",
                    "CONTACT_RECENCY", "The customer needed outreach recently."),
            def(OPTED_OUT_CHANNEL_COUNT, WHOLE_HISTORY,
                    "Number of distinct channels with an opted_out contact.",
                    "OPTED_OUT", "The customer opted out of outreach channels."));

    private static final List<String> CONVENTIONS = List.of(
            "Visible as of T: invoices with issue_date <= T, payments dated on or before T on those invoices"
                    + " (a payment on an invoice issued after T is ignored), contacts with contact_time before the"
                    + " end of day T in UTC. Nothing else is used, so data dated after T cannot change a feature.",
            "Open balance, settlement and DPD are those of InvoiceLedger (DATA-CONTRACT section 2) over the"
                    + " visible payments. An invoice is open on T when it is not settled on T; overdue when its DPD"
                    + " on T is at least 1.",
            "Days late of an invoice: settlement day minus due date (at least 0) when settled by T, otherwise"
                    + " its DPD on T (late so far).",
            "Payment-behaviour windows select invoices by due date: due in window w means due_date in"
                    + " (T - w, T]. Grouping by due date rather than settlement date keeps unpaid invoices in.",
            "A contact's day is the UTC date of its contact_time.",
            "A share, mean or ratio with an empty denominator takes the neutral value its definition states (0"
                    + " unless said otherwise); the count features beside it tell the model the group was empty.");

    private static final List<String> NAMES = namesOf(DEFINITIONS);

    private FeatureNames() {
    }

    /** Feature names in extraction order: the order of {@link FeatureVector#names()}. */
    public static List<String> names() {
        return NAMES;
    }

    /** The conventions the definitions rely on, one sentence each (printed above the catalog in the docs). */
    public static List<String> conventions() {
        return CONVENTIONS;
    }

    /** The catalog: one definition per feature, in extraction order. */
    public static List<FeatureDefinition> definitions() {
        return DEFINITIONS;
    }

    /** The definition of the named feature; IllegalArgumentException when there is none. */
    public static FeatureDefinition definition(String name) {
        for (FeatureDefinition definition : DEFINITIONS) {
            if (definition.name().equals(name)) {
                return definition;
            }
        }
        throw new IllegalArgumentException("no feature named " + name);
    }

    private static FeatureDefinition def(String name, FeatureWindow window, String meaning, String reasonCode,
                                         String reasonSentence) {
        return new FeatureDefinition(name, meaning, window, reasonCode, reasonSentence);
    }

    private static List<String> namesOf(List<FeatureDefinition> definitions) {
        List<String> names = new ArrayList<>(definitions.size());
        for (FeatureDefinition definition : definitions) {
            if (names.contains(definition.name())) {
                throw new IllegalStateException("duplicate feature name " + definition.name());
            }
            names.add(definition.name());
        }
        return List.copyOf(names);
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}

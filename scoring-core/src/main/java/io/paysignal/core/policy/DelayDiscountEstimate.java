package io.paysignal.core.policy;

import java.io.Serializable;
import java.util.Locale;

/**
 * The daily delay discount of the outreach planner ({@link OutreachConfig#dailyDelayDiscount()}), estimated from
 * the training history instead of fixed by hand, with the evidence it rests on.
 *
 * <p>A contact is worth what is still collectable when it lands. The history says how fast that falls: of the
 * invoices still open at {@code d} days past due, the share settled within the next
 * {@link CollectabilityCounts#followUpDays()} days ({@link CollectabilityCounts}). The estimate is the per-day
 * decay of that share: a least-squares line through {@code ln(share(d))} against {@code d}, each day weighted
 * by its count of open invoices, over the days with at least {@value #MIN_INVOICES_PER_DAY} open invoices and at
 * least one settlement; the discount is {@code exp(slope)}, clamped to {@code [minDiscount, maxDiscount]}
 * (a share that rises with age would mean waiting is free, which no dunning policy should conclude from a year
 * of data; a steep fall would make every later day worthless). With fewer than {@code minInvoices} invoices
 * open at 1 day past due, or fewer than {@value #MIN_POINTS} usable days, the configured default is used
 * ({@code fallback} true) and {@code note} says why.
 *
 * @param dailyDiscount the discount to plan with: the clamped fit, or the fallback
 * @param fittedDiscount {@code exp(slope)} before clamping; null when there was too little data to fit
 * @param fallback true when {@code dailyDiscount} is the configured default, not the fit
 * @param points days past due the line was fitted through
 * @param minDiscount lower clamp
 * @param maxDiscount upper clamp
 * @param minInvoices invoices open at 1 day past due needed to fit
 * @param note how the value was obtained, in words
 * @param evidence the counts
 */
public record DelayDiscountEstimate(double dailyDiscount, Double fittedDiscount, boolean fallback, int points,
                                    double minDiscount, double maxDiscount, long minInvoices, String note,
                                    CollectabilityCounts evidence) implements Serializable {

    /** Default lower clamp: a day's wait never costs more than 10%. */
    public static final double DEFAULT_MIN_DISCOUNT = 0.90;
    /** Default upper clamp: a day's wait always costs at least 0.5%. */
    public static final double DEFAULT_MAX_DISCOUNT = 0.995;
    /** Default invoices open at 1 day past due needed to fit. */
    public static final long DEFAULT_MIN_INVOICES = 200;
    /** A day past due enters the fit with at least this many open invoices. */
    public static final long MIN_INVOICES_PER_DAY = 30;
    /** Days past due needed for a fit. */
    public static final int MIN_POINTS = 10;

    public DelayDiscountEstimate {
        if (!(minDiscount > 0 && minDiscount <= maxDiscount && maxDiscount <= 1)) {
            throw new IllegalArgumentException("need 0 < minDiscount <= maxDiscount <= 1, was " + minDiscount
                    + " and " + maxDiscount);
        }
        if (!(dailyDiscount > 0 && dailyDiscount <= 1)) {
            throw new IllegalArgumentException("dailyDiscount must be in (0, 1], was " + dailyDiscount);
        }
        if (!fallback && (fittedDiscount == null || dailyDiscount < minDiscount || dailyDiscount > maxDiscount)) {
            throw new IllegalArgumentException("a fitted discount lies in [minDiscount, maxDiscount]");
        }
        if (points < 0 || minInvoices < 1 || note == null || evidence == null) {
            throw new IllegalArgumentException("points >= 0, minInvoices >= 1, a note and the evidence are required");
        }
    }

    /** The estimate from {@code counts} with the default clamps, falling back to {@code configuredDefault}. */
    public static DelayDiscountEstimate fit(CollectabilityCounts counts, double configuredDefault) {
        return fit(counts, configuredDefault, DEFAULT_MIN_DISCOUNT, DEFAULT_MAX_DISCOUNT, DEFAULT_MIN_INVOICES);
    }

    /**
     * The estimate from {@code counts}.
     *
     * @param counts the evidence
     * @param configuredDefault the discount used when there is too little evidence
     * @param minDiscount lower clamp
     * @param maxDiscount upper clamp
     * @param minInvoices invoices open at 1 day past due needed to fit
     */
    public static DelayDiscountEstimate fit(CollectabilityCounts counts, double configuredDefault, double minDiscount,
                                            double maxDiscount, long minInvoices) {
        double sw = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int points = 0;
        for (int d = 1; d <= counts.maxDaysPastDue(); d++) {
            long open = counts.open(d);
            long settled = counts.settled(d);
            if (open < MIN_INVOICES_PER_DAY || settled == 0) {
                continue;
            }
            double w = open;
            double y = Math.log((double) settled / open);
            sw += w;
            sx += w * d;
            sy += w * y;
            sxx += w * d * d;
            sxy += w * d * y;
            points++;
        }
        long atOneDay = counts.open(1);
        if (atOneDay < minInvoices || points < MIN_POINTS) {
            String note = String.format(Locale.ROOT, "configured default %s: too few overdue invoices to estimate"
                    + " (%d open at 1 day past due, %d needed; %d usable days past due, %d needed)",
                    configuredDefault, atOneDay, minInvoices, points, MIN_POINTS);
            return new DelayDiscountEstimate(configuredDefault, null, true, points, minDiscount, maxDiscount,
                    minInvoices, note, counts);
        }
        double slope = (sw * sxy - sx * sy) / (sw * sxx - sx * sx);
        double fitted = Math.exp(slope);
        double used = Math.min(maxDiscount, Math.max(minDiscount, fitted));
        String note = String.format(Locale.ROOT, "estimated from the training history: the share of overdue"
                        + " invoices settled within %d days keeps %.4f of itself per day past due (fit over %d days past due, %d invoices"
                        + " open at 1 day)%s", counts.followUpDays(), fitted, points, atOneDay,
                used == fitted ? "" : String.format(Locale.ROOT, ", clamped to %s", used));
        return new DelayDiscountEstimate(used, fitted, false, points, minDiscount, maxDiscount, minInvoices, note,
                counts);
    }
}

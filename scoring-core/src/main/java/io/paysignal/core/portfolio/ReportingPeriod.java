package io.paysignal.core.portfolio;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The days {@code (start, end]}: the period a KPI looks back over, ending on the as-of date. Balances are
 * taken at the end of {@code start} (the end of the previous period) and at the end of {@code end}; sales
 * are invoices issued inside the period.
 *
 * @param start the last day before the period (exclusive)
 * @param end the last day of the period (inclusive)
 */
public record ReportingPeriod(LocalDate start, LocalDate end) implements Serializable {

    public ReportingPeriod {
        if (start == null || end == null || !start.isBefore(end)) {
            throw new IllegalArgumentException("a period needs start < end, was (" + start + ", " + end + "]");
        }
    }

    /** The calendar month ending on {@code end}: {@code (end - 1 month, end]}. */
    public static ReportingPeriod monthEndingOn(LocalDate end) {
        return new ReportingPeriod(end.minusMonths(1), end);
    }

    /**
     * The {@code count} consecutive months ending on {@code end}, latest first: period k is
     * {@code (end - (k+1) months, end - k months]}. Counting every month back from {@code end} (instead of
     * stepping month by month) keeps month-ends on month-ends: from December 31 it gives November 30, October 31
     * and September 30, and each period starts where the next later one ends.
     */
    public static List<ReportingPeriod> monthsEndingOn(LocalDate end, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("need at least one period, was " + count);
        }
        List<ReportingPeriod> periods = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            periods.add(new ReportingPeriod(end.minusMonths(k + 1L), end.minusMonths(k)));
        }
        return periods;
    }

    /** The number of days in the period. */
    public long days() {
        return ChronoUnit.DAYS.between(start, end);
    }

    /** True when {@code day} lies in {@code (start, end]}. */
    public boolean contains(LocalDate day) {
        return day.isAfter(start) && !day.isAfter(end);
    }
}

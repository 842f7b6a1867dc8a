package io.paysignal.core.portfolio;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
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

    /** The month ending on {@code end}: the first of {@link #monthsEndingOn}. */
    public static ReportingPeriod monthEndingOn(LocalDate end) {
        return monthsEndingOn(end, 1).get(0);
    }

    /**
     * The {@code count} consecutive months ending on {@code end}, latest first: period k is
     * {@code (end - (k+1) months, end - k months]}, each starting where the next later one ends. When
     * {@code end} is the last day of its month, every boundary is the last day of its month (calendar months:
     * from September 30 the months end on August 31, July 31, June 30); otherwise boundaries keep {@code end}'s
     * day of month where the month has it (from March 15: February 15, January 15).
     */
    public static List<ReportingPeriod> monthsEndingOn(LocalDate end, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("need at least one period, was " + count);
        }
        boolean monthEnds = end.getDayOfMonth() == end.lengthOfMonth();
        List<ReportingPeriod> periods = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            periods.add(new ReportingPeriod(monthsBefore(end, k + 1, monthEnds), monthsBefore(end, k, monthEnds)));
        }
        return periods;
    }

    private static LocalDate monthsBefore(LocalDate end, int months, boolean monthEnds) {
        LocalDate day = end.minusMonths(months);
        return monthEnds ? day.with(TemporalAdjusters.lastDayOfMonth()) : day;
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

package io.paysignal.pipeline.generate;

import java.time.LocalDate;
import java.time.Month;

/**
 * Day-level facts the simulation asks millions of times, precomputed for the simulated range: formatted
 * dates, weekdays and seasonal payment slowdowns (summer, year end).
 */
final class SimCalendar {

    /** Extra days of payment delay around the year end (15 December to 10 January). */
    static final double YEAR_END_DELAY = 5;
    /** Extra days of payment delay in summer holidays (July-August north, January-February south). */
    static final double SUMMER_DELAY = 3;

    private final int firstDay;
    private final String[] dateText;
    private final double[] northDelay;
    private final double[] southDelay;

    /** Covers {@code from} to {@code to} inclusive; days outside are computed on demand. */
    SimCalendar(int from, int to) {
        this.firstDay = from;
        int size = to - from + 1;
        dateText = new String[size];
        northDelay = new double[size];
        southDelay = new double[size];
        for (int i = 0; i < size; i++) {
            LocalDate date = LocalDate.ofEpochDay(from + i);
            dateText[i] = date.toString();
            northDelay[i] = seasonDelay(date, false);
            southDelay[i] = seasonDelay(date, true);
        }
    }

    /** The {@code yyyy-MM-dd} text of an epoch day. */
    String date(int day) {
        int i = day - firstDay;
        return i >= 0 && i < dateText.length ? dateText[i] : CsvText.date(day);
    }

    /** Seasonal extra payment delay in days on {@code day}. */
    double seasonDelay(int day, boolean southernHemisphere) {
        int i = day - firstDay;
        if (i >= 0 && i < northDelay.length) {
            return southernHemisphere ? southDelay[i] : northDelay[i];
        }
        return seasonDelay(LocalDate.ofEpochDay(day), southernHemisphere);
    }

    /** ISO day of week of an epoch day: 1 = Monday ... 7 = Sunday. */
    static int dayOfWeek(int epochDay) {
        return Math.floorMod(epochDay + 3, 7) + 1;
    }

    /** True on Saturdays and Sundays. */
    static boolean isWeekend(int epochDay) {
        return dayOfWeek(epochDay) >= 6;
    }

    private static double seasonDelay(LocalDate date, boolean southernHemisphere) {
        Month month = date.getMonth();
        int dayOfMonth = date.getDayOfMonth();
        double delay = 0;
        if ((month == Month.DECEMBER && dayOfMonth >= 15) || (month == Month.JANUARY && dayOfMonth <= 10)) {
            delay += YEAR_END_DELAY;
        }
        boolean summer = southernHemisphere
                ? month == Month.JANUARY || month == Month.FEBRUARY
                : month == Month.JULY || month == Month.AUGUST;
        if (summer) {
            delay += SUMMER_DELAY;
        }
        return delay;
    }
}

package io.paysignal.pipeline.job;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The as-of dates training takes snapshots at: the latest is {@code T - H}, so every label is fully
 * observed by T, and earlier ones step back by a fixed number of days while enough history precedes them.
 *
 * @param count how many snapshots at most
 * @param stepDays days between consecutive snapshots
 * @param minHistoryDays history a snapshot needs before it (from the first invoice) to have meaningful features
 */
public record SnapshotSchedule(int count, int stepDays, int minHistoryDays) {

    /** Twelve monthly snapshots, each with at least 90 days of history behind it. */
    public static final SnapshotSchedule DEFAULT = new SnapshotSchedule(12, 30, 90);

    public SnapshotSchedule {
        if (count < 2 || stepDays < 1 || minHistoryDays < 0) {
            throw new IllegalArgumentException("need at least 2 snapshots, a positive step and non-negative history");
        }
    }

    /**
     * The snapshot dates, oldest first.
     *
     * @param asOf the training as-of date T
     * @param horizonDays the label horizon H
     * @param firstActivity the history's first invoice date
     * @throws IllegalArgumentException when fewer than two snapshots fit, saying what history is needed
     */
    public List<LocalDate> dates(LocalDate asOf, int horizonDays, LocalDate firstActivity) {
        LocalDate latest = asOf.minusDays(horizonDays);
        LocalDate earliestAllowed = firstActivity.plusDays(minHistoryDays);
        List<LocalDate> dates = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            LocalDate date = latest.minusDays((long) k * stepDays);
            if (date.isBefore(earliestAllowed)) {
                break;
            }
            dates.add(date);
        }
        if (dates.size() < 2) {
            throw new IllegalArgumentException("history too short to train as of " + asOf + ": snapshots must lie"
                    + " between " + earliestAllowed + " (first invoice " + firstActivity + " + " + minHistoryDays
                    + " days) and " + latest + " (as-of - horizon), " + stepDays + " days apart; at least two are"
                    + " needed");
        }
        Collections.reverse(dates);
        return List.copyOf(dates);
    }
}

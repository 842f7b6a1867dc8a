package io.paysignal.core.bundle;

import java.time.LocalDate;
import java.util.List;

/**
 * Which snapshots a model learned from: it was fitted on every snapshot before {@code validationAsOf} and
 * calibrated and compared with other candidates on the snapshot at {@code validationAsOf}.
 *
 * @param firstAsOf the earliest snapshot's as-of date
 * @param lastAsOf the latest snapshot's as-of date (the validation snapshot)
 * @param snapshotDates every snapshot's as-of date, strictly increasing
 * @param validationAsOf the held-out snapshot's as-of date
 * @param fitRows rows the model was fitted on
 * @param validationRows rows in the validation snapshot
 */
public record TrainingWindow(LocalDate firstAsOf, LocalDate lastAsOf, List<LocalDate> snapshotDates,
                             LocalDate validationAsOf, long fitRows, long validationRows) {

    public TrainingWindow {
        snapshotDates = List.copyOf(snapshotDates);
        if (snapshotDates.size() < 2) {
            throw new IllegalArgumentException("a training window has at least two snapshots");
        }
        for (int i = 1; i < snapshotDates.size(); i++) {
            if (!snapshotDates.get(i).isAfter(snapshotDates.get(i - 1))) {
                throw new IllegalArgumentException("snapshot dates must be strictly increasing");
            }
        }
        if (!snapshotDates.get(0).equals(firstAsOf) || !snapshotDates.get(snapshotDates.size() - 1).equals(lastAsOf)) {
            throw new IllegalArgumentException("first/last as-of must be the first/last snapshot date");
        }
        if (!snapshotDates.contains(validationAsOf)) {
            throw new IllegalArgumentException("validation as-of " + validationAsOf + " is not a snapshot date");
        }
        if (fitRows < 1 || validationRows < 1) {
            throw new IllegalArgumentException("fit and validation rows must be positive");
        }
    }
}

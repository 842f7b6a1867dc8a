package io.paysignal.core.history;

import java.io.Serializable;

/**
 * The result of reading one contract row: either the typed value or the reason it breaks the contract.
 * Reasons are stable, machine-readable codes such as {@code unparseable_date:issue_date}; they are the
 * {@code reason} column of {@code rejects.csv} and are counted per table in the run summary.
 *
 * @param value the parsed record, or null when rejected
 * @param reason the reject reason, or null when accepted
 * @param <T> the record type
 */
public record RowOutcome<T>(T value, String reason) implements Serializable {

    public RowOutcome {
        if ((value == null) == (reason == null)) {
            throw new IllegalArgumentException("exactly one of value and reason must be set");
        }
    }

    public static <T> RowOutcome<T> accepted(T value) {
        return new RowOutcome<>(value, null);
    }

    public static <T> RowOutcome<T> rejected(String reason) {
        return new RowOutcome<>(null, reason);
    }

    public boolean isAccepted() {
        return value != null;
    }
}

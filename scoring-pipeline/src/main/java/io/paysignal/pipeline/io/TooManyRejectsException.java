package io.paysignal.pipeline.io;

import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The history broke the contract in more rows than the configured share allows (DATA-CONTRACT "Bad
 * rows"). The message is one line naming the share, the limit, the tables with rejects and the top reasons.
 * The exception carries the {@link History} that was read, so the caller can still write
 * {@code rejects.csv} and the run summary before failing.
 */
public final class TooManyRejectsException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final int TOP_REASONS = 3;

    private final RunSummary summary;
    private final double maxRejectShare;
    /** Datasets are bound to the session that made them; they do not travel with a serialized exception. */
    private final transient History history;

    public TooManyRejectsException(RunSummary summary, double maxRejectShare, History history) {
        super(message(summary, maxRejectShare));
        this.summary = summary;
        this.maxRejectShare = maxRejectShare;
        this.history = history;
    }

    /** The counts that broke the limit. */
    public RunSummary summary() {
        return summary;
    }

    /** The configured limit. */
    public double maxRejectShare() {
        return maxRejectShare;
    }

    /** The history as read, with its rejects; null after deserialization. */
    public History history() {
        return history;
    }

    private static String message(RunSummary summary, double maxRejectShare) {
        String tables = summary.tables().stream()
                .filter(table -> table.rejectedRows() > 0)
                .map(table -> table.table() + " " + table.rejectedRows() + " of " + table.inputRows())
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT,
                "rejected %d of %d input rows (%s), more than the allowed %s (%s); top reasons: %s",
                summary.rejectedRows(), summary.inputRows(), RunSummary.percent(summary.rejectShare()),
                RunSummary.percent(maxRejectShare), tables, String.join(", ", summary.topReasons(TOP_REASONS)));
    }
}

package io.paysignal.api.snapshot;

/** The snapshot files are missing, incomplete, or do not have the layout {@code riskctl score} writes. */
public final class SnapshotFormatException extends RuntimeException {

    public SnapshotFormatException(String message) {
        super(message);
    }

    public SnapshotFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}

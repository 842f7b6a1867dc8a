package io.paysignal.pipeline.io;

/**
 * A history that cannot be read at all: a required table or column is missing, a header is malformed, a
 * table is stored twice. The message is one line naming the table and what is wrong. Rows that break the
 * contract are not this: they become rejects.
 */
public final class HistoryFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public HistoryFormatException(String message) {
        super(message);
    }

    public HistoryFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.paysignal.api.service;

/** A model version failed validation (unreadable, wrong feature schema, bad canary scores) and is not served. */
public final class ModelRejectedException extends RuntimeException {

    private final String version;

    public ModelRejectedException(String version, String reason) {
        this(version, reason, null);
    }

    public ModelRejectedException(String version, String reason, Throwable cause) {
        super(reason, cause);
        this.version = version;
    }

    /** The version that was rejected, or null when the registry did not even name one. */
    public String version() {
        return version;
    }
}

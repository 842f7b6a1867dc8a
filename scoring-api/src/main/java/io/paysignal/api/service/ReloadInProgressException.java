package io.paysignal.api.service;

/** Another reload is validating a model right now; reloads run one at a time. */
public final class ReloadInProgressException extends RuntimeException {

    public ReloadInProgressException() {
        super("another model reload is in progress", null, false, false);
    }
}

package io.paysignal.api.service;

/** The service cannot answer yet: no model or no snapshot is loaded (start-up still running). */
public final class ServiceUnavailableException extends RuntimeException {

    public ServiceUnavailableException(String reason) {
        super(reason, null, false, false);
    }
}

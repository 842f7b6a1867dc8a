package io.paysignal.core.bundle;

import java.io.IOException;

/**
 * A bundle or registry that cannot be used: missing or damaged files, an unsupported format version, or a
 * feature schema that differs from the one this build computes. The message says which and what to do.
 */
public class InvalidBundleException extends IOException {

    private static final long serialVersionUID = 1L;

    public InvalidBundleException(String message) {
        super(message);
    }

    public InvalidBundleException(String message, Throwable cause) {
        super(message, cause);
    }
}

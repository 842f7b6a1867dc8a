package io.paysignal.api.service;

/**
 * Whether the service can score.
 *
 * @param modelVersion the serving model's version, or null when none is loaded
 * @param snapshotCustomers customers in the loaded snapshot, or -1 when none is loaded
 */
public record Readiness(String modelVersion, int snapshotCustomers) {

    /** True when a model and a snapshot are both loaded. */
    public boolean ready() {
        return modelVersion != null && snapshotCustomers >= 0;
    }
}

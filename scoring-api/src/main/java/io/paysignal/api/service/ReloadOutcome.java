package io.paysignal.api.service;

/**
 * A successful reload.
 *
 * @param previousVersion the version served before, or null when none was
 * @param version the version served from now on
 */
public record ReloadOutcome(String previousVersion, String version) {
}

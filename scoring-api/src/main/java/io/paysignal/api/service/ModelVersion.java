package io.paysignal.api.service;

/**
 * A version folder in the registry.
 *
 * @param version the folder name
 * @param current true when the registry's {@code CURRENT} names it
 * @param serving true when it is the model answering requests now
 */
public record ModelVersion(String version, boolean current, boolean serving) {
}

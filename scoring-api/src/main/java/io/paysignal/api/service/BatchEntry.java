package io.paysignal.api.service;

/**
 * One id's outcome in a batch: its score, or the failure that stopped it (the rest of the batch still runs).
 *
 * @param customerId the id asked for
 * @param score the score, or null when {@code failure} is set
 * @param failure why there is no score, or null when {@code score} is set
 */
public record BatchEntry(String customerId, CustomerScore score, RuntimeException failure) {

    public BatchEntry {
        if ((score == null) == (failure == null)) {
            throw new IllegalArgumentException("exactly one of score and failure");
        }
    }
}

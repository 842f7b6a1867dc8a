package io.paysignal.core.replay;

import java.io.Serializable;

/**
 * A slot a strategy chose, with the response model's estimate for it.
 *
 * @param slot the contact
 * @param estimatedResponse the response model's probability that it reaches the customer
 */
public record ScoredSlot(CandidateSlot slot, double estimatedResponse) implements Serializable {

    public ScoredSlot {
        if (slot == null || !(estimatedResponse >= 0 && estimatedResponse <= 1)) {
            throw new IllegalArgumentException("a slot and an estimate in [0, 1] are required");
        }
    }
}

package io.paysignal.core.replay;

import java.io.Serializable;

/**
 * A contact the existing policy really made in the held-out window.
 *
 * @param key its channel, local hour and weekday
 * @param reached true when it reached the customer (outcome {@code reached} or {@code promise_to_pay})
 * @param estimatedResponse the response model's estimate for it, as known at T
 */
public record HeldOutContact(SlotKey key, boolean reached, double estimatedResponse) implements Serializable {

    public HeldOutContact {
        if (key == null || !(estimatedResponse >= 0 && estimatedResponse <= 1)) {
            throw new IllegalArgumentException("a key and an estimate in [0, 1] are required");
        }
    }
}

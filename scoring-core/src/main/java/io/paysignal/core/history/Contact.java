package io.paysignal.core.history;

import java.io.Serializable;
import java.time.Instant;

/**
 * One row of the contract's {@code contacts} table: an outreach attempt that was made.
 *
 * @param contactId optional id, may be null
 * @param customerId the customer contacted
 * @param contactTime when it was made
 * @param channel how
 * @param outcome what came of it; {@link ContactOutcome#NO_RESPONSE} when absent
 */
public record Contact(String contactId, String customerId, Instant contactTime, Channel channel,
                      ContactOutcome outcome) implements Serializable {

    public Contact {
        if (customerId == null || customerId.isBlank()) {
            throw new IllegalArgumentException("customer_id must not be blank");
        }
        if (contactTime == null || channel == null) {
            throw new IllegalArgumentException("contact_time and channel are required");
        }
        outcome = outcome == null ? ContactOutcome.NO_RESPONSE : outcome;
    }
}

package io.paysignal.core.history;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * One row of the contract's {@code customers} table, with defaults applied.
 *
 * @param customerId unique key, never blank
 * @param segment business label; {@code unknown} when absent
 * @param country ISO 3166-1 alpha-2, or null when absent
 * @param timezone the customer's IANA zone; UTC when absent
 * @param preferredChannel the channel the customer prefers, or null for no preference
 * @param doNotContact true: never recommend any outreach
 * @param creditLimit credit limit, or null when absent
 * @param openedDate customer since, or null when absent
 */
public record Customer(
        String customerId,
        String segment,
        String country,
        ZoneId timezone,
        Channel preferredChannel,
        boolean doNotContact,
        Double creditLimit,
        LocalDate openedDate) implements Serializable {

    /** Segment used when the column is absent or blank. */
    public static final String UNKNOWN_SEGMENT = "unknown";

    public Customer {
        if (customerId == null || customerId.isBlank()) {
            throw new IllegalArgumentException("customer_id must not be blank");
        }
        segment = segment == null || segment.isBlank() ? UNKNOWN_SEGMENT : segment;
        timezone = timezone == null ? ZoneId.of("UTC") : timezone;
    }

    /** A customer with only an id; every optional column takes its default. */
    public static Customer withDefaults(String customerId) {
        return new Customer(customerId, null, null, null, null, false, null, null);
    }
}

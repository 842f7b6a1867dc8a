package io.paysignal.core.history;

import java.util.Locale;
import java.util.Optional;

/** What came of one outreach attempt. */
public enum ContactOutcome {
    NO_RESPONSE, REACHED, PROMISE_TO_PAY, OPTED_OUT;

    /** The contract's wire name, e.g. {@code promise_to_pay}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when the customer was actually reached (a conversation or a promise). */
    public boolean reachedCustomer() {
        return this == REACHED || this == PROMISE_TO_PAY;
    }

    /** Parses a wire name (case-insensitive); empty when unknown. */
    public static Optional<ContactOutcome> fromWire(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "no_response" -> Optional.of(NO_RESPONSE);
            case "reached" -> Optional.of(REACHED);
            case "promise_to_pay" -> Optional.of(PROMISE_TO_PAY);
            case "opted_out" -> Optional.of(OPTED_OUT);
            default -> Optional.empty();
        };
    }
}

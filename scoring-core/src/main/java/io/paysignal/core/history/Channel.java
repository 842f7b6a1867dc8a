package io.paysignal.core.history;

import java.util.Locale;
import java.util.Optional;

/** An outreach channel, as named in the data contract. */
public enum Channel {
    EMAIL, SMS, PHONE, LETTER;

    /** The contract's wire name: {@code email}, {@code sms}, {@code phone} or {@code letter}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name (case-insensitive, surrounding blanks ignored); empty when it is no known channel. */
    public static Optional<Channel> fromWire(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "email" -> Optional.of(EMAIL);
            case "sms" -> Optional.of(SMS);
            case "phone" -> Optional.of(PHONE);
            case "letter" -> Optional.of(LETTER);
            default -> Optional.empty();
        };
    }
}

package io.paysignal.pipeline.io;

import java.io.Serializable;

/**
 * Settings of the {@link HistoryReader}.
 *
 * @param defaultCurrency ISO 4217 code given to an invoice whose {@code currency} is blank or absent;
 *     default {@code USD}
 * @param maxRejectShare the largest share of input rows (all tables together) that may be rejected before
 *     the read fails, in [0, 1]; default 0.01 (1%, DATA-CONTRACT "Bad rows")
 */
public record ReaderConfig(String defaultCurrency, double maxRejectShare) implements Serializable {

    /** Currency used when the configuration names none. */
    public static final String DEFAULT_CURRENCY = "USD";
    /** Reject share used when the configuration names none. */
    public static final double DEFAULT_MAX_REJECT_SHARE = 0.01;

    public ReaderConfig {
        if (defaultCurrency == null || !defaultCurrency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException(
                    "default currency must be a three-letter upper-case ISO 4217 code, was " + defaultCurrency);
        }
        if (!(maxRejectShare >= 0 && maxRejectShare <= 1)) {
            throw new IllegalArgumentException("max reject share must be in [0, 1], was " + maxRejectShare);
        }
    }

    /** USD and 1%. */
    public static ReaderConfig defaults() {
        return new ReaderConfig(DEFAULT_CURRENCY, DEFAULT_MAX_REJECT_SHARE);
    }

    /** This configuration with another reject share. */
    public ReaderConfig withMaxRejectShare(double share) {
        return new ReaderConfig(defaultCurrency, share);
    }

    /** This configuration with another default currency. */
    public ReaderConfig withDefaultCurrency(String currency) {
        return new ReaderConfig(currency, maxRejectShare);
    }
}

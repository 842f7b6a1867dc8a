package io.paysignal.core.policy;

import java.util.Locale;
import java.util.Optional;

/**
 * The score table's {@code risk_tier}. Cut-offs between tiers are model-bundle settings; the tier drives
 * how early and how firmly outreach starts.
 */
public enum RiskTier {
    LOW, MEDIUM, HIGH;

    /** The contract's wire name: {@code low}, {@code medium} or {@code high}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name (case-insensitive); empty when unknown. */
    public static Optional<RiskTier> fromWire(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (RiskTier tier : values()) {
            if (tier.wireName().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(tier);
            }
        }
        return Optional.empty();
    }
}

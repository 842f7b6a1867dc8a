package io.paysignal.api.service;

import io.paysignal.core.model.ReasonCode;
import io.paysignal.core.policy.RiskTier;

import java.util.List;

/**
 * A model's answer for one feature vector.
 *
 * @param riskScore probability of the delinquency label, in [0, 1]
 * @param tier the tier the bundle's cut-offs put that score in
 * @param reasons up to {@link #MAX_REASONS} reasons, the features that raise the score most first
 */
public record ScoreResult(double riskScore, RiskTier tier, List<ReasonCode> reasons) {

    /** The score table holds at most this many reason codes (DATA-CONTRACT section 4). */
    public static final int MAX_REASONS = 3;

    public ScoreResult {
        if (!(riskScore >= 0 && riskScore <= 1)) {
            throw new IllegalArgumentException("risk score must be in [0, 1], was " + riskScore);
        }
        if (tier == null) {
            throw new IllegalArgumentException("tier is required");
        }
        reasons = List.copyOf(reasons);
        if (reasons.size() > MAX_REASONS) {
            throw new IllegalArgumentException("at most " + MAX_REASONS + " reason codes, got " + reasons.size());
        }
    }

    /** The score table's {@code reason_codes} column: the codes joined with {@code ;}. */
    public String reasonCodesText() {
        // String.join(";", codes) without a stream per call: the same text.
        if (reasons.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder().append(reasons.get(0).code());
        for (int i = 1; i < reasons.size(); i++) {
            text.append(';').append(reasons.get(i).code());
        }
        return text.toString();
    }
}

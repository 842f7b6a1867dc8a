package io.paysignal.core.model;

import io.paysignal.core.policy.RiskTier;

import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A customer's score: the calibrated probability of the delinquency label, its tier, and up to
 * {@link ReasonCodes#MAX_REASONS} reasons, strongest first.
 *
 * @param riskScore calibrated probability of label 1, in [0, 1]
 * @param tier the tier of {@code riskScore} under the bundle's cut-offs
 * @param reasons the features that raise the score most, strongest first; empty when none raises it
 */
public record ScoredRisk(double riskScore, RiskTier tier, List<ScoreReason> reasons) implements Serializable {

    public ScoredRisk {
        if (!(riskScore >= 0.0 && riskScore <= 1.0)) {
            throw new IllegalArgumentException("risk score must lie in [0, 1], was " + riskScore);
        }
        if (tier == null) {
            throw new IllegalArgumentException("tier is required");
        }
        reasons = List.copyOf(reasons);
        if (reasons.size() > ReasonCodes.MAX_REASONS) {
            throw new IllegalArgumentException("at most " + ReasonCodes.MAX_REASONS + " reasons, got "
                    + reasons.size());
        }
    }

    /** The reason codes, strongest first. */
    public List<String> reasonCodes() {
        return reasons.stream().map(r -> r.reason().code()).toList();
    }

    /** The score table's {@code reason_codes} cell: codes joined by {@code ;}, empty when there are none. */
    public String reasonCodesCell() {
        return reasons.stream().map(r -> r.reason().code()).collect(Collectors.joining(";"));
    }
}

package io.paysignal.core.model;

import io.paysignal.core.policy.RiskTier;

import java.util.Arrays;

/**
 * Cut-offs on the calibrated risk score between the contract's tiers: a score at or above {@code high} is
 * {@link RiskTier#HIGH}, at or above {@code medium} is {@link RiskTier#MEDIUM}, else {@link RiskTier#LOW}.
 *
 * <p>The trainer chooses them by <em>share of the validation population</em> ({@link #fromTopShares}) rather
 * than by fixed probabilities, because a collections team sizes its work in customers: "the top 10% are
 * high" stays meaningful when the base rate moves between portfolios. The chosen values are stored in the
 * bundle and applied unchanged at scoring time, so shares drift when the score distribution drifts — which is
 * the signal a monitor should watch.
 *
 * @param medium lowest calibrated score that is at least medium, in [0, 1]
 * @param high lowest calibrated score that is high, in [medium, 1]
 */
public record TierCutoffs(double medium, double high) {

    public TierCutoffs {
        if (!(medium >= 0.0 && medium <= high && high <= 1.0)) {
            throw new IllegalArgumentException("cut-offs must satisfy 0 <= medium <= high <= 1, were medium "
                    + medium + " high " + high);
        }
    }

    /** The tier of a calibrated score. */
    public RiskTier tierOf(double riskScore) {
        if (!(riskScore >= 0.0 && riskScore <= 1.0)) {
            throw new IllegalArgumentException("risk score must lie in [0, 1], was " + riskScore);
        }
        if (riskScore >= high) {
            return RiskTier.HIGH;
        }
        return riskScore >= medium ? RiskTier.MEDIUM : RiskTier.LOW;
    }

    /**
     * Cut-offs that put about {@code highShare} of the given scores in the high tier and about
     * {@code elevatedShare} in medium or high.
     *
     * <p>Each cut-off is one of the scores themselves, chosen so the share of scores at or above it is as
     * close as possible to the target; on a tie the smaller share wins, so a tier is not inflated by a block of
     * equal scores. Scores equal to a cut-off always land in the higher tier.
     *
     * @param calibratedScores validation scores in [0, 1]
     * @param highShare target share of high, in (0, 1)
     * @param elevatedShare target share of medium plus high, in [highShare, 1)
     */
    public static TierCutoffs fromTopShares(double[] calibratedScores, double highShare, double elevatedShare) {
        if (calibratedScores == null || calibratedScores.length == 0) {
            throw new IllegalArgumentException("need at least one score to place cut-offs");
        }
        if (!(highShare > 0.0 && highShare <= elevatedShare && elevatedShare < 1.0)) {
            throw new IllegalArgumentException("shares must satisfy 0 < high <= elevated < 1, were " + highShare
                    + ", " + elevatedShare);
        }
        double[] sorted = calibratedScores.clone();
        Arrays.sort(sorted);
        if (!(sorted[0] >= 0.0 && sorted[sorted.length - 1] <= 1.0)) {
            throw new IllegalArgumentException("scores must lie in [0, 1]");
        }
        double high = cutoffForShare(sorted, highShare);
        double medium = Math.min(high, cutoffForShare(sorted, elevatedShare));
        return new TierCutoffs(medium, high);
    }

    private static double cutoffForShare(double[] ascending, double targetShare) {
        int n = ascending.length;
        double bestCutoff = ascending[n - 1];
        double bestDistance = Double.POSITIVE_INFINITY;
        // Walk distinct values from the top; share(v) = rows >= v over all rows.
        int index = n - 1;
        while (index >= 0) {
            double value = ascending[index];
            int first = index;
            while (first > 0 && ascending[first - 1] == value) {
                first--;
            }
            double share = (double) (n - first) / n;
            double distance = Math.abs(share - targetShare);
            if (distance < bestDistance) {
                bestDistance = distance;
                bestCutoff = value;
            }
            if (share >= targetShare) {
                break;
            }
            index = first - 1;
        }
        return bestCutoff;
    }
}

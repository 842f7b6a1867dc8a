package io.paysignal.api.snapshot;

import io.paysignal.core.policy.RiskTier;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The score table that the same {@code riskctl score} run wrote beside the snapshot (DATA-CONTRACT section 4:
 * {@code risk_score}, {@code risk_tier}, {@code reason_codes}, {@code model_version}), aligned with the
 * snapshot's customer positions ({@link SnapshotIndex#position}).
 *
 * <p>Held as parallel primitive arrays indexed by position, with the {@code reason_codes} cells interned (a
 * few thousand distinct cells among a million customers), so a million rows cost about 14 bytes each rather
 * than a boxed record plus a map entry. A position without a usable row (no row in the table, or a row for
 * another as-of date than the snapshot's) has {@link #has} false. Immutable once built; safe to share.
 */
public final class PrecomputedScores {

    private final String source;
    private final String modelVersion;
    private final double[] riskScores;
    private final byte[] tiers;
    private final String[] reasonCodes;
    private final Set<String> distinctReasonCodes;
    private final int rows;

    PrecomputedScores(String source, String modelVersion, double[] riskScores, byte[] tiers, String[] reasonCodes,
                      Set<String> distinctReasonCodes) {
        if (riskScores.length != tiers.length || tiers.length != reasonCodes.length) {
            throw new IllegalArgumentException("score columns must have one entry per snapshot position");
        }
        this.source = source;
        this.modelVersion = modelVersion;
        this.riskScores = riskScores;
        this.tiers = tiers;
        this.reasonCodes = reasonCodes;
        this.distinctReasonCodes = Collections.unmodifiableSet(distinctReasonCodes);
        this.rows = (int) Arrays.stream(riskScores).filter(score -> !Double.isNaN(score)).count();
    }

    /** Where the table was read from. */
    public String source() {
        return source;
    }

    /** The one {@code model_version} of every row: only a serving model of this version may use the rows. */
    public String modelVersion() {
        return modelVersion;
    }

    /** How many snapshot positions have a row. */
    public int rows() {
        return rows;
    }

    /** Whether the customer at {@code position} has a row (for the snapshot's as-of date). */
    public boolean has(int position) {
        return !Double.isNaN(riskScores[position]);
    }

    /** The row's {@code risk_score}; only when {@link #has}. */
    public double riskScore(int position) {
        return riskScores[position];
    }

    /** The row's {@code risk_tier}; only when {@link #has}. */
    public RiskTier tier(int position) {
        return TIERS[tiers[position]];
    }

    /** The row's {@code reason_codes} cell ({@code ;}-joined, possibly empty); only when {@link #has}. */
    public String reasonCodes(int position) {
        return reasonCodes[position];
    }

    /** Every distinct {@code reason_codes} cell, so a model can check once that it knows each code. */
    public Set<String> distinctReasonCodes() {
        return distinctReasonCodes;
    }

    @Override
    public String toString() {
        return "PrecomputedScores[" + source + ", model " + modelVersion + ", " + rows + " rows]";
    }

    private static final RiskTier[] TIERS = RiskTier.values();

    /** Collects rows by snapshot position; rows for unknown customers or another as-of date are counted, not kept. */
    static final class Builder {
        private final SnapshotIndex index;
        private final String source;
        private final String modelVersion;
        private final double[] riskScores;
        private final byte[] tiers;
        private final String[] reasonCodes;
        private final Map<String, String> interned = new HashMap<>();
        int unknownCustomers;
        int otherAsOf;
        int duplicates;

        Builder(SnapshotIndex index, String source, String modelVersion) {
            this.index = index;
            this.source = source;
            this.modelVersion = modelVersion;
            this.riskScores = new double[index.size()];
            Arrays.fill(riskScores, Double.NaN);
            this.tiers = new byte[index.size()];
            this.reasonCodes = new String[index.size()];
        }

        /** Adds one table row. */
        void add(String customerId, int asOfDay, double riskScore, RiskTier tier, String reasonCodesCell) {
            int position = index.position(customerId);
            if (position < 0) {
                unknownCustomers++;
                return;
            }
            if (index.asOfDayAt(position) != asOfDay) {
                otherAsOf++;
                return;
            }
            if (!Double.isNaN(riskScores[position])) {
                duplicates++;
                return;
            }
            riskScores[position] = riskScore;
            tiers[position] = (byte) tier.ordinal();
            reasonCodes[position] = interned.computeIfAbsent(reasonCodesCell, cell -> cell);
        }

        PrecomputedScores build() {
            return new PrecomputedScores(source, modelVersion, riskScores, tiers, reasonCodes,
                    new HashSet<>(interned.keySet()));
        }
    }
}

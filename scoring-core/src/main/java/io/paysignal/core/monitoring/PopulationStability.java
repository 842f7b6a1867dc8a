package io.paysignal.core.monitoring;

import java.util.Arrays;

/**
 * The population stability index of one variable between a baseline and a current population, over bins cut
 * at the baseline's quantiles ({@link QuantileBins}). With {@code b_i} and {@code c_i} the baseline's and the
 * current population's shares of bin {@code i}:
 *
 * <pre>  PSI = sum over bins of (c_i - b_i) x ln(c_i / b_i)</pre>
 *
 * An empty bin would make the logarithm infinite, so a share below {@value #EPSILON} counts as
 * {@value #EPSILON} (shares are not renormalized afterwards; the effect is at most a few times epsilon per bin).
 * PSI is 0 for identical shares and grows with the shift; it is symmetric in the two populations except for
 * the bins, which come from the baseline. For the score it is called PSI, for an input feature CSI
 * (characteristic stability index); the arithmetic is the same.
 *
 * @param bins the bins, cut at the baseline's quantiles
 * @param baselineCounts rows of the baseline per bin
 * @param currentCounts rows of the current population per bin
 */
public record PopulationStability(QuantileBins bins, long[] baselineCounts, long[] currentCounts) {

    /** Smallest share a bin counts with. */
    public static final double EPSILON = 1e-4;

    public PopulationStability {
        if (bins == null || baselineCounts == null || currentCounts == null) {
            throw new IllegalArgumentException("bins and both populations' counts are required");
        }
        if (baselineCounts.length != bins.count() || currentCounts.length != bins.count()) {
            throw new IllegalArgumentException(bins.count() + " bins but " + baselineCounts.length + " baseline and "
                    + currentCounts.length + " current counts");
        }
        baselineCounts = baselineCounts.clone();
        currentCounts = currentCounts.clone();
        if (Arrays.stream(baselineCounts).anyMatch(c -> c < 0) || Arrays.stream(currentCounts).anyMatch(c -> c < 0)) {
            throw new IllegalArgumentException("counts are never negative");
        }
        if (Arrays.stream(baselineCounts).sum() == 0 || Arrays.stream(currentCounts).sum() == 0) {
            throw new IllegalArgumentException("both populations need at least one row");
        }
    }

    /** Bins {@code baseline} at its {@code binCount} quantiles and compares {@code current} with it. */
    public static PopulationStability of(double[] baseline, double[] current, int binCount) {
        QuantileBins bins = QuantileBins.ofBaseline(baseline, binCount);
        return new PopulationStability(bins, bins.counts(baseline), bins.counts(current));
    }

    /** The index: sum of the bins' {@link #contribution}s. */
    public double index() {
        double psi = 0;
        for (int i = 0; i < bins.count(); i++) {
            psi += contribution(i);
        }
        return psi;
    }

    /** The band of {@link #index()}. */
    public StabilityBand band() {
        return StabilityBand.of(index());
    }

    /** Bin {@code i}'s term {@code (c_i - b_i) ln(c_i / b_i)} with both shares floored at epsilon; never negative. */
    public double contribution(int bin) {
        double baseline = Math.max(EPSILON, baselineShare(bin));
        double current = Math.max(EPSILON, currentShare(bin));
        return (current - baseline) * Math.log(current / baseline);
    }

    /** The baseline's share of bin {@code i}, unfloored. */
    public double baselineShare(int bin) {
        return (double) baselineCounts[bin] / baselineRows();
    }

    /** The current population's share of bin {@code i}, unfloored. */
    public double currentShare(int bin) {
        return (double) currentCounts[bin] / currentRows();
    }

    /** Rows in the baseline. */
    public long baselineRows() {
        return Arrays.stream(baselineCounts).sum();
    }

    /** Rows in the current population. */
    public long currentRows() {
        return Arrays.stream(currentCounts).sum();
    }

    @Override
    public long[] baselineCounts() {
        return baselineCounts.clone();
    }

    @Override
    public long[] currentCounts() {
        return currentCounts.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PopulationStability other && bins.equals(other.bins)
                && Arrays.equals(baselineCounts, other.baselineCounts) && Arrays.equals(currentCounts, other.currentCounts);
    }

    @Override
    public int hashCode() {
        return 31 * bins.hashCode() + 17 * Arrays.hashCode(baselineCounts) + Arrays.hashCode(currentCounts);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "PSI %.4f (%s) over %d bins", index(), band().wireName(),
                bins.count());
    }
}

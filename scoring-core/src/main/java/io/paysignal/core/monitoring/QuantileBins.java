package io.paysignal.core.monitoring;

import java.util.Arrays;

/**
 * Bins of a numeric variable cut at its baseline quantiles. With edges {@code e1 < e2 < ... < ek} the bins
 * are {@code (-inf, e1], (e1, e2], ..., (ek, +inf)}: bin {@code i} (0-based) holds the values with exactly
 * {@code i} edges below them. Quantiles that coincide (a variable with many tied values, such as a count that
 * is mostly 0) give one edge, so such a variable has fewer bins; a constant variable has two, the value itself
 * and everything above. NaN falls in the last bin (Spark orders NaN above every number, and the pipeline bins
 * in Spark).
 *
 * @param edges strictly increasing finite cut points, at least one
 */
public record QuantileBins(double[] edges) {

    /** Bins the monitoring reports use: deciles. */
    public static final int DEFAULT_BINS = 10;

    public QuantileBins {
        if (edges == null || edges.length == 0) {
            throw new IllegalArgumentException("bins need at least one edge");
        }
        edges = edges.clone();
        for (int i = 0; i < edges.length; i++) {
            if (!Double.isFinite(edges[i]) || (i > 0 && !(edges[i] > edges[i - 1]))) {
                throw new IllegalArgumentException("edges must be finite and strictly increasing: "
                        + Arrays.toString(edges));
            }
        }
    }

    /**
     * The probabilities whose baseline quantiles are the edges of {@code bins} equal-mass bins:
     * {@code 1/bins, 2/bins, ..., (bins-1)/bins}.
     */
    public static double[] probabilities(int bins) {
        if (bins < 2) {
            throw new IllegalArgumentException("need at least 2 bins, was " + bins);
        }
        double[] probabilities = new double[bins - 1];
        for (int i = 1; i < bins; i++) {
            probabilities[i - 1] = (double) i / bins;
        }
        return probabilities;
    }

    /** Bins cut at the given baseline quantiles; NaN quantiles are dropped and ties merged. */
    public static QuantileBins fromQuantiles(double[] quantiles) {
        double[] edges = Arrays.stream(quantiles).filter(Double::isFinite).sorted().distinct().toArray();
        if (edges.length == 0) {
            throw new IllegalArgumentException("no finite quantile among " + Arrays.toString(quantiles));
        }
        return new QuantileBins(edges);
    }

    /**
     * Bins cut at the {@link #probabilities} quantiles of {@code baseline}, where the p-quantile is the value
     * of rank {@code ceil(p x n)} in ascending order (the smallest value with at least a share p of the values
     * at or below it). NaN values are ignored.
     */
    public static QuantileBins ofBaseline(double[] baseline, int bins) {
        double[] sorted = Arrays.stream(baseline).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (sorted.length == 0) {
            throw new IllegalArgumentException("the baseline has no values");
        }
        double[] probabilities = probabilities(bins);
        double[] quantiles = new double[probabilities.length];
        for (int i = 0; i < probabilities.length; i++) {
            int rank = (int) Math.ceil(probabilities[i] * sorted.length);
            quantiles[i] = sorted[Math.max(0, rank - 1)];
        }
        return fromQuantiles(quantiles);
    }

    /** The number of bins: edges + 1. */
    public int count() {
        return edges.length + 1;
    }

    /** The 0-based bin of {@code value}. */
    public int binOf(double value) {
        if (Double.isNaN(value)) {
            return edges.length;
        }
        int below = 0;
        while (below < edges.length && edges[below] < value) {
            below++;
        }
        return below;
    }

    /** How many of {@code values} fall in each bin. */
    public long[] counts(double[] values) {
        long[] counts = new long[count()];
        for (double value : values) {
            counts[binOf(value)]++;
        }
        return counts;
    }

    /** The exclusive lower bound of {@code bin}; negative infinity for the first. */
    public double lower(int bin) {
        checkBin(bin);
        return bin == 0 ? Double.NEGATIVE_INFINITY : edges[bin - 1];
    }

    /** The inclusive upper bound of {@code bin}; positive infinity for the last. */
    public double upper(int bin) {
        checkBin(bin);
        return bin == edges.length ? Double.POSITIVE_INFINITY : edges[bin];
    }

    @Override
    public double[] edges() {
        return edges.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QuantileBins other && Arrays.equals(edges, other.edges);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(edges);
    }

    @Override
    public String toString() {
        return "QuantileBins" + Arrays.toString(edges);
    }

    private void checkBin(int bin) {
        if (bin < 0 || bin > edges.length) {
            throw new IllegalArgumentException("bin " + bin + " outside 0.." + edges.length);
        }
    }
}

package io.paysignal.core.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A monotone map from a model's raw score to a calibrated probability, fitted by isotonic regression
 * (pool-adjacent-violators) on held-out {@code (raw score, label)} pairs.
 *
 * <p>Pool-adjacent-violators pools neighbouring raw scores until the positive rate never falls as the score
 * rises; here neighbours with <em>equal</em> rates are pooled too, so the pooled blocks' rates strictly
 * increase. Each block becomes one knot: its rows' mean raw score and its positive rate (the centred isotonic
 * regression of Oron and Flournoy, 2017). {@link #apply} interpolates linearly between knots and holds the end
 * values outside them. Compared with the usual step function this keeps the model's ranking: two raw scores
 * inside the knot range never collapse to one calibrated value, so AUC is not lost to ties, and tier cut-offs
 * and reason-code comparisons stay meaningful. At each knot the value is the block's observed rate, except
 * at an end block that saw no positive (or no negative) at all: "none of 20,000 held-out customers" does not
 * make a probability of exactly 0, so such a block takes the add-one-half estimate {@code (k + 1/2) / (n + 1)}
 * (the mean of a Jeffreys posterior), kept strictly inside its neighbouring knot's value. A score is then never
 * a claim of certainty. The map is stored as two arrays so a bundle manifest can carry it.
 *
 * @param knotScores raw scores at the knots, finite and strictly increasing
 * @param knotProbabilities calibrated probabilities at the knots, in [0, 1] and non-decreasing
 */
public record IsotonicCalibration(double[] knotScores, double[] knotProbabilities) {

    public IsotonicCalibration {
        if (knotScores == null || knotProbabilities == null || knotScores.length == 0
                || knotScores.length != knotProbabilities.length) {
            throw new IllegalArgumentException("need the same non-zero number of knot scores and probabilities");
        }
        knotScores = knotScores.clone();
        knotProbabilities = knotProbabilities.clone();
        for (int i = 0; i < knotScores.length; i++) {
            if (!Double.isFinite(knotScores[i]) || (i > 0 && !(knotScores[i] > knotScores[i - 1]))) {
                throw new IllegalArgumentException("knot scores must be finite and strictly increasing at " + i);
            }
            if (!(knotProbabilities[i] >= 0.0 && knotProbabilities[i] <= 1.0)
                    || (i > 0 && knotProbabilities[i] < knotProbabilities[i - 1])) {
                throw new IllegalArgumentException("knot probabilities must lie in [0, 1] and never decrease at "
                        + i);
            }
        }
    }

    /**
     * Fits the calibration on held-out rows.
     *
     * @param rawScores the model's scores on rows it was not trained on, finite
     * @param labels true for label 1, aligned with {@code rawScores}
     * @throws IllegalArgumentException on no rows, mismatched lengths or a non-finite score
     */
    public static IsotonicCalibration fit(double[] rawScores, boolean[] labels) {
        if (rawScores == null || labels == null || rawScores.length != labels.length || rawScores.length == 0) {
            throw new IllegalArgumentException("need the same non-zero number of scores and labels");
        }
        for (double score : rawScores) {
            if (!Double.isFinite(score)) {
                throw new IllegalArgumentException("raw scores must be finite, got " + score);
            }
        }
        int[] order = IntStream.range(0, rawScores.length).boxed()
                .sorted(Comparator.comparingDouble(i -> rawScores[i]))
                .mapToInt(Integer::intValue).toArray();
        List<Block> stack = new ArrayList<>();
        int start = 0;
        while (start < order.length) {
            // Tied raw scores must get one value: they start as one block.
            Block block = new Block(rawScores[order[start]]);
            int k = start;
            while (k < order.length && rawScores[order[k]] == block.lowScore) {
                block.add(rawScores[order[k]], labels[order[k]] ? 1.0 : 0.0);
                k++;
            }
            stack.add(block);
            while (stack.size() > 1 && stack.get(stack.size() - 2).mean() >= stack.get(stack.size() - 1).mean()) {
                Block last = stack.remove(stack.size() - 1);
                stack.get(stack.size() - 1).absorb(last);
            }
            start = k;
        }
        double[] xs = new double[stack.size()];
        double[] ys = new double[stack.size()];
        for (int b = 0; b < xs.length; b++) {
            Block block = stack.get(b);
            // Clamp: the mean of scores inside [low, high] can round just outside it.
            xs[b] = Math.min(block.highScore, Math.max(block.lowScore, block.scoreSum / block.weight));
            ys[b] = block.mean();
        }
        int last = ys.length - 1;
        if (ys[0] == 0.0) {
            double unseen = stack.get(0).addHalfEstimate();
            ys[0] = last == 0 ? unseen : Math.min(unseen, ys[1] / 2);
        }
        if (ys[last] == 1.0) {
            double unseen = stack.get(last).addHalfEstimate();
            ys[last] = last == 0 ? unseen : Math.max(unseen, (ys[last - 1] + 1.0) / 2);
        }
        return new IsotonicCalibration(xs, ys);
    }

    /** The calibrated probability for a raw score. */
    public double apply(double rawScore) {
        if (Double.isNaN(rawScore)) {
            throw new IllegalArgumentException("raw score is NaN");
        }
        int last = knotScores.length - 1;
        if (rawScore <= knotScores[0]) {
            return knotProbabilities[0];
        }
        if (rawScore >= knotScores[last]) {
            return knotProbabilities[last];
        }
        int found = Arrays.binarySearch(knotScores, rawScore);
        if (found >= 0) {
            return knotProbabilities[found];
        }
        int upper = -found - 1;
        int lower = upper - 1;
        double t = (rawScore - knotScores[lower]) / (knotScores[upper] - knotScores[lower]);
        double value = knotProbabilities[lower] + t * (knotProbabilities[upper] - knotProbabilities[lower]);
        // Rounding must not step outside the two knots' values, or monotonicity could break by an ulp.
        return Math.min(knotProbabilities[upper], Math.max(knotProbabilities[lower], value));
    }

    /** {@link #apply} on every score. */
    public double[] applyAll(double[] rawScores) {
        double[] calibrated = new double[rawScores.length];
        for (int i = 0; i < rawScores.length; i++) {
            calibrated[i] = apply(rawScores[i]);
        }
        return calibrated;
    }

    @Override
    public double[] knotScores() {
        return knotScores.clone();
    }

    @Override
    public double[] knotProbabilities() {
        return knotProbabilities.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IsotonicCalibration other && Arrays.equals(knotScores, other.knotScores)
                && Arrays.equals(knotProbabilities, other.knotProbabilities);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(knotScores) + Arrays.hashCode(knotProbabilities);
    }

    @Override
    public String toString() {
        return "IsotonicCalibration[" + knotScores.length + " knots over [" + knotScores[0] + ", "
                + knotScores[knotScores.length - 1] + "]]";
    }

    /** A pooled run of adjacent raw scores sharing one fitted value. */
    private static final class Block {
        private final double lowScore;
        private double highScore;
        private double scoreSum;
        private double labelSum;
        private long weight;

        Block(double score) {
            this.lowScore = score;
            this.highScore = score;
        }

        void add(double score, double label) {
            scoreSum += score;
            labelSum += label;
            weight++;
        }

        void absorb(Block next) {
            highScore = next.highScore;
            scoreSum += next.scoreSum;
            labelSum += next.labelSum;
            weight += next.weight;
        }

        double mean() {
            return labelSum / weight;
        }

        /** The positive rate with half a positive and half a negative added: never exactly 0 or 1. */
        double addHalfEstimate() {
            return (labelSum + 0.5) / (weight + 1.0);
        }
    }
}

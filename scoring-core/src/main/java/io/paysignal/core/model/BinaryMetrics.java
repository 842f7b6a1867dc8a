package io.paysignal.core.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How well probability scores separate and predict a binary label, computed from {@code (score, label)} pairs.
 *
 * <ul>
 *   <li><b>AUC</b>: the probability that a random positive scores above a random negative, a tie counting as
 *       one half (Mann-Whitney with mid-ranks).</li>
 *   <li><b>KS</b>: the largest gap between the cumulative score distributions of positives and negatives,
 *       evaluated only between groups of tied scores, so ties are never split.</li>
 *   <li><b>Brier</b>: the mean of {@code (score - label)^2}.</li>
 *   <li><b>ECE</b>: expected calibration error over {@value #CALIBRATION_BINS} <em>equal-width</em> bins on
 *       [0, 1]: {@code sum over bins of (rows in bin / rows) * |mean score - observed rate|}. Equal-width bins
 *       (Guo et al. 2017) were chosen over equal-mass bins because their edges do not depend on the data, so
 *       tied scores (isotonic calibration produces many) never straddle a bin edge and two models' tables line
 *       up row by row. With a low base rate most rows fall in the first bins; ECE weights bins by their rows,
 *       so that is where it looks.</li>
 *   <li><b>Calibration table</b>: the non-empty ECE bins.</li>
 *   <li><b>Lift and capture by decile</b>: see {@link DecileLift} for how ties are kept together.</li>
 * </ul>
 *
 * <p>Scores must be finite and in [0, 1]; AUC and KS need at least one row of each label.
 *
 * @param summary the headline numbers
 * @param calibration non-empty equal-width score bins, lowest first
 * @param deciles lift by decile, highest scores first
 */
public record BinaryMetrics(MetricSummary summary, List<CalibrationBin> calibration, List<DecileLift> deciles) {

    /** Number of equal-width score bins used by ECE and the calibration table. */
    public static final int CALIBRATION_BINS = 10;
    private static final int DECILES = 10;

    public BinaryMetrics {
        if (summary == null) {
            throw new IllegalArgumentException("summary is required");
        }
        calibration = List.copyOf(calibration);
        deciles = List.copyOf(deciles);
    }

    /**
     * Computes every metric.
     *
     * @param scores probabilities in [0, 1]
     * @param labels true for label 1, aligned with {@code scores}
     * @throws IllegalArgumentException on mismatched lengths, no rows, a score outside [0, 1], or when one of
     *         the labels never occurs
     */
    public static BinaryMetrics of(double[] scores, boolean[] labels) {
        TieGroups groups = TieGroups.of(scores, labels);
        MetricSummary summary = new MetricSummary(scores.length, groups.totalPositives, auc(groups), ks(groups),
                brier(scores, labels), ece(scores, labels));
        return new BinaryMetrics(summary, calibrationTable(scores, labels), liftByDecile(groups));
    }

    /** Area under the ROC curve with ties counted as one half. */
    public static double auc(double[] scores, boolean[] labels) {
        return auc(TieGroups.of(scores, labels));
    }

    /** Kolmogorov-Smirnov statistic: max over score thresholds of |TPR - FPR|. */
    public static double ks(double[] scores, boolean[] labels) {
        return ks(TieGroups.of(scores, labels));
    }

    /** Mean squared error between score and label. Needs no particular label mix. */
    public static double brier(double[] scores, boolean[] labels) {
        requireScores(scores, labels);
        double sum = 0.0;
        for (int i = 0; i < scores.length; i++) {
            double error = scores[i] - (labels[i] ? 1.0 : 0.0);
            sum += error * error;
        }
        return sum / scores.length;
    }

    /** Expected calibration error over {@value #CALIBRATION_BINS} equal-width bins. */
    public static double ece(double[] scores, boolean[] labels) {
        double weighted = 0.0;
        for (CalibrationBin bin : calibrationTable(scores, labels)) {
            weighted += bin.count() * bin.gap();
        }
        return weighted / scores.length;
    }

    /** The non-empty equal-width calibration bins, lowest scores first. */
    public static List<CalibrationBin> calibrationTable(double[] scores, boolean[] labels) {
        requireScores(scores, labels);
        long[] counts = new long[CALIBRATION_BINS];
        long[] positives = new long[CALIBRATION_BINS];
        double[] scoreSums = new double[CALIBRATION_BINS];
        for (int i = 0; i < scores.length; i++) {
            int bin = Math.min(CALIBRATION_BINS - 1, (int) Math.floor(scores[i] * CALIBRATION_BINS));
            counts[bin]++;
            scoreSums[bin] += scores[i];
            if (labels[i]) {
                positives[bin]++;
            }
        }
        List<CalibrationBin> bins = new ArrayList<>();
        for (int b = 0; b < CALIBRATION_BINS; b++) {
            if (counts[b] > 0) {
                double lower = (double) b / CALIBRATION_BINS;
                double upper = (double) (b + 1) / CALIBRATION_BINS;
                double mean = Math.min(upper, Math.max(lower, scoreSums[b] / counts[b]));
                bins.add(new CalibrationBin(lower, upper, counts[b], mean, (double) positives[b] / counts[b]));
            }
        }
        return bins;
    }

    /** Lift and cumulative capture by decile, highest scores first; tie groups stay in one decile. */
    public static List<DecileLift> liftByDecile(double[] scores, boolean[] labels) {
        return liftByDecile(TieGroups.of(scores, labels));
    }

    private static double auc(TieGroups groups) {
        long positives = groups.totalPositives;
        long negatives = groups.totalRows - positives;
        double positiveRankSum = 0.0;
        long start = 0;
        for (int g = 0; g < groups.size; g++) {
            long end = start + groups.counts[g];
            // The group holds 1-based ranks start+1..end; each member gets their mean.
            double midRank = (start + 1 + end) / 2.0;
            positiveRankSum += groups.positives[g] * midRank;
            start = end;
        }
        double u = positiveRankSum - positives * (positives + 1) / 2.0;
        return u / ((double) positives * negatives);
    }

    private static double ks(TieGroups groups) {
        long positives = groups.totalPositives;
        long negatives = groups.totalRows - positives;
        long positivesBelow = 0;
        long negativesBelow = 0;
        double best = 0.0;
        for (int g = 0; g < groups.size; g++) {
            positivesBelow += groups.positives[g];
            negativesBelow += groups.counts[g] - groups.positives[g];
            double gap = Math.abs((double) positivesBelow / positives - (double) negativesBelow / negatives);
            best = Math.max(best, gap);
        }
        return best;
    }

    private static List<DecileLift> liftByDecile(TieGroups groups) {
        long n = groups.totalRows;
        double baseRate = (double) groups.totalPositives / n;
        long[] counts = new long[DECILES];
        long[] positives = new long[DECILES];
        double[] min = new double[DECILES];
        double[] max = new double[DECILES];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        long start = 0;
        for (int g = groups.size - 1; g >= 0; g--) {
            int decile = (int) (start * DECILES / n);
            counts[decile] += groups.counts[g];
            positives[decile] += groups.positives[g];
            min[decile] = Math.min(min[decile], groups.scores[g]);
            max[decile] = Math.max(max[decile], groups.scores[g]);
            start += groups.counts[g];
        }
        List<DecileLift> table = new ArrayList<>();
        long capturedSoFar = 0;
        for (int d = 0; d < DECILES; d++) {
            if (counts[d] == 0) {
                continue;
            }
            capturedSoFar += positives[d];
            double rate = (double) positives[d] / counts[d];
            table.add(new DecileLift(d + 1, counts[d], positives[d], min[d], max[d], rate / baseRate,
                    Math.min(1.0, (double) capturedSoFar / groups.totalPositives)));
        }
        return table;
    }

    /**
     * The distinct scores in ascending order with how many rows and positives each has: all that AUC, KS and
     * lift need. Built from two primitive sorts (positives' and negatives' scores) and a merge.
     */
    private static final class TieGroups {
        private final double[] scores;
        private final long[] counts;
        private final long[] positives;
        private final int size;
        private final long totalRows;
        private final long totalPositives;

        private TieGroups(double[] scores, long[] counts, long[] positives, int size, long totalRows,
                          long totalPositives) {
            this.scores = scores;
            this.counts = counts;
            this.positives = positives;
            this.size = size;
            this.totalRows = totalRows;
            this.totalPositives = totalPositives;
        }

        static TieGroups of(double[] scores, boolean[] labels) {
            long totalPositives = requireBothLabels(scores, labels);
            double[] positive = new double[(int) totalPositives];
            double[] negative = new double[scores.length - positive.length];
            int p = 0;
            int q = 0;
            for (int i = 0; i < scores.length; i++) {
                if (labels[i]) {
                    positive[p++] = scores[i];
                } else {
                    negative[q++] = scores[i];
                }
            }
            Arrays.sort(positive);
            Arrays.sort(negative);
            double[] groupScores = new double[scores.length];
            long[] counts = new long[scores.length];
            long[] positives = new long[scores.length];
            int size = 0;
            p = 0;
            q = 0;
            while (p < positive.length || q < negative.length) {
                double next = q == negative.length || (p < positive.length && positive[p] <= negative[q])
                        ? positive[p] : negative[q];
                long pos = 0;
                long all = 0;
                while (p < positive.length && positive[p] == next) {
                    p++;
                    pos++;
                    all++;
                }
                while (q < negative.length && negative[q] == next) {
                    q++;
                    all++;
                }
                groupScores[size] = next;
                counts[size] = all;
                positives[size] = pos;
                size++;
            }
            return new TieGroups(groupScores, counts, positives, size, scores.length, totalPositives);
        }
    }

    private static void requireScores(double[] scores, boolean[] labels) {
        if (scores == null || labels == null || scores.length != labels.length) {
            throw new IllegalArgumentException("scores and labels must be non-null and the same length");
        }
        if (scores.length == 0) {
            throw new IllegalArgumentException("metrics need at least one scored row");
        }
        for (int i = 0; i < scores.length; i++) {
            if (!(scores[i] >= 0.0 && scores[i] <= 1.0)) {
                throw new IllegalArgumentException("score " + i + " must lie in [0, 1], was " + scores[i]);
            }
        }
    }

    private static long requireBothLabels(double[] scores, boolean[] labels) {
        requireScores(scores, labels);
        long positives = 0;
        for (boolean label : labels) {
            if (label) {
                positives++;
            }
        }
        if (positives == 0 || positives == labels.length) {
            throw new IllegalArgumentException("AUC, KS and lift need both labels; got " + positives
                    + " delinquent of " + labels.length + " rows");
        }
        return positives;
    }
}

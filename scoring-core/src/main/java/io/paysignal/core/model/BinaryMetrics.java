package io.paysignal.core.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

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
        long positives = requireBothLabels(scores, labels);
        MetricSummary summary = new MetricSummary(scores.length, positives, auc(scores, labels),
                ks(scores, labels), brier(scores, labels), ece(scores, labels));
        return new BinaryMetrics(summary, calibrationTable(scores, labels), liftByDecile(scores, labels));
    }

    /** Area under the ROC curve with ties counted as one half. */
    public static double auc(double[] scores, boolean[] labels) {
        long positives = requireBothLabels(scores, labels);
        long negatives = scores.length - positives;
        Integer[] order = ascending(scores);
        double positiveRankSum = 0.0;
        int start = 0;
        while (start < order.length) {
            int end = endOfTieGroup(scores, order, start);
            // Ranks start..end-1 (0-based) share the mid-rank; 1-based mid-rank is (start + 1 + end) / 2.
            double midRank = (start + 1 + end) / 2.0;
            for (int k = start; k < end; k++) {
                if (labels[order[k]]) {
                    positiveRankSum += midRank;
                }
            }
            start = end;
        }
        double u = positiveRankSum - positives * (positives + 1) / 2.0;
        return u / ((double) positives * negatives);
    }

    /** Kolmogorov-Smirnov statistic: max over score thresholds of |TPR - FPR|. */
    public static double ks(double[] scores, boolean[] labels) {
        long positives = requireBothLabels(scores, labels);
        long negatives = scores.length - positives;
        Integer[] order = ascending(scores);
        long positivesBelow = 0;
        long negativesBelow = 0;
        double best = 0.0;
        int start = 0;
        while (start < order.length) {
            int end = endOfTieGroup(scores, order, start);
            for (int k = start; k < end; k++) {
                if (labels[order[k]]) {
                    positivesBelow++;
                } else {
                    negativesBelow++;
                }
            }
            double gap = Math.abs((double) positivesBelow / positives - (double) negativesBelow / negatives);
            best = Math.max(best, gap);
            start = end;
        }
        return best;
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
        long totalPositives = requireBothLabels(scores, labels);
        int n = scores.length;
        double baseRate = (double) totalPositives / n;
        Integer[] order = IntStream.range(0, n).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> scores[i]).reversed()
                        .thenComparingInt(i -> i))
                .toArray(Integer[]::new);
        long[] counts = new long[DECILES];
        long[] positives = new long[DECILES];
        double[] min = new double[DECILES];
        double[] max = new double[DECILES];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        int start = 0;
        while (start < n) {
            int end = endOfTieGroup(scores, order, start);
            int decile = (int) ((long) start * DECILES / n);
            for (int k = start; k < end; k++) {
                int row = order[k];
                counts[decile]++;
                if (labels[row]) {
                    positives[decile]++;
                }
                min[decile] = Math.min(min[decile], scores[row]);
                max[decile] = Math.max(max[decile], scores[row]);
            }
            start = end;
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
                    Math.min(1.0, (double) capturedSoFar / totalPositives)));
        }
        return table;
    }

    private static Integer[] ascending(double[] scores) {
        return IntStream.range(0, scores.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> scores[i]).thenComparingInt(i -> i))
                .toArray(Integer[]::new);
    }

    /** First index after {@code start} in {@code order} whose score differs from the score at {@code start}. */
    private static int endOfTieGroup(double[] scores, Integer[] order, int start) {
        int end = start + 1;
        while (end < order.length && scores[order[end]] == scores[order[start]]) {
            end++;
        }
        return end;
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

package io.paysignal.core.model;

/**
 * The headline numbers of a {@link BinaryMetrics}: what a model bundle records per candidate and what
 * {@code riskctl} lists per registry version.
 *
 * @param count rows scored
 * @param positives rows with label 1
 * @param auc area under the ROC curve, ties counted as half
 * @param ks Kolmogorov-Smirnov statistic: largest gap between the positives' and negatives' score CDFs
 * @param brier mean squared difference between score and label
 * @param ece expected calibration error over {@link BinaryMetrics#CALIBRATION_BINS} equal-width score bins
 */
public record MetricSummary(long count, long positives, double auc, double ks, double brier, double ece) {

    public MetricSummary {
        if (count < 1 || positives < 0 || positives > count) {
            throw new IllegalArgumentException("need 1 or more rows and 0..count positives, got count " + count
                    + " positives " + positives);
        }
        requireUnit("auc", auc);
        requireUnit("ks", ks);
        requireUnit("brier", brier);
        requireUnit("ece", ece);
    }

    /** Share of rows with label 1. */
    public double baseRate() {
        return (double) positives / count;
    }

    private static void requireUnit(String name, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + " must lie in [0, 1], was " + value);
        }
    }
}

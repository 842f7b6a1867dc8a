package io.paysignal.core.model;

/**
 * One row of a calibration (reliability) table: the rows whose score falls in {@code [lower, upper)} (the
 * last bin also holds a score of exactly 1).
 *
 * @param lower inclusive lower score bound
 * @param upper exclusive upper score bound (inclusive for the last bin)
 * @param count rows in the bin, at least 1 (empty bins are left out of tables)
 * @param meanScore the rows' mean score: the predicted delinquency rate
 * @param observedRate the rows' share of label 1: the actual delinquency rate
 */
public record CalibrationBin(double lower, double upper, long count, double meanScore, double observedRate) {

    public CalibrationBin {
        if (!(lower >= 0.0 && lower < upper && upper <= 1.0)) {
            throw new IllegalArgumentException("bin bounds must satisfy 0 <= lower < upper <= 1, were "
                    + lower + ", " + upper);
        }
        if (count < 1) {
            throw new IllegalArgumentException("a calibration bin holds at least one row, had " + count);
        }
        if (!(meanScore >= lower && meanScore <= upper)) {
            throw new IllegalArgumentException("mean score " + meanScore + " outside its bin [" + lower + ", "
                    + upper + "]");
        }
        if (!(observedRate >= 0.0 && observedRate <= 1.0)) {
            throw new IllegalArgumentException("observed rate must lie in [0, 1], was " + observedRate);
        }
    }

    /** How far predicted and observed rates are apart in this bin. */
    public double gap() {
        return Math.abs(meanScore - observedRate);
    }
}

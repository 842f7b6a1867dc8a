package io.paysignal.core.response;

/**
 * Empirical-Bayes shrinkage of binomial rates toward a parent rate. A child cell with {@code r} successes in
 * {@code n} trials and parent rate {@code p} is estimated as {@code (r + m p) / (n + m)}: the posterior mean
 * under a Beta prior with mean {@code p} and concentration {@code m}. The concentration is estimated from
 * how much the children of one level actually differ (method of moments), so sparse cells borrow strength
 * from their parent exactly as much as the data says they should.
 */
final class BetaShrinkage {

    /** Concentration used when a level has too few cells to estimate its spread. */
    static final double DEFAULT_STRENGTH = 20;
    static final double MIN_STRENGTH = 1;
    static final double MAX_STRENGTH = 1e6;

    private BetaShrinkage() {
    }

    /**
     * The method-of-moments concentration for one level: with {@code z = (x - p)^2 / (p (1 - p))} per cell,
     * {@code E[z] = rho + (1 - rho) / n} where {@code rho = 1 / (m + 1)}, so
     * {@code rho = (sum n z - J) / (sum n - J)} over the J cells with trials.
     */
    static double strength(double[] reached, double[] attempts, double[] parentRates) {
        int cells = 0;
        double sumN = 0;
        double sumNz = 0;
        for (int i = 0; i < attempts.length; i++) {
            double n = attempts[i];
            if (n <= 0) {
                continue;
            }
            double p = parentRates[i];
            double x = reached[i] / n;
            cells++;
            sumN += n;
            sumNz += n * (x - p) * (x - p) / (p * (1 - p));
        }
        if (cells < 3 || sumN - cells <= 0) {
            return DEFAULT_STRENGTH;
        }
        double rho = (sumNz - cells) / (sumN - cells);
        if (!(rho > 1 / (MAX_STRENGTH + 1))) {
            return MAX_STRENGTH;
        }
        return Math.max(MIN_STRENGTH, Math.min(MAX_STRENGTH, 1 / rho - 1));
    }

    /** The shrunk rate {@code (r + m p) / (n + m)}. */
    static double shrink(double reached, double attempts, double parentRate, double strength) {
        return (reached + strength * parentRate) / (attempts + strength);
    }
}

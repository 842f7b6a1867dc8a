package io.paysignal.core.model;

/**
 * One row of a lift table: a tenth of the scored rows, highest scores first.
 *
 * <p>Rows with the same score are never split between deciles: a group of tied scores belongs to the decile
 * in which its first member falls, so a decile may hold more or fewer than a tenth of the rows, and a decile
 * swallowed whole by a larger tie group is left out of the table.
 *
 * @param decile 1 for the highest-scored tenth, 10 for the lowest
 * @param count rows in this decile
 * @param positives rows with label 1 in this decile
 * @param minScore lowest score in the decile
 * @param maxScore highest score in the decile
 * @param lift this decile's positive rate divided by the overall positive rate
 * @param cumulativeCapture share of all positives found in deciles 1 to this one
 */
public record DecileLift(int decile, long count, long positives, double minScore, double maxScore,
                         double lift, double cumulativeCapture) {

    public DecileLift {
        if (decile < 1 || decile > 10) {
            throw new IllegalArgumentException("decile must be 1..10, was " + decile);
        }
        if (count < 1 || positives < 0 || positives > count) {
            throw new IllegalArgumentException("need 1 or more rows and 0..count positives, got count " + count
                    + " positives " + positives);
        }
        if (!(minScore <= maxScore)) {
            throw new IllegalArgumentException("minScore " + minScore + " above maxScore " + maxScore);
        }
        if (!(lift >= 0.0) || !(cumulativeCapture >= 0.0 && cumulativeCapture <= 1.0)) {
            throw new IllegalArgumentException("lift must be >= 0 and capture in [0, 1], were " + lift + ", "
                    + cumulativeCapture);
        }
    }

    /** Share of this decile's rows with label 1. */
    public double positiveRate() {
        return (double) positives / count;
    }
}

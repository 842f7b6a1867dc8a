package io.paysignal.core.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReasonCodesTest {

    private static final List<String> NAMES = List.of("dpd_max", "tenure", "open_share", "disputes", "noise");
    private static final double[] WEIGHTS = {2.0, -1.0, 0.5, 1.0, 0.0};
    private static final double BIAS = -1.0;

    /** A hand-made logistic model: sigmoid(bias + w . x). */
    private static double score(double[] x) {
        double logit = BIAS;
        for (int j = 0; j < x.length; j++) {
            logit += WEIGHTS[j] * x[j];
        }
        return 1.0 / (1.0 + Math.exp(-logit));
    }

    private static List<ScoreReason> explain(ReasonCodes reasons, double[] x) {
        double[][] swaps = reasons.referenceSwaps(x);
        double[] swapped = new double[swaps.length];
        for (int j = 0; j < swaps.length; j++) {
            swapped[j] = score(swaps[j]);
        }
        return reasons.explain(score(x), swapped);
    }

    @Test
    void returnsTheThreeLargestPositiveContributionsInOrder() {
        ReasonCodes reasons = new ReasonCodes(NAMES, new double[] {0, 0, 0, 0, 0}, Map.of(
                "dpd_max", new ReasonCode("HIGH_DPD", "Invoices run far past due"),
                "open_share", new ReasonCode("OPEN_BALANCE", "Much of the billed amount is open"),
                "disputes", new ReasonCode("DISPUTES", "Disputed invoices")));
        // Logit terms over the reference: dpd 2*1=2, tenure -1*1 (lowers), open 0.5*2=1, disputes 1*0.5, noise 0.
        double[] x = {1.0, 1.0, 2.0, 0.5, 3.0};
        List<ScoreReason> result = explain(reasons, x);

        assertEquals(List.of("dpd_max", "open_share", "disputes"),
                result.stream().map(ScoreReason::feature).toList());
        double full = score(x);
        assertEquals(full - score(new double[] {0.0, 1.0, 2.0, 0.5, 3.0}), result.get(0).scoreIncrease(), 1e-15);
        assertEquals(full - score(new double[] {1.0, 1.0, 0.0, 0.5, 3.0}), result.get(1).scoreIncrease(), 1e-15);
        assertEquals("HIGH_DPD", result.get(0).reason().code());
    }

    @Test
    void featuresThatLowerOrDoNotMoveTheScoreAreNeverReasons() {
        ReasonCodes reasons = new ReasonCodes(NAMES, new double[] {0, 0, 0, 0, 0}, Map.of());
        // Only tenure (negative weight, value below reference) raises the score.
        double[] x = {-1.0, -2.0, 0.0, 0.0, 5.0};
        List<ScoreReason> result = explain(reasons, x);
        assertEquals(1, result.size());
        assertEquals("tenure", result.get(0).feature());
        assertTrue(result.get(0).scoreIncrease() > 0);
    }

    @Test
    void aCustomerAtTheReferenceHasNoReasons() {
        double[] reference = {0.3, 2.0, 0.1, 0.0, 1.0};
        ReasonCodes reasons = new ReasonCodes(NAMES, reference, Map.of());
        assertEquals(List.of(), explain(reasons, reference));
    }

    @Test
    void aFeatureMissingFromTheCatalogGetsTheFallbackCode() {
        ReasonCodes reasons = new ReasonCodes(NAMES, new double[] {0, 0, 0, 0, 0}, Map.of());
        assertEquals(new ReasonCode("DPD_MAX", "Feature dpd_max raises the risk above a typical customer's"),
                reasons.codeFor("dpd_max"));
    }

    @Test
    void equalContributionsKeepFeatureOrder() {
        ReasonCodes reasons = new ReasonCodes(List.of("a", "b", "c", "d"), new double[4], Map.of());
        List<ScoreReason> result = reasons.explain(0.9, new double[] {0.5, 0.4, 0.4, 0.4});
        assertEquals(List.of("b", "c", "d"), result.stream().map(ScoreReason::feature).toList());
    }

    @Test
    void refusesMismatchedWidthsAndBadCodes() {
        assertThrows(IllegalArgumentException.class, () -> new ReasonCodes(NAMES, new double[2], Map.of()));
        ReasonCodes reasons = new ReasonCodes(NAMES, new double[5], Map.of());
        assertThrows(IllegalArgumentException.class, () -> reasons.explain(0.5, new double[3]));
        assertThrows(IllegalArgumentException.class, () -> new ReasonCode("has space", "x"));
        assertThrows(IllegalArgumentException.class, () -> new ReasonCode("A;B", "x"));
    }
}

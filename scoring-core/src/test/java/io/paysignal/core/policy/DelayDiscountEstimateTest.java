package io.paysignal.core.policy;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToLongFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DelayDiscountEstimateTest {

    private static final LocalDate T = LocalDate.of(2025, 10, 2);

    /** Counts with {@code open(d)} invoices open and a settle share of {@code share1 * decay^(d-1)}. */
    private static CollectabilityCounts decaying(IntToLongFunction open, double share1, double decay) {
        List<Long> opened = new ArrayList<>();
        List<Long> settled = new ArrayList<>();
        for (int d = 1; d <= 60; d++) {
            long n = open.applyAsLong(d);
            opened.add(n);
            settled.add(Math.round(n * Math.min(1, share1 * Math.pow(decay, d - 1))));
        }
        return new CollectabilityCounts(T, 365, 14, opened, settled);
    }

    @Test
    void recoversTheDailyDecayOfTheSettleShare() {
        DelayDiscountEstimate e = DelayDiscountEstimate.fit(decaying(d -> 100_000L / d, 0.72, 0.988), 0.85);
        assertFalse(e.fallback());
        assertEquals(0.988, e.dailyDiscount(), 2e-4);
        assertEquals(e.fittedDiscount(), e.dailyDiscount());
        assertEquals(60, e.points());
        assertTrue(e.note().startsWith("estimated from the training history"), e.note());
    }

    @Test
    void daysWithMoreOpenInvoicesWeighMore() {
        // The first 30 days decay at 0.98 and carry almost all invoices; the last 30 barely change.
        List<Long> opened = new ArrayList<>();
        List<Long> settled = new ArrayList<>();
        for (int d = 1; d <= 60; d++) {
            long n = d <= 30 ? 10_000 : 40;
            double share = d <= 30 ? 0.7 * Math.pow(0.98, d - 1) : 0.7 * Math.pow(0.98, 29);
            opened.add(n);
            settled.add(Math.round(n * share));
        }
        DelayDiscountEstimate e = DelayDiscountEstimate.fit(new CollectabilityCounts(T, 365, 14, opened, settled), 0.85);
        assertTrue(e.dailyDiscount() < 0.982, "weighted fit " + e.dailyDiscount());
    }

    @Test
    void aSteepFallIsClampedToTheLowerBound() {
        DelayDiscountEstimate e = DelayDiscountEstimate.fit(decaying(d -> 10_000, 0.9, 0.8), 0.85);
        assertFalse(e.fallback());
        assertEquals(DelayDiscountEstimate.DEFAULT_MIN_DISCOUNT, e.dailyDiscount());
        assertEquals(0.8, e.fittedDiscount(), 0.01);
        assertTrue(e.note().contains("clamped to 0.9"), e.note());
    }

    @Test
    void aShareThatDoesNotFallIsClampedToTheUpperBound() {
        DelayDiscountEstimate e = DelayDiscountEstimate.fit(decaying(d -> 10_000, 0.5, 1.0), 0.85);
        assertEquals(DelayDiscountEstimate.DEFAULT_MAX_DISCOUNT, e.dailyDiscount());
        assertEquals(1.0, e.fittedDiscount(), 1e-9);
    }

    @Test
    void tooFewInvoicesFallBackToTheConfiguredDefaultAndSaySo() {
        DelayDiscountEstimate e = DelayDiscountEstimate.fit(decaying(d -> 150, 0.7, 0.99), 0.85);
        assertTrue(e.fallback());
        assertEquals(0.85, e.dailyDiscount());
        assertNull(e.fittedDiscount());
        assertTrue(e.note().startsWith("configured default 0.85: too few overdue invoices"), e.note());
    }

    @Test
    void tooFewUsableDaysFallBackToo() {
        // Plenty at 1 day past due, but only 5 days with enough open invoices.
        DelayDiscountEstimate e = DelayDiscountEstimate.fit(decaying(d -> d <= 5 ? 5_000 : 10, 0.7, 0.99), 0.93);
        assertTrue(e.fallback());
        assertEquals(0.93, e.dailyDiscount());
        assertEquals(5, e.points());
    }

    @Test
    void anEmptyHistoryFallsBack() {
        DelayDiscountEstimate e = DelayDiscountEstimate.fit(CollectabilityCounts.empty(T, 365, 14, 60), 0.85);
        assertTrue(e.fallback());
        assertEquals(0, e.points());
    }
}

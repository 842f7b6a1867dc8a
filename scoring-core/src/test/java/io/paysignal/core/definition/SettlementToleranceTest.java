package io.paysignal.core.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SettlementToleranceTest {

    @Test
    void toleranceIsTheSmallerOfOnePercentAndOne() {
        assertEquals(0.5, SettlementTolerance.of(50), 1e-12);
        assertEquals(1.0, SettlementTolerance.of(100), 1e-12);
        assertEquals(1.0, SettlementTolerance.of(10_000), 1e-12);
    }

    @Test
    void balanceExactlyAtTheToleranceIsSettledAndACentMoreIsNot() {
        assertTrue(SettlementTolerance.isSettled(50, 0.50));
        assertFalse(SettlementTolerance.isSettled(50, 0.51));
        assertTrue(SettlementTolerance.isSettled(10_000, 1.00));
        assertFalse(SettlementTolerance.isSettled(10_000, 1.01));
        assertTrue(SettlementTolerance.isSettled(100, -5)); // overpaid
    }
}

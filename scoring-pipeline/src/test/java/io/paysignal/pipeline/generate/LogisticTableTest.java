package io.paysignal.pipeline.generate;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LogisticTableTest {

    @Test
    void matchesTheLogisticFunctionClosely() {
        for (double x = -25; x <= 25; x += 0.037) {
            assertEquals(1 / (1 + Math.exp(-x)), LogisticTable.of(x), 1e-4, "x=" + x);
        }
    }

    @Test
    void isOneHalfAtZero() {
        assertEquals(0.5, LogisticTable.of(0), 1e-12);
    }
}

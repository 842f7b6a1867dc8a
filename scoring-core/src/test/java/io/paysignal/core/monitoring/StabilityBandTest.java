package io.paysignal.core.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StabilityBandTest {

    @Test
    void theUsualBandsWithTheirBoundaries() {
        assertEquals(StabilityBand.STABLE, StabilityBand.of(0.0));
        assertEquals(StabilityBand.STABLE, StabilityBand.of(0.0999));
        assertEquals(StabilityBand.MODERATE, StabilityBand.of(0.1));
        assertEquals(StabilityBand.MODERATE, StabilityBand.of(0.25));
        assertEquals(StabilityBand.SIGNIFICANT, StabilityBand.of(0.2501));
        assertEquals("significant", StabilityBand.SIGNIFICANT.wireName());
    }

    @Test
    void negativeOrUndefinedIndicesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> StabilityBand.of(-0.01));
        assertThrows(IllegalArgumentException.class, () -> StabilityBand.of(Double.NaN));
    }
}

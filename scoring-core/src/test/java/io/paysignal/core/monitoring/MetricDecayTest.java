package io.paysignal.core.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paysignal.core.model.MetricSummary;
import org.junit.jupiter.api.Test;

class MetricDecayTest {

    @Test
    void positiveNumbersMeanTheModelGotWorse() {
        MetricDecay decay = new MetricDecay("bundle validation", new MetricSummary(1000, 80, 0.90, 0.65, 0.05, 0.02),
                new MetricSummary(800, 60, 0.84, 0.55, 0.07, 0.05));

        assertEquals(0.06, decay.aucDrop(), 1e-12);
        assertEquals(0.10, decay.ksDrop(), 1e-12);
        assertEquals(0.02, decay.brierRise(), 1e-12);
        assertEquals(0.03, decay.eceRise(), 1e-12);
    }

    @Test
    void theReferenceMustBeNamed() {
        MetricSummary any = new MetricSummary(10, 1, 0.5, 0.1, 0.1, 0.1);
        assertThrows(IllegalArgumentException.class, () -> new MetricDecay(" ", any, any));
    }
}

package io.paysignal.core.replay;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PairedDifferenceTest {

    @Test
    void meanAndStandardErrorOfAFewDifferences() {
        PairedDifference d = PairedDifference.of(0.1).plus(PairedDifference.of(0.3)).plus(PairedDifference.of(0.2));
        assertEquals(3, d.count());
        assertEquals(0.2, d.mean(), 1e-12);
        // sample standard deviation 0.1, over sqrt(3)
        assertEquals(0.1 / Math.sqrt(3), d.standardError(), 1e-12);
    }

    @Test
    void tooFewDifferencesHaveNoStandardError() {
        assertTrue(Double.isNaN(PairedDifference.EMPTY.mean()));
        assertTrue(Double.isNaN(PairedDifference.of(0.4).standardError()));
        assertEquals(0, PairedDifference.of(0.4).plus(PairedDifference.of(0.4)).standardError(), 1e-12);
    }
}

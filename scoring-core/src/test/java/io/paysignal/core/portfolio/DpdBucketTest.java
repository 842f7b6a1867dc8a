package io.paysignal.core.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DpdBucketTest {

    @Test
    void bucketBoundariesFollowTheCollectionsConvention() {
        assertEquals(DpdBucket.CURRENT, DpdBucket.of(0));
        assertEquals(DpdBucket.DPD_1_30, DpdBucket.of(1));
        assertEquals(DpdBucket.DPD_1_30, DpdBucket.of(30));
        assertEquals(DpdBucket.DPD_31_60, DpdBucket.of(31));
        assertEquals(DpdBucket.DPD_31_60, DpdBucket.of(60));
        assertEquals(DpdBucket.DPD_61_90, DpdBucket.of(61));
        assertEquals(DpdBucket.DPD_61_90, DpdBucket.of(90));
        assertEquals(DpdBucket.DPD_90_PLUS, DpdBucket.of(91));
        assertEquals(DpdBucket.DPD_90_PLUS, DpdBucket.of(10_000));
    }

    @Test
    void negativeDaysPastDueAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> DpdBucket.of(-1));
    }

    @Test
    void wireNamesRoundTripAndOrderMeansSeverity() {
        for (DpdBucket bucket : DpdBucket.values()) {
            assertEquals(Optional.of(bucket), DpdBucket.fromWire(" " + bucket.wireName().toUpperCase() + " "));
        }
        assertEquals("90+", DpdBucket.DPD_90_PLUS.wireName());
        assertEquals(Optional.empty(), DpdBucket.fromWire("120+"));
        assertTrue(DpdBucket.DPD_31_60.isWorseThan(DpdBucket.DPD_1_30));
        assertFalse(DpdBucket.CURRENT.isWorseThan(DpdBucket.CURRENT));
    }
}

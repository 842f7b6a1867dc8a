package io.paysignal.core.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class RollRatesTest {

    private static final double EPS = 1e-9;
    private static final ReportingPeriod DECEMBER = ReportingPeriod.monthEndingOn(LocalDate.parse("2025-12-31"));

    /**
     * Ten customers current at the start (7 stay, 2 roll to 1-30, 1 jumps to 31-60), four in 1-30 (1 cures with
     * 100 of balance, 2 stay with 300, 1 rolls to 31-60 with 600), none in the worse buckets.
     */
    private static RollRates december() {
        return RollRates.of(DECEMBER, List.of(
                new RollRateCell(DpdBucket.CURRENT, DpdBucket.CURRENT, 4, 400),
                new RollRateCell(DpdBucket.CURRENT, DpdBucket.CURRENT, 3, 300),
                new RollRateCell(DpdBucket.CURRENT, DpdBucket.DPD_1_30, 2, 200),
                new RollRateCell(DpdBucket.CURRENT, DpdBucket.DPD_31_60, 1, 100),
                new RollRateCell(DpdBucket.DPD_1_30, DpdBucket.CURRENT, 1, 100),
                new RollRateCell(DpdBucket.DPD_1_30, DpdBucket.DPD_1_30, 2, 300),
                new RollRateCell(DpdBucket.DPD_1_30, DpdBucket.DPD_31_60, 1, 600)));
    }

    @Test
    void cellsOfTheSameMoveAreMerged() {
        RollRates rates = december();

        assertEquals(6, rates.cells().size());
        assertEquals(new RollRateCell(DpdBucket.CURRENT, DpdBucket.CURRENT, 7, 700), rates.cells().get(0));
        assertEquals(10, rates.customersFrom(DpdBucket.CURRENT));
    }

    @Test
    void ratesByCustomersAndByBalance() {
        RollRates rates = december();

        assertEquals(0.7, rates.rate(DpdBucket.CURRENT, DpdBucket.CURRENT).getAsDouble(), EPS);
        assertEquals(0.3, rates.rollForwardRate(DpdBucket.CURRENT).getAsDouble(), EPS);
        assertEquals(0.25, rates.cureRate(DpdBucket.DPD_1_30).getAsDouble(), EPS);
        assertEquals(0.25, rates.rollForwardRate(DpdBucket.DPD_1_30).getAsDouble(), EPS);
        assertEquals(0.6, rates.balanceRate(DpdBucket.DPD_1_30, DpdBucket.DPD_31_60).getAsDouble(), EPS);
        assertEquals(0.0, rates.rate(DpdBucket.DPD_1_30, DpdBucket.DPD_90_PLUS).getAsDouble(), EPS);
    }

    @Test
    void bucketsNobodyStartedInHaveNoRate() {
        RollRates rates = december();

        assertEquals(OptionalDouble.empty(), rates.rate(DpdBucket.DPD_61_90, DpdBucket.CURRENT));
        assertEquals(OptionalDouble.empty(), rates.rollForwardRate(DpdBucket.DPD_90_PLUS));
        assertTrue(rates.balanceRate(DpdBucket.DPD_31_60, DpdBucket.CURRENT).isEmpty());
    }

    @Test
    void oneCustomersMoveComesFromTwoPositions() {
        ReceivablesPosition start = new ReceivablesPosition("EUR", DECEMBER.start(), 300, 300, 20, 1);
        ReceivablesPosition end = new ReceivablesPosition("EUR", DECEMBER.end(), 300, 300, 51, 1);

        assertEquals(new RollRateCell(DpdBucket.DPD_1_30, DpdBucket.DPD_31_60, 1, 300), RollRateCell.of(start, end));
        assertThrows(IllegalArgumentException.class, () -> RollRateCell.of(end, start));
        assertThrows(IllegalArgumentException.class, () -> new RollRateCell(DpdBucket.CURRENT, DpdBucket.CURRENT, 0, 0));
    }
}

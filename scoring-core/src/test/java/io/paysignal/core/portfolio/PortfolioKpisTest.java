package io.paysignal.core.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class PortfolioKpisTest {

    private static final double EPS = 1e-9;
    private static final ReportingPeriod MARCH = ReportingPeriod.monthEndingOn(LocalDate.parse("2025-03-31"));

    @Test
    void handWorkedMarch() {
        // BR 260, CS 120, ER 320, ECR 120 over 31 days (ReceivablesTotalsTest).
        PortfolioKpis kpis = new PortfolioKpis(MARCH, new ReceivablesTotals(260, 120, 320, 120));

        assertEquals(320.0 / 120 * 31, kpis.daysSalesOutstanding().getAsDouble(), EPS); // 82.67 days
        assertEquals(31.0, kpis.bestPossibleDso().getAsDouble(), EPS);
        assertEquals(200.0 / 120 * 31, kpis.averageDaysDelinquent().getAsDouble(), EPS); // 51.67 days
        assertEquals(100.0 * 60 / 260, kpis.collectionEffectivenessIndex().getAsDouble(), EPS); // 23.08 %
    }

    @Test
    void averageDaysDelinquentIsDsoMinusBestPossibleDso() {
        PortfolioKpis kpis = new PortfolioKpis(MARCH, new ReceivablesTotals(1000, 900, 1100, 700));

        assertEquals(kpis.daysSalesOutstanding().getAsDouble() - kpis.bestPossibleDso().getAsDouble(),
                kpis.averageDaysDelinquent().getAsDouble(), EPS);
    }

    @Test
    void textbookCollectionEffectiveness() {
        // Beginning 100, sales 50, ending 90 of which 40 current: collected 60 of a collectible 110.
        PortfolioKpis kpis = new PortfolioKpis(MARCH, new ReceivablesTotals(100, 50, 90, 40));

        assertEquals(100.0 * 60 / 110, kpis.collectionEffectivenessIndex().getAsDouble(), EPS);
    }

    @Test
    void everythingCollectedIsAHundredPercent() {
        PortfolioKpis kpis = new PortfolioKpis(MARCH, new ReceivablesTotals(100, 50, 30, 30));

        assertEquals(100.0, kpis.collectionEffectivenessIndex().getAsDouble(), EPS);
        assertEquals(0.0, kpis.averageDaysDelinquent().getAsDouble(), EPS);
    }

    @Test
    void kpisWithoutADenominatorAreEmpty() {
        PortfolioKpis noSales = new PortfolioKpis(MARCH, new ReceivablesTotals(100, 0, 100, 0));
        PortfolioKpis nothing = new PortfolioKpis(MARCH, ReceivablesTotals.zero());

        assertEquals(OptionalDouble.empty(), noSales.daysSalesOutstanding());
        assertEquals(OptionalDouble.empty(), noSales.bestPossibleDso());
        assertEquals(OptionalDouble.empty(), noSales.averageDaysDelinquent());
        assertEquals(0.0, noSales.collectionEffectivenessIndex().getAsDouble(), EPS);
        assertTrue(nothing.collectionEffectivenessIndex().isEmpty());
    }
}

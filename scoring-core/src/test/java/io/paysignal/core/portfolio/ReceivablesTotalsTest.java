package io.paysignal.core.portfolio;

import static io.paysignal.core.testsupport.HistoryBuilder.history;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.testsupport.HistoryBuilder;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The KPI inputs of March 2025, worked by hand; docs/KPIS.md uses the same numbers. */
class ReceivablesTotalsTest {

    static final ReportingPeriod MARCH = ReportingPeriod.monthEndingOn(LocalDate.parse("2025-03-31"));
    private static final double EPS = 1e-9;

    /**
     * End of February 28: A has 60 open, B 200, D is settled: BR = 260. Issued in March: C 50 and E 70: CS = 120.
     * End of March 31: A is paid off, B is 200 open and 28 days past due, C (due March 31) and E are not yet due:
     * ER = 320, ECR = 120.
     */
    static HistoryBuilder march() {
        return history()
                .invoice("A", "2025-01-01", "2025-01-31", 100).payment("A", "2025-02-10", 40)
                .payment("A", "2025-03-20", 60)
                .invoice("B", "2025-02-01", "2025-03-03", 200)
                .invoice("C", "2025-03-01", "2025-03-31", 50)
                .invoice("D", "2025-01-05", "2025-02-04", 80).payment("D", "2025-02-20", 79.50)
                .invoice("E", "2025-03-20", "2025-04-19", 70);
    }

    @Test
    void handWorkedMonth() {
        Map<String, ReceivablesTotals> totals = ReceivablesTotals.of(march().build(), MARCH,
                ReportingCurrency.invoiceCurrencies());

        assertEquals(Map.of("EUR", new ReceivablesTotals(260, 120, 320, 120)), totals);
        assertEquals(200, totals.get("EUR").endingOverdueReceivables(), EPS);
    }

    @Test
    void laterDataDoesNotChangeThePeriod() {
        CustomerHistory withApril = march().invoice("F", "2025-04-01", "2025-05-01", 500)
                .payment("B", "2025-04-02", 200).build();

        assertEquals(ReceivablesTotals.of(march().build(), MARCH, ReportingCurrency.invoiceCurrencies()),
                ReceivablesTotals.of(withApril, MARCH, ReportingCurrency.invoiceCurrencies()));
    }

    @Test
    void totalsAddUpComponentByComponent() {
        assertEquals(new ReceivablesTotals(3, 5, 7, 2),
                new ReceivablesTotals(1, 2, 3, 1).plus(new ReceivablesTotals(2, 3, 4, 1)));
        assertEquals(new ReceivablesTotals(1, 2, 3, 1), ReceivablesTotals.zero().plus(new ReceivablesTotals(1, 2, 3, 1)));
    }

    @Test
    void currentReceivablesCannotExceedTheReceivables() {
        assertThrows(IllegalArgumentException.class, () -> new ReceivablesTotals(0, 0, 10, 11));
        assertThrows(IllegalArgumentException.class, () -> new ReceivablesTotals(-1, 0, 0, 0));
    }
}

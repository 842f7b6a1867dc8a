package io.paysignal.core.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportingPeriodTest {

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void monthsCountedBackFromAMonthEndStayOnMonthEnds() {
        List<ReportingPeriod> periods = ReportingPeriod.monthsEndingOn(day("2025-12-31"), 4);

        assertEquals(List.of(new ReportingPeriod(day("2025-11-30"), day("2025-12-31")),
                new ReportingPeriod(day("2025-10-31"), day("2025-11-30")),
                new ReportingPeriod(day("2025-09-30"), day("2025-10-31")),
                new ReportingPeriod(day("2025-08-31"), day("2025-09-30"))), periods);
        assertEquals(31, periods.get(0).days());
        assertEquals(30, periods.get(1).days());
        assertEquals(ReportingPeriod.monthEndingOn(day("2025-12-31")), periods.get(0));
    }

    @Test
    void fromAShortMonthsLastDayTheMonthsAreStillCalendarMonths() {
        List<ReportingPeriod> periods = ReportingPeriod.monthsEndingOn(day("2025-09-30"), 3);

        assertEquals(List.of(new ReportingPeriod(day("2025-08-31"), day("2025-09-30")),
                new ReportingPeriod(day("2025-07-31"), day("2025-08-31")),
                new ReportingPeriod(day("2025-06-30"), day("2025-07-31"))), periods);
        assertEquals(new ReportingPeriod(day("2025-01-31"), day("2025-02-28")),
                ReportingPeriod.monthEndingOn(day("2025-02-28")));
    }

    @Test
    void fromTheMiddleOfAMonthTheDayOfMonthIsKept() {
        assertEquals(List.of(new ReportingPeriod(day("2025-02-15"), day("2025-03-15")),
                new ReportingPeriod(day("2025-01-15"), day("2025-02-15"))),
                ReportingPeriod.monthsEndingOn(day("2025-03-15"), 2));
        assertEquals(new ReportingPeriod(day("2025-02-28"), day("2025-03-30")),
                ReportingPeriod.monthEndingOn(day("2025-03-30")));
    }

    @Test
    void thePeriodExcludesItsStartAndIncludesItsEnd() {
        ReportingPeriod period = ReportingPeriod.monthEndingOn(day("2025-03-31"));

        assertEquals(day("2025-02-28"), period.start());
        assertFalse(period.contains(day("2025-02-28")));
        assertTrue(period.contains(day("2025-03-01")));
        assertTrue(period.contains(day("2025-03-31")));
        assertFalse(period.contains(day("2025-04-01")));
    }

    @Test
    void emptyOrBackwardPeriodsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ReportingPeriod(day("2025-03-31"), day("2025-03-31")));
        assertThrows(IllegalArgumentException.class, () -> ReportingPeriod.monthsEndingOn(day("2025-03-31"), 0));
    }
}

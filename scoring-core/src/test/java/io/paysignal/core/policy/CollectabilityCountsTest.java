package io.paysignal.core.policy;

import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.history.Invoice;
import io.paysignal.core.history.Payment;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.paysignal.core.testsupport.OutreachFixtures.customer;
import static io.paysignal.core.testsupport.OutreachFixtures.history;
import static io.paysignal.core.testsupport.OutreachFixtures.invoice;
import static io.paysignal.core.testsupport.OutreachFixtures.payment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CollectabilityCountsTest {

    private static final LocalDate T = LocalDate.of(2025, 10, 2);

    private static CollectabilityCounts counts(List<Invoice> invoices, List<Payment> payments) {
        CustomerHistory history = history(customer("UTC"), invoices, payments, List.of());
        return CollectabilityCounts.of(List.of(history).iterator(), T, 365, 14, 60);
    }

    @Test
    void anInvoicePaidFiveDaysLateIsOpenAtOneToFourDaysAndSettledWithinTheFollowUpOfEach() {
        LocalDate due = T.minusDays(100);
        CollectabilityCounts c = counts(List.of(invoice("I1", due)), List.of(payment("I1", due.plusDays(5), 100)));
        for (int d = 1; d <= 4; d++) {
            assertEquals(1, c.open(d), "open at " + d);
            assertEquals(1, c.settled(d), "settled after " + d);
        }
        assertEquals(0, c.open(5));
    }

    @Test
    void anInvoicePaidThirtyDaysLateCountsAsSettledOnlyFromSixteenDaysPastDue() {
        LocalDate due = T.minusDays(200);
        CollectabilityCounts c = counts(List.of(invoice("I1", due)), List.of(payment("I1", due.plusDays(30), 100)));
        assertEquals(1, c.open(15));
        assertEquals(0, c.settled(15));
        assertEquals(1, c.settled(16));
        assertEquals(1, c.settled(29));
        assertEquals(0, c.open(30));
    }

    @Test
    void onlyDaysWhoseFollowUpEndsByTAreCountedAndPaymentsAfterTAreUnknown() {
        // Due 20 days before T: day d is counted while due + d + 14 <= T, i.e. d <= 6.
        LocalDate due = T.minusDays(20);
        CollectabilityCounts paidAfterT = counts(List.of(invoice("I1", due)),
                List.of(payment("I1", T.plusDays(1), 100)));
        CollectabilityCounts unpaid = counts(List.of(invoice("I1", due)), List.of());
        assertEquals(unpaid, paidAfterT);
        assertEquals(1, unpaid.open(6));
        assertEquals(0, unpaid.open(7));
        assertEquals(0, unpaid.settled(6));
    }

    @Test
    void partialPaymentsSettleOnlyWhenTheBalanceIsWithinTolerance() {
        LocalDate due = T.minusDays(100);
        CollectabilityCounts c = counts(List.of(invoice("I1", due)),
                List.of(payment("I1", due.plusDays(3), 50), payment("I1", due.plusDays(20), 49.5)));
        assertEquals(1, c.open(10));
        assertEquals(1, c.settled(10));
        assertEquals(0, c.settled(5));
        assertEquals(0, c.open(20));
    }

    @Test
    void observationDaysOlderThanTheLookbackAreNotCounted() {
        LocalDate due = T.minusDays(400);
        CollectabilityCounts c = counts(List.of(invoice("I1", due)), List.of());
        // due + d >= T - 365 from d = 35.
        assertEquals(0, c.open(34));
        assertEquals(1, c.open(35));
        assertEquals(1, c.open(60));
    }

    @Test
    void countsOfDisjointCustomersAddUp() {
        List<CustomerHistory> histories = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            LocalDate due = T.minusDays(90 + 7 * i);
            histories.add(history(customer("UTC"), List.of(invoice("I" + i, due)),
                    List.of(payment("I" + i, due.plusDays(3 * i + 1), 100)), List.of()));
        }
        CollectabilityCounts all = CollectabilityCounts.of(histories.iterator(), T);
        CollectabilityCounts first = CollectabilityCounts.of(histories.subList(0, 2).iterator(), T);
        CollectabilityCounts rest = CollectabilityCounts.of(histories.subList(2, 6).iterator(), T);
        assertEquals(all, first.plus(rest));
        assertEquals(all, CollectabilityCounts.empty(T, 365, 14, 60).plus(all));
    }

    @Test
    void countsOfOtherDatesOrWindowsDoNotAdd() {
        CollectabilityCounts a = CollectabilityCounts.empty(T, 365, 14, 60);
        assertThrows(IllegalArgumentException.class, () -> a.plus(CollectabilityCounts.empty(T.plusDays(1), 365, 14, 60)));
        assertThrows(IllegalArgumentException.class, () -> a.plus(CollectabilityCounts.empty(T, 365, 7, 60)));
    }

    @Test
    void moreSettledThanOpenIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new CollectabilityCounts(T, 365, 14, List.of(3L), List.of(4L)));
    }
}

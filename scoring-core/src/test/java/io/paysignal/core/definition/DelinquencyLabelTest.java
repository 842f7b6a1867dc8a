package io.paysignal.core.definition;

import static io.paysignal.core.testsupport.HistoryBuilder.history;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paysignal.core.testsupport.HistoryBuilder;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The contract label with D = 30 and H = 90 as of T = 2025-03-31: delinquency days in (2025-03-31,
 * 2025-06-29] count. Each case is one invoice of 100 unless said otherwise.
 */
class DelinquencyLabelTest {

    private static final LocalDate T = LocalDate.parse("2025-03-31");
    private final DelinquencyLabel label = DelinquencyLabel.defaults();

    private boolean delinquent(HistoryBuilder builder) {
        return label.isDelinquent(builder.build(), T);
    }

    @Test
    void defaultsAreTheContractDefaults() {
        assertEquals(30, label.dpdThreshold());
        assertEquals(90, label.horizonDays());
        assertEquals(LocalDate.parse("2025-06-29"), label.observedThrough(T));
    }

    @Test
    void unpaidInvoiceReachingThirtyDaysPastDueTheDayAfterTCounts() {
        assertTrue(delinquent(history().invoice("a", "2025-02-01", "2025-03-02", 100))); // day 2025-04-01
    }

    @Test
    void invoiceAlreadyThirtyDaysPastDueOnTDoesNotCount() {
        assertFalse(delinquent(history().invoice("a", "2025-02-01", "2025-03-01", 100))); // day = T
        assertFalse(delinquent(history().invoice("a", "2025-01-01", "2025-02-14", 100))); // 45 DPD on T
    }

    @Test
    void invoiceIssuedAfterTInsideTheHorizonCounts() {
        assertTrue(delinquent(history().invoice("a", "2025-04-10", "2025-04-20", 100))); // day 2025-05-20
    }

    @Test
    void paymentOnDueDatePlusDIsNotDelinquentAndADayLaterIs() {
        assertFalse(delinquent(history().invoice("a", "2025-03-11", "2025-04-10", 100)
                .payment("a", "2025-05-10", 100)));
        assertTrue(delinquent(history().invoice("a", "2025-03-11", "2025-04-10", 100)
                .payment("a", "2025-05-11", 100)));
    }

    @Test
    void delinquencyDayOnTheLastDayOfTheHorizonCountsAndTheDayAfterDoesNot() {
        assertTrue(delinquent(history().invoice("a", "2025-05-01", "2025-05-30", 100))); // day 2025-06-29 = T+H
        assertFalse(delinquent(history().invoice("a", "2025-05-01", "2025-05-31", 100))); // day 2025-06-30
    }

    @Test
    void partialPaymentCountsUnlessTheRestIsWithinTolerance() {
        assertTrue(delinquent(history().invoice("a", "2025-03-11", "2025-04-10", 100)
                .payment("a", "2025-04-15", 60).payment("a", "2025-05-01", 38.99))); // 1.01 open
        assertFalse(delinquent(history().invoice("a", "2025-03-11", "2025-04-10", 100)
                .payment("a", "2025-04-15", 60).payment("a", "2025-05-01", 39.00))); // 1.00 open
    }

    @Test
    void overpaymentIsNotDelinquent() {
        assertFalse(delinquent(history().invoice("a", "2025-03-11", "2025-04-10", 100)
                .payment("a", "2025-05-01", 150)));
    }

    @Test
    void anyOneInvoiceMakesTheCustomerDelinquent() {
        assertTrue(delinquent(history()
                .invoice("paid", "2025-03-11", "2025-04-10", 100).payment("paid", "2025-04-10", 100)
                .invoice("old", "2025-01-01", "2025-01-31", 100) // already delinquent: ignored
                .invoice("late", "2025-04-01", "2025-05-01", 100)));
        assertFalse(delinquent(history()
                .invoice("paid", "2025-03-11", "2025-04-10", 100).payment("paid", "2025-04-10", 100)
                .invoice("old", "2025-01-01", "2025-01-31", 100)));
        assertFalse(delinquent(history()));
    }

    @Test
    void paymentsOfOtherInvoicesDoNotSettleThisOne() {
        assertTrue(delinquent(history()
                .invoice("a", "2025-03-11", "2025-04-10", 100)
                .invoice("b", "2025-03-11", "2025-04-10", 100).payment("b", "2025-04-10", 200)));
    }

    @Test
    void thresholdAndHorizonAreParameters() {
        DelinquencyLabel shortLabel = new DelinquencyLabel(10, 30); // days in (T, 2025-04-30]
        assertTrue(shortLabel.isDelinquent(history().invoice("a", "2025-03-01", "2025-04-20", 100).build(), T));
        assertFalse(shortLabel.isDelinquent(history().invoice("a", "2025-03-01", "2025-04-21", 100).build(), T));
        assertFalse(shortLabel.isDelinquent(history().invoice("a", "2025-03-01", "2025-03-21", 100).build(), T));
    }

    @Test
    void rejectsNonPositiveThresholdOrHorizon() {
        assertThrows(IllegalArgumentException.class, () -> new DelinquencyLabel(0, 90));
        assertThrows(IllegalArgumentException.class, () -> new DelinquencyLabel(30, 0));
    }
}

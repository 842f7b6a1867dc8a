package io.paysignal.core.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paysignal.core.history.Invoice;
import io.paysignal.core.history.Payment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** DATA-CONTRACT section 2 (open balance, settlement, DPD) on hand-worked invoices. */
class InvoiceLedgerTest {

    private static final LocalDate ISSUED = LocalDate.parse("2025-01-01");
    private static final LocalDate DUE = LocalDate.parse("2025-01-31");
    private static final double EPS = 1e-9;

    private static Invoice invoice(double amount) {
        return new Invoice("inv", "c1", ISSUED, DUE, amount, "EUR", false);
    }

    private static InvoiceLedger ledger(double amount, Object... datesAndAmounts) {
        List<Payment> payments = new ArrayList<>();
        for (int i = 0; i < datesAndAmounts.length; i += 2) {
            payments.add(new Payment(null, "inv", LocalDate.parse((String) datesAndAmounts[i]),
                    ((Number) datesAndAmounts[i + 1]).doubleValue()));
        }
        return new InvoiceLedger(invoice(amount), payments);
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void partialPaymentsReduceTheOpenBalanceOnTheirDay() {
        InvoiceLedger ledger = ledger(100, "2025-02-20", 50, "2025-02-10", 30); // given out of order

        assertEquals(100, ledger.openBalance(day("2025-02-09")), EPS);
        assertEquals(70, ledger.openBalance(day("2025-02-10")), EPS);
        assertEquals(20, ledger.openBalance(day("2025-02-20")), EPS);
        assertEquals(80, ledger.paidBy(day("2025-03-01")), EPS);
        assertEquals(day("2025-02-10"), ledger.payments().get(0).paymentDate());
        assertFalse(ledger.isSettledOn(day("2025-12-31")));
        assertEquals(Optional.empty(), ledger.settlementDay());
    }

    @Test
    void daysPastDueCountsFromTheDueDateWhileOpenAndIsNeverNegative() {
        InvoiceLedger ledger = ledger(100, "2025-02-10", 30);

        assertEquals(0, ledger.daysPastDue(day("2025-01-15")));
        assertEquals(0, ledger.daysPastDue(DUE));
        assertEquals(1, ledger.daysPastDue(day("2025-02-01")));
        assertEquals(20, ledger.daysPastDue(day("2025-02-20"))); // a partial payment does not stop the clock
    }

    @Test
    void settlementStopsDaysPastDueOnTheSettlementDay() {
        InvoiceLedger ledger = ledger(100, "2025-02-10", 40, "2025-03-02", 60);

        assertEquals(Optional.of(day("2025-03-02")), ledger.settlementDay());
        assertEquals(29, ledger.daysPastDue(day("2025-03-01")));
        assertEquals(0, ledger.daysPastDue(day("2025-03-02")));
        assertFalse(ledger.isSettledOn(day("2025-03-01")));
        assertTrue(ledger.isSettledOn(day("2025-03-02")));
        assertEquals(Optional.of(30L), ledger.daysLateAtSettlement(day("2025-03-02")));
        assertEquals(Optional.empty(), ledger.daysLateAtSettlement(day("2025-03-01"))); // not settled yet then
    }

    @Test
    void overpaymentSettlesWithANegativeBalance() {
        InvoiceLedger ledger = ledger(100, "2025-01-20", 120);

        assertEquals(-20, ledger.openBalance(day("2025-01-20")), EPS);
        assertEquals(120, ledger.paidBy(day("2025-01-20")), EPS);
        assertEquals(Optional.of(day("2025-01-20")), ledger.settlementDay());
        assertEquals(0, ledger.daysPastDue(day("2025-06-01")));
        assertEquals(Optional.of(0L), ledger.daysLateAtSettlement(day("2025-06-01"))); // paid early: 0, not -11
    }

    @Test
    void laterPaymentsDoNotMoveTheSettlementDay() {
        InvoiceLedger ledger = ledger(100, "2025-02-01", 100, "2025-02-05", 10);

        assertEquals(Optional.of(day("2025-02-01")), ledger.settlementDay());
        assertEquals(-10, ledger.openBalance(day("2025-02-05")), EPS);
    }

    @Test
    void toleranceIsOnePercentForSmallInvoices() {
        // 1% of 50 = 0.50 < 1.00
        assertTrue(ledger(50, "2025-02-01", 49.50).isSettledOn(day("2025-02-01")));
        assertFalse(ledger(50, "2025-02-01", 49.49).isSettledOn(day("2025-02-01")));
    }

    @Test
    void toleranceIsCappedAtOneForLargeInvoices() {
        // 1% of 500 = 5.00 > 1.00
        assertTrue(ledger(500, "2025-02-01", 499.00).isSettledOn(day("2025-02-01")));
        assertFalse(ledger(500, "2025-02-01", 498.99).isSettledOn(day("2025-02-01")));
        assertFalse(ledger(500, "2025-02-01", 496.00).isSettledOn(day("2025-02-01"))); // 1% would have allowed it
    }

    @Test
    void toleranceWhereBothRulesMeet() {
        // 1% of 100 = 1.00 = the cap
        assertTrue(ledger(100, "2025-02-01", 99.00).isSettledOn(day("2025-02-01")));
        assertFalse(ledger(100, "2025-02-01", 98.99).isSettledOn(day("2025-02-01")));
    }

    @Test
    void binaryRoundingOfSummedPaymentsDoesNotReopenAnInvoiceAtTheEdge() {
        // 3.3 + 3.3 + 3.3 = 9.899999999999999 in doubles: the balance is 0.10 "plus a hair", still the tolerance
        assertTrue(ledger(10, "2025-02-01", 3.3, "2025-02-02", 3.3, "2025-02-03", 3.3)
                .isSettledOn(day("2025-02-03")));
        assertFalse(ledger(10, "2025-02-01", 3.3, "2025-02-02", 3.3, "2025-02-03", 3.29)
                .isSettledOn(day("2025-02-03")));
    }

    @Test
    void rejectsPaymentsOfAnotherInvoice() {
        Payment other = new Payment(null, "other", day("2025-02-01"), 10);
        assertThrows(IllegalArgumentException.class, () -> new InvoiceLedger(invoice(100), List.of(other)));
    }
}

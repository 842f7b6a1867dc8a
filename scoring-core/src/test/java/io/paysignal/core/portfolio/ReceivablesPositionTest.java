package io.paysignal.core.portfolio;

import static io.paysignal.core.testsupport.HistoryBuilder.history;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paysignal.core.history.Customer;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.history.Invoice;
import io.paysignal.core.testsupport.HistoryBuilder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Balances and buckets on a hand-worked history (amounts in EUR, the builder's currency). */
class ReceivablesPositionTest {

    private static final LocalDate T = LocalDate.parse("2025-03-15");
    private static final double EPS = 1e-9;

    /**
     * On 2025-03-15: A is 60 open and 43 days past due, B 200 open and 12 days past due, C 50 open and not due
     * yet, D was settled within the tolerance (0.50 left of 80.00).
     */
    private static HistoryBuilder handWorked() {
        return history()
                .invoice("A", "2025-01-01", "2025-01-31", 100).payment("A", "2025-02-10", 40)
                .invoice("B", "2025-02-01", "2025-03-03", 200)
                .invoice("C", "2025-03-01", "2025-03-31", 50)
                .invoice("D", "2025-01-05", "2025-02-04", 80).payment("D", "2025-02-20", 79.50);
    }

    @Test
    void openAndOverdueBalancesAndTheWorstDaysPastDue() {
        List<ReceivablesPosition> positions = ReceivablesPosition.of(handWorked().build(), T,
                ReportingCurrency.invoiceCurrencies());

        assertEquals(1, positions.size());
        ReceivablesPosition position = positions.get(0);
        assertEquals("EUR", position.currency());
        assertEquals(310, position.openBalance(), EPS);
        assertEquals(260, position.overdueBalance(), EPS);
        assertEquals(50, position.currentBalance(), EPS);
        assertEquals(43, position.maxDaysPastDue());
        assertEquals(3, position.openInvoices());
        assertEquals(DpdBucket.DPD_31_60, position.bucket());
        assertEquals(77.5, position.expectedDelinquentExposure(0.25), EPS);
    }

    @Test
    void nothingDatedAfterTheDayChangesThePosition() {
        CustomerHistory withFuture = handWorked()
                .invoice("E", "2025-03-16", "2025-04-15", 1000)
                .payment("A", "2025-03-16", 60)
                .payment("B", "2025-04-01", 200)
                .build();

        assertEquals(ReceivablesPosition.of(handWorked().build(), T, ReportingCurrency.invoiceCurrencies()),
                ReceivablesPosition.of(withFuture, T, ReportingCurrency.invoiceCurrencies()));
    }

    @Test
    void aPaymentOnTheDayItselfCounts() {
        CustomerHistory paidOnT = handWorked().payment("A", "2025-03-15", 60).build();

        ReceivablesPosition position = ReceivablesPosition.of(paidOnT, T, ReportingCurrency.invoiceCurrencies()).get(0);

        assertEquals(250, position.openBalance(), EPS);
        assertEquals(12, position.maxDaysPastDue());
        assertEquals(DpdBucket.DPD_1_30, position.bucket());
    }

    @Test
    void aCustomerWithoutInvoicesYetHasNoPosition() {
        assertTrue(ReceivablesPosition.of(handWorked().build(), LocalDate.parse("2024-12-31"),
                ReportingCurrency.invoiceCurrencies()).isEmpty());
    }

    @Test
    void aCustomerWithOnlySettledInvoicesIsCurrentWithNothingOpen() {
        CustomerHistory settled = history().invoice("A", "2025-01-01", "2025-01-31", 100)
                .payment("A", "2025-02-10", 100).build();

        ReceivablesPosition position = ReceivablesPosition.of(settled, T, ReportingCurrency.invoiceCurrencies()).get(0);

        assertEquals(ReceivablesPosition.empty("EUR", T), position);
        assertEquals(DpdBucket.CURRENT, position.bucket());
    }

    @Test
    void invoiceCurrenciesAreKeptApartUnlessConverted() {
        Customer customer = Customer.withDefaults("c1");
        List<Invoice> invoices = new ArrayList<>();
        invoices.add(new Invoice("U", "c1", LocalDate.parse("2025-03-01"), LocalDate.parse("2025-03-10"), 100, "USD", false));
        invoices.add(new Invoice("J", "c1", LocalDate.parse("2025-03-01"), LocalDate.parse("2025-03-31"), 15_000, "JPY", false));
        CustomerHistory history = new CustomerHistory(customer, invoices, List.of(), List.of());

        List<ReceivablesPosition> apart = ReceivablesPosition.of(history, T, ReportingCurrency.invoiceCurrencies());
        List<ReceivablesPosition> converted = ReceivablesPosition.of(history, T,
                ReportingCurrency.convertedTo("USD", Map.of("JPY", 150.0)));

        assertEquals(List.of(new ReceivablesPosition("JPY", T, 15_000, 0, 0, 1),
                new ReceivablesPosition("USD", T, 100, 100, 5, 1)), apart);
        assertEquals(List.of(new ReceivablesPosition("USD", T, 200, 100, 5, 2)), converted);
        assertThrows(IllegalArgumentException.class, () -> ReceivablesPosition.of(history, T,
                ReportingCurrency.convertedTo("EUR", Map.of("USD", 1.1))));
    }

    @Test
    void inconsistentPositionsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ReceivablesPosition("EUR", T, 10, 20, 5, 1));
        assertThrows(IllegalArgumentException.class, () -> new ReceivablesPosition("EUR", T, 10, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ReceivablesPosition("EUR", T, -1, 0, 0, 1));
        assertThrows(IllegalArgumentException.class,
                () -> ReceivablesPosition.empty("EUR", T).expectedDelinquentExposure(1.5));
    }
}

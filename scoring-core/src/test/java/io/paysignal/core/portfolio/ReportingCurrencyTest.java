package io.paysignal.core.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paysignal.core.history.Invoice;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportingCurrencyTest {

    private static Invoice invoice(String currency) {
        return new Invoice("i", "c", LocalDate.parse("2025-01-01"), LocalDate.parse("2025-01-31"), 10, currency, false);
    }

    @Test
    void convertsByDividingByTheUnitsPerReportingUnit() {
        ReportingCurrency usd = ReportingCurrency.convertedTo("USD", Map.of("JPY", 150.0, "EUR", 0.8));

        assertEquals(2.0, usd.amountOf(invoice("JPY"), 300), 1e-12);
        assertEquals(125.0, usd.amountOf(invoice("EUR"), 100), 1e-12);
        assertEquals(42.0, usd.amountOf(invoice("USD"), 42), 1e-12);
        assertEquals("USD", usd.currencyOf(invoice("JPY")));
    }

    @Test
    void keepingInvoiceCurrenciesReportsEachInItsOwn() {
        ReportingCurrency own = ReportingCurrency.invoiceCurrencies();

        assertEquals(300.0, own.amountOf(invoice("JPY"), 300), 0);
        assertEquals("JPY", own.currencyOf(invoice("JPY")));
        assertEquals(ReportingCurrency.NO_CURRENCY, own.currencyOf(invoice(null)));
    }

    @Test
    void badRatesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ReportingCurrency.convertedTo("USD", Map.of("JPY", 0.0)));
        assertThrows(IllegalArgumentException.class, () -> ReportingCurrency.convertedTo("USD", Map.of("USD", 2.0)));
        assertThrows(IllegalArgumentException.class, () -> new ReportingCurrency(null, Map.of("JPY", 150.0)));
        assertThrows(IllegalArgumentException.class,
                () -> ReportingCurrency.convertedTo("USD", Map.of()).amountOf(invoice("GBP"), 1));
    }
}

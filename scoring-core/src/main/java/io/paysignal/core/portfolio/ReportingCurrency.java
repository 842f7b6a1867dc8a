package io.paysignal.core.portfolio;

import io.paysignal.core.history.Invoice;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * The currency portfolio amounts are reported in. Invoices carry their own currency, and a sum of yen and
 * euros means nothing, so either every amount stays in its invoice's currency (and totals are kept per
 * currency), or every amount is converted to one reporting currency with given exchange rates.
 *
 * @param code the reporting currency (ISO 4217), or null to keep invoice currencies
 * @param unitsPerReportingUnit for each invoice currency, how many of its units one unit of the reporting
 *        currency buys (for a USD report: {@code JPY -> 150}, {@code EUR -> 0.92}, {@code USD -> 1}); empty
 *        when {@code code} is null
 */
public record ReportingCurrency(String code, Map<String, Double> unitsPerReportingUnit) implements Serializable {

    public ReportingCurrency {
        unitsPerReportingUnit = Map.copyOf(new TreeMap<>(unitsPerReportingUnit == null ? Map.of()
                : unitsPerReportingUnit));
        if (code == null && !unitsPerReportingUnit.isEmpty()) {
            throw new IllegalArgumentException("exchange rates need a reporting currency code");
        }
        if (code != null && code.isBlank()) {
            throw new IllegalArgumentException("the reporting currency code must not be blank");
        }
        for (Map.Entry<String, Double> rate : unitsPerReportingUnit.entrySet()) {
            if (rate.getValue() == null || !(rate.getValue() > 0) || rate.getValue().isInfinite()) {
                throw new IllegalArgumentException("the rate of " + rate.getKey()
                        + " must be a finite number greater than 0, was " + rate.getValue());
            }
        }
        if (code != null && unitsPerReportingUnit.containsKey(code) && unitsPerReportingUnit.get(code) != 1.0) {
            throw new IllegalArgumentException("the reporting currency " + code + " must have rate 1, had "
                    + unitsPerReportingUnit.get(code));
        }
    }

    /** Amounts stay in their invoice's currency. */
    public static ReportingCurrency invoiceCurrencies() {
        return new ReportingCurrency(null, Map.of());
    }

    /** Amounts are converted to {@code code}; the reporting currency itself converts at 1 even when not listed. */
    public static ReportingCurrency convertedTo(String code, Map<String, Double> unitsPerReportingUnit) {
        if (code == null) {
            throw new IllegalArgumentException("a reporting currency code is required");
        }
        return new ReportingCurrency(code, unitsPerReportingUnit);
    }

    /** True when amounts are converted to one currency. */
    public boolean converts() {
        return code != null;
    }

    /** ISO 4217's "no currency" code, reported for an invoice that has no currency. */
    public static final String NO_CURRENCY = "XXX";

    /** The currency the invoice's amounts are reported in. */
    public String currencyOf(Invoice invoice) {
        if (converts()) {
            return code;
        }
        return invoice.currency() == null || invoice.currency().isBlank() ? NO_CURRENCY : invoice.currency();
    }

    /**
     * {@code amount}, in the invoice's currency, in the reporting currency.
     *
     * @throws IllegalArgumentException when converting and there is no rate for the invoice's currency
     */
    public double amountOf(Invoice invoice, double amount) {
        if (!converts() || code.equals(invoice.currency())) {
            return amount;
        }
        Double rate = invoice.currency() == null ? null : unitsPerReportingUnit.get(invoice.currency());
        if (rate == null) {
            throw new IllegalArgumentException("no exchange rate for " + invoice.currency() + " (invoice "
                    + invoice.invoiceId() + ") into " + code);
        }
        return amount / rate;
    }
}

package io.paysignal.api.testsupport;

import io.paysignal.api.service.FeatureSource;
import io.paysignal.core.definition.InvoiceLedger;
import io.paysignal.core.feature.FeatureVector;
import io.paysignal.core.history.Contact;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.history.Invoice;
import io.paysignal.core.history.Payment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * A small, real feature source for API tests: four point-in-time features computed with the contract's
 * ledger definitions. It stands in for scoring-core's FeatureExtractor, which the API is wired to in production.
 */
public final class LedgerFeatureSource implements FeatureSource {

    public static final List<String> NAMES = List.of("open_invoice_count", "open_balance", "max_days_past_due",
            "contacts_35d");

    @Override
    public List<String> featureNames() {
        return NAMES;
    }

    @Override
    public FeatureVector extract(CustomerHistory history, LocalDate asOf) {
        Map<String, List<Payment>> payments = history.paymentsByInvoice();
        double openCount = 0;
        double openBalance = 0;
        double maxDaysPastDue = 0;
        for (Invoice invoice : history.invoices()) {
            if (invoice.issueDate().isAfter(asOf)) {
                continue;
            }
            InvoiceLedger ledger = new InvoiceLedger(invoice, payments.getOrDefault(invoice.invoiceId(), List.of()));
            if (!ledger.isSettledOn(asOf)) {
                openCount++;
                openBalance += ledger.openBalance(asOf);
                maxDaysPastDue = Math.max(maxDaysPastDue, ledger.daysPastDue(asOf));
            }
        }
        Instant endOfDay = asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant windowStart = endOfDay.minusSeconds(86_400L * 35);
        double contacts = 0;
        for (Contact contact : history.contacts()) {
            if (contact.contactTime().isBefore(endOfDay) && !contact.contactTime().isBefore(windowStart)) {
                contacts++;
            }
        }
        return new FeatureVector(history.customerId(), asOf, NAMES,
                new double[] {openCount, openBalance, maxDaysPastDue, contacts});
    }
}

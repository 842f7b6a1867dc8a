package io.paysignal.core.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paysignal.core.definition.InvoiceLedger;
import io.paysignal.core.history.Contact;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.history.Invoice;
import io.paysignal.core.history.Payment;
import io.paysignal.core.testsupport.RandomHistories;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;

/**
 * Properties of {@link FeatureExtractor} over seeded random histories (see {@link RandomHistories}). Each
 * try draws a case seed; a failure reports it, and {@code new Random(seed)} rebuilds the same case.
 */
class FeatureExtractorPropertyTest {

    private final FeatureExtractor extractor = new FeatureExtractor();

    @Property(tries = 3000, seed = "20250630", shrinking = ShrinkingMode.OFF)
    void eventsDatedAfterTheAsOfDateDoNotChangeTheVector(@ForAll long caseSeed) {
        Random random = new Random(caseSeed);
        CustomerHistory history = RandomHistories.history(random);
        LocalDate asOf = RandomHistories.asOf(random);
        CustomerHistory changed = RandomHistories.withFutureChanged(history, asOf, random);
        CustomerHistory changedAgain = RandomHistories.withFutureChanged(changed, asOf, random);

        FeatureVector expected = extractor.extract(history, asOf);

        assertSameVector(expected, extractor.extract(changed, asOf), caseSeed);
        assertSameVector(expected, extractor.extract(changedAgain, asOf), caseSeed);
    }

    @Property(tries = 1000, seed = "20250701", shrinking = ShrinkingMode.OFF)
    void inputOrderDoesNotChangeTheVector(@ForAll long caseSeed) {
        Random random = new Random(caseSeed);
        CustomerHistory history = RandomHistories.history(random);
        LocalDate asOf = RandomHistories.asOf(random);

        FeatureVector expected = extractor.extract(history, asOf);

        for (int i = 0; i < 3; i++) {
            assertSameVector(expected, extractor.extract(RandomHistories.shuffled(history, random), asOf), caseSeed);
        }
    }

    /**
     * Recomputes the exposure and delinquency features the slow way: a ledger over all payments, asked day
     * by day (it is point-in-time per day by definition), and contacts dated by converting each to UTC.
     */
    @Property(tries = 1000, seed = "20250702", shrinking = ShrinkingMode.OFF)
    void exposureAndDelinquencyAgreeWithTheLedgerAskedDayByDay(@ForAll long caseSeed) {
        Random random = new Random(caseSeed);
        CustomerHistory history = RandomHistories.history(random);
        LocalDate asOf = RandomHistories.asOf(random);
        Map<String, List<Payment>> paymentsByInvoice = history.paymentsByInvoice();

        double open = 0;
        double overdue = 0;
        long dpdNow = 0;
        long worst90 = 0;
        long worst365 = 0;
        int reached30 = 0;
        for (Invoice invoice : history.invoices()) {
            if (invoice.issueDate().isAfter(asOf)) {
                continue;
            }
            InvoiceLedger ledger = new InvoiceLedger(invoice,
                    paymentsByInvoice.getOrDefault(invoice.invoiceId(), List.of()));
            if (!ledger.isSettledOn(asOf)) {
                open += ledger.openBalance(asOf);
                overdue += ledger.daysPastDue(asOf) > 0 ? ledger.openBalance(asOf) : 0;
            }
            dpdNow = Math.max(dpdNow, ledger.daysPastDue(asOf));
            for (int back = 0; back < 365; back++) {
                long dpd = ledger.daysPastDue(asOf.minusDays(back));
                worst365 = Math.max(worst365, dpd);
                worst90 = back < 90 ? Math.max(worst90, dpd) : worst90;
            }
            LocalDate reachedDay = invoice.dueDate().plusDays(30);
            if (!reachedDay.isAfter(asOf) && reachedDay.isAfter(asOf.minusDays(365))
                    && ledger.daysPastDue(reachedDay) >= 30) {
                reached30++;
            }
        }
        int contacts30 = 0;
        for (Contact contact : history.contacts()) {
            LocalDate day = contact.contactTime().atZone(ZoneOffset.UTC).toLocalDate();
            if (!day.isAfter(asOf) && day.isAfter(asOf.minusDays(30))) {
                contacts30++;
            }
        }

        FeatureVector vector = extractor.extract(history, asOf);

        String seed = "case seed " + caseSeed;
        assertEquals(open, vector.get(FeatureNames.OPEN_BALANCE_CURRENT), 1e-6, seed);
        assertEquals(overdue, vector.get(FeatureNames.OVERDUE_BALANCE_CURRENT), 1e-6, seed);
        assertEquals(dpdNow, vector.get(FeatureNames.MAX_DAYS_PAST_DUE_CURRENT), seed);
        assertEquals(worst90, vector.get(FeatureNames.MAX_DAYS_PAST_DUE_90D), seed);
        assertEquals(worst365, vector.get(FeatureNames.MAX_DAYS_PAST_DUE_365D), seed);
        assertEquals(reached30, vector.get(FeatureNames.INVOICES_REACHED_30DPD_365D), seed);
        assertEquals(contacts30, vector.get(FeatureNames.CONTACT_COUNT_30D), seed);
    }

    /** Exact equality, reporting the first feature that differs. */
    private static void assertSameVector(FeatureVector expected, FeatureVector actual, long caseSeed) {
        double[] want = expected.values();
        double[] got = actual.values();
        for (int i = 0; i < want.length; i++) {
            int index = i;
            // Bit-for-bit: the property is "exactly equal", not "close".
            assertEquals(Double.doubleToLongBits(want[i]), Double.doubleToLongBits(got[i]),
                    () -> "case seed " + caseSeed + ": " + expected.names().get(index) + " expected "
                            + want[index] + " but was " + got[index]);
        }
        assertEquals(expected, actual, "case seed " + caseSeed);
    }
}

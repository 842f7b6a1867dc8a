package io.paysignal.core.feature;

import static io.paysignal.core.feature.FeatureNames.*;
import static io.paysignal.core.testsupport.HistoryBuilder.history;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paysignal.core.history.Channel;
import io.paysignal.core.history.ContactOutcome;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.testsupport.HistoryBuilder;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each feature family on a small history worked out by hand. The as-of date is 2025-06-30 throughout, so
 * T-30 = 2025-05-31, T-90 = 2025-04-01, T-180 = 2025-01-01 and T-365 = 2024-06-30; windows exclude their
 * first bound.
 */
class FeatureExtractorTest {

    private static final LocalDate T = LocalDate.parse("2025-06-30");
    private static final double EPS = 1e-9;

    private final FeatureExtractor extractor = new FeatureExtractor();

    private FeatureVector extract(HistoryBuilder builder) {
        return extractor.extract(builder.build(), T);
    }

    @Test
    void vectorFollowsTheCatalogOrder() {
        FeatureVector vector = extract(history().invoice("a", "2025-01-01", "2025-01-31", 10));

        assertEquals(FeatureNames.names(), vector.names());
        assertEquals(HistoryBuilder.CUSTOMER_ID, vector.customerId());
        assertEquals(T, vector.asOf());
    }

    @Test
    void customerWithoutEventsGetsNeutralValues() {
        FeatureVector vector = extract(history());

        Map<String, Double> nonZero = Map.of(
                INVOICE_AMOUNT_RATIO_90D_VS_PRIOR_275D, 1.0,
                PAYMENT_COVERAGE_90D, 1.0,
                DAYS_SINCE_LAST_CONTACT, (double) FeatureExtractor.RECENCY_CAP_DAYS);
        for (String name : FeatureNames.names()) {
            assertEquals(nonZero.getOrDefault(name, 0.0), vector.get(name), name);
        }
    }

    @Test
    void tenureStartsAtTheEarlierOfOpenedDateAndFirstInvoice() {
        assertEquals(365, extract(history().customer(null, "2024-06-30")
                .invoice("a", "2025-01-01", "2025-01-31", 10)).get(TENURE_DAYS));
        assertEquals(180, extract(history().customer(null, "2025-03-01")
                .invoice("a", "2025-01-01", "2025-01-31", 10)).get(TENURE_DAYS));
        // An opened_date after T is not known yet; the first visible invoice counts.
        assertEquals(180, extract(history().customer(null, "2025-07-15")
                .invoice("a", "2025-01-01", "2025-01-31", 10)).get(TENURE_DAYS));
        assertEquals(0, extract(history().customer(null, "2025-07-15")).get(TENURE_DAYS));
        assertEquals(1, extract(history().invoice("a", "2025-06-29", "2025-07-29", 10)).get(HAS_HISTORY));
    }

    @Test
    void billingFeaturesUseIssueDates() {
        HistoryBuilder builder = history()
                .invoice("outside", "2024-06-30", "2024-07-30", 1000) // T-365: outside the year, sets tenure
                .invoice("may", "2025-05-01", "2025-05-31", 150)
                .invoice("jun", "2025-06-01", "2025-07-01", 150)
                .invoice("after-t", "2025-07-01", "2025-07-31", 5000);
        for (int month = 7; month <= 15; month++) { // 2024-07-01 .. 2025-03-01
            LocalDate issue = LocalDate.of(2024, 1, 1).plusMonths(month - 1);
            builder.invoice("m" + month, issue.toString(), issue.plusDays(30).toString(), 100);
        }
        builder.invoice("apr", "2025-04-01", "2025-05-01", 100); // T-90 exactly: belongs to the prior group

        FeatureVector vector = extract(builder);

        assertEquals(12, vector.get(INVOICE_COUNT_365D));
        assertEquals(365, vector.get(TENURE_DAYS));
        assertEquals(12 * 90 / 365.0, vector.get(INVOICES_PER_90D_365D), EPS);
        assertEquals(1300 / 12.0, vector.get(AVG_MONTHLY_BILLING_365D), EPS);
        assertEquals(150 / 100.0, vector.get(INVOICE_AMOUNT_RATIO_90D_VS_PRIOR_275D), EPS);
    }

    @Test
    void billingRatesOfANewCustomerUseTheMinimumObservationPeriod() {
        FeatureVector vector = extract(history().invoice("a", "2025-06-20", "2025-07-20", 240));

        assertEquals(1, vector.get(INVOICES_PER_90D_365D), EPS); // one invoice per at least 90 days
        assertEquals(240, vector.get(AVG_MONTHLY_BILLING_365D), EPS); // one month at least
        assertEquals(1, vector.get(INVOICE_AMOUNT_RATIO_90D_VS_PRIOR_275D)); // no prior invoices
    }

    @Test
    void exposureOnTheAsOfDate() {
        FeatureVector vector = extract(history().customer(5000.0, null)
                .invoice("a", "2025-03-01", "2025-03-31", 1000).payment("a", "2025-04-15", 400) // 91 DPD, 600 open
                .invoice("b", "2025-05-01", "2025-05-20", 500, true) // 41 DPD, disputed
                .invoice("c", "2025-06-01", "2025-06-10", 200) // 20 DPD
                .invoice("d", "2025-06-15", "2025-07-15", 300) // due in 15 days
                .invoice("e", "2025-06-20", "2025-09-15", 400) // due in 77 days
                .invoice("f", "2025-06-25", "2025-06-30", 50) // due today: open, not overdue, not "next"
                .invoice("g", "2025-01-01", "2025-01-31", 100).payment("g", "2025-02-10", 100) // settled
                .invoice("h", "2025-07-01", "2025-07-02", 9999)); // issued after T

        double monthlyBilling = 2550 / (181 / (365.0 / 12)); // 7 invoices since 2025-01-01: 181 observed days
        assertEquals(6, vector.get(OPEN_INVOICE_COUNT_CURRENT));
        assertEquals(3, vector.get(OVERDUE_INVOICE_COUNT_CURRENT));
        assertEquals(0.5, vector.get(OVERDUE_INVOICE_SHARE_CURRENT), EPS);
        assertEquals(2050, vector.get(OPEN_BALANCE_CURRENT), EPS);
        assertEquals(1300, vector.get(OVERDUE_BALANCE_CURRENT), EPS);
        assertEquals(200, vector.get(OVERDUE_BALANCE_1_30DPD_CURRENT), EPS);
        assertEquals(500, vector.get(OVERDUE_BALANCE_31_60DPD_CURRENT), EPS);
        assertEquals(600, vector.get(OVERDUE_BALANCE_61PLUS_DPD_CURRENT), EPS);
        assertEquals(1, vector.get(HAS_CREDIT_LIMIT));
        assertEquals(2050 / 5000.0, vector.get(OPEN_BALANCE_TO_CREDIT_LIMIT_CURRENT), EPS);
        assertEquals(1300 / 5000.0, vector.get(OVERDUE_BALANCE_TO_CREDIT_LIMIT_CURRENT), EPS);
        assertEquals(monthlyBilling, vector.get(AVG_MONTHLY_BILLING_365D), EPS);
        assertEquals(2050 / monthlyBilling, vector.get(OPEN_BALANCE_TO_MONTHLY_BILLING_CURRENT), EPS);
        assertEquals(1300 / monthlyBilling, vector.get(OVERDUE_BALANCE_TO_MONTHLY_BILLING_CURRENT), EPS);
        assertEquals(91, vector.get(MAX_DAYS_PAST_DUE_CURRENT));
        assertEquals(121, vector.get(OLDEST_OPEN_INVOICE_AGE_DAYS_CURRENT));
        assertEquals(300, vector.get(AMOUNT_DUE_NEXT_30D), EPS);
        assertEquals(700, vector.get(AMOUNT_DUE_NEXT_90D), EPS);
        assertEquals(500, vector.get(OPEN_DISPUTED_BALANCE_CURRENT), EPS);
        assertEquals(1, vector.get(DISPUTED_INVOICE_COUNT_365D));
        assertEquals(1 / 7.0, vector.get(DISPUTED_INVOICE_SHARE_365D), EPS);
    }

    @Test
    void bucketsSplitAt30And60DaysPastDue() {
        FeatureVector vector = extract(history()
                .invoice("dpd30", "2025-05-01", "2025-05-31", 1)
                .invoice("dpd31", "2025-05-01", "2025-05-30", 10)
                .invoice("dpd60", "2025-04-01", "2025-05-01", 100)
                .invoice("dpd61", "2025-04-01", "2025-04-30", 1000));

        assertEquals(1, vector.get(OVERDUE_BALANCE_1_30DPD_CURRENT), EPS);
        assertEquals(110, vector.get(OVERDUE_BALANCE_31_60DPD_CURRENT), EPS);
        assertEquals(1000, vector.get(OVERDUE_BALANCE_61PLUS_DPD_CURRENT), EPS);
    }

    @Test
    void creditLimitRatiosAreZeroWithoutALimit() {
        FeatureVector vector = extract(history().customer(0.0, null).invoice("a", "2025-05-01", "2025-05-31", 100));

        assertEquals(0, vector.get(HAS_CREDIT_LIMIT));
        assertEquals(0, vector.get(OPEN_BALANCE_TO_CREDIT_LIMIT_CURRENT));
        assertEquals(0, vector.get(OVERDUE_BALANCE_TO_CREDIT_LIMIT_CURRENT));
    }

    @Test
    void pastDelinquencyLooksAtEveryDayOfTheWindow() {
        FeatureVector vector = extract(history()
                // last unpaid day 2025-02-28: 58 DPD, before T-90; reached 30 DPD on 2025-01-31
                .invoice("i1", "2024-12-02", "2025-01-01", 100).payment("i1", "2025-03-01", 100)
                // last unpaid day 2025-05-04: 14 DPD
                .invoice("i2", "2025-03-21", "2025-04-20", 100).payment("i2", "2025-05-05", 100)
                // last unpaid day 2024-07-31 (in the year): 91 DPD; reached 30 DPD before the year
                .invoice("i3", "2024-04-01", "2024-05-01", 100).payment("i3", "2024-08-01", 100)
                // open: 25 DPD on T
                .invoice("i4", "2025-05-06", "2025-06-05", 100)
                // open: 30 DPD on T, reached on T itself
                .invoice("i5", "2025-05-01", "2025-05-31", 100)
                // settled on due + 30 exactly: never reached 30 DPD; 29 DPD on 2025-06-13
                .invoice("i6", "2025-04-15", "2025-05-15", 100).payment("i6", "2025-06-14", 100));

        assertEquals(30, vector.get(MAX_DAYS_PAST_DUE_90D));
        assertEquals(91, vector.get(MAX_DAYS_PAST_DUE_365D));
        assertEquals(2, vector.get(INVOICES_REACHED_30DPD_365D));
        assertEquals(30, vector.get(MAX_DAYS_PAST_DUE_CURRENT));
    }

    @Test
    void paymentBehaviourGroupsInvoicesByDueDate() {
        FeatureVector vector = extract(history()
                .invoice("p1", "2025-05-21", "2025-06-20", 100).payment("p1", "2025-06-25", 100) // 5 late
                .invoice("p2", "2025-05-31", "2025-06-30", 100) // due on T, open: 0 late
                .invoice("p3", "2025-04-10", "2025-05-10", 100).payment("p3", "2025-05-10", 100) // on time
                .invoice("p4", "2025-03-16", "2025-04-15", 100) // open: 76 DPD
                .invoice("p5", "2025-01-02", "2025-02-01", 100).payment("p5", "2025-03-15", 100) // 42 late
                .invoice("p6", "2024-08-02", "2024-09-01", 100).payment("p6", "2024-09-03", 100) // 2 late
                .invoice("p7", "2024-05-31", "2024-06-30", 100).payment("p7", "2024-12-01", 100)); // T-365: out

        assertEquals(0.5, vector.get(LATE_PAYMENT_SHARE_30D), EPS);
        assertEquals(5, vector.get(MAX_DAYS_LATE_30D));

        assertEquals(4, vector.get(INVOICES_DUE_90D));
        assertEquals(0.5, vector.get(LATE_PAYMENT_SHARE_90D), EPS);
        assertEquals(0.25, vector.get(LATE_30PLUS_SHARE_90D), EPS);
        assertEquals(81 / 4.0, vector.get(MEAN_DAYS_LATE_90D), EPS);
        assertEquals(76, vector.get(MAX_DAYS_LATE_90D));

        assertEquals(0.6, vector.get(LATE_PAYMENT_SHARE_180D), EPS);
        assertEquals(0.4, vector.get(LATE_30PLUS_SHARE_180D), EPS);
        assertEquals(123 / 5.0, vector.get(MEAN_DAYS_LATE_180D), EPS);
        assertEquals(76, vector.get(MAX_DAYS_LATE_180D));

        assertEquals(6, vector.get(INVOICES_DUE_365D));
        assertEquals(4 / 6.0, vector.get(LATE_PAYMENT_SHARE_365D), EPS);
        assertEquals(2 / 6.0, vector.get(LATE_30PLUS_SHARE_365D), EPS);
        assertEquals(125 / 6.0, vector.get(MEAN_DAYS_LATE_365D), EPS);
        assertEquals(76, vector.get(MAX_DAYS_LATE_365D));
        // days late 5, 0, 0, 76, 42, 2: sum 125, sum of squares 7569
        assertEquals(Math.sqrt(7569 / 6.0 - (125 / 6.0) * (125 / 6.0)), vector.get(STD_DAYS_LATE_365D), EPS);
        // recent mean 81/4 against prior mean (42 + 2)/2
        assertEquals(81 / 4.0 - 22, vector.get(DAYS_LATE_CHANGE_90D_VS_PRIOR_275D), EPS);
        double[] dueOffsets = {-10, 0, -51, -76, -149, -302};
        double[] daysLate = {5, 0, 0, 76, 42, 2};
        assertEquals(leastSquaresSlope(dueOffsets, daysLate) * 30, vector.get(DAYS_LATE_SLOPE_365D), EPS);

        assertEquals(200 / 400.0, vector.get(PAYMENT_COVERAGE_90D), EPS); // p1 and p3 paid; p1..p4 due
        assertEquals(5, vector.get(DAYS_SINCE_LAST_PAYMENT));
    }

    @Test
    void slopeIsPositiveWhenDelaysGrow() {
        FeatureVector vector = extract(history()
                .invoice("a", "2024-12-01", "2025-01-01", 100).payment("a", "2025-01-01", 100)
                .invoice("b", "2025-03-01", "2025-04-01", 100).payment("b", "2025-04-11", 100)
                .invoice("c", "2025-05-01", "2025-06-01", 100).payment("c", "2025-06-21", 100));

        // days late 0, 10, 20 at due offsets -180, -90, -29
        assertEquals(leastSquaresSlope(new double[] {-180, -90, -29}, new double[] {0, 10, 20}) * 30,
                vector.get(DAYS_LATE_SLOPE_365D), EPS);
        // b is due on T-90 exactly, so it belongs to the prior group with a
        assertEquals(20 - (0 + 10) / 2.0, vector.get(DAYS_LATE_CHANGE_90D_VS_PRIOR_275D), EPS);
    }

    @Test
    void partialPaymentMeansTheFirstPaymentDayLeftTheInvoiceOpen() {
        FeatureVector vector = extract(history()
                .invoice("halves", "2025-03-01", "2025-03-31", 100)
                .payment("halves", "2025-03-10", 50).payment("halves", "2025-03-20", 50)
                .invoice("same-day", "2025-03-01", "2025-03-31", 100)
                .payment("same-day", "2025-03-15", 60).payment("same-day", "2025-03-15", 40)
                .invoice("within-tolerance", "2025-03-01", "2025-03-31", 100).payment("within-tolerance",
                        "2025-03-15", 99.5)
                .invoice("still-open", "2025-03-01", "2025-03-31", 100).payment("still-open", "2025-04-01", 30)
                .invoice("unpaid", "2025-03-01", "2025-03-31", 100));

        assertEquals(2 / 4.0, vector.get(PARTIAL_PAYMENT_SHARE_365D), EPS);
        assertEquals(170, vector.get(OPEN_BALANCE_CURRENT), EPS); // still-open 70 + unpaid 100
    }

    @Test
    void recencyAndCoverageUseOnlyVisiblePayments() {
        FeatureVector neverPaid = extract(history().invoice("a", "2020-01-01", "2020-01-31", 100));
        assertEquals(FeatureExtractor.RECENCY_CAP_DAYS, neverPaid.get(DAYS_SINCE_LAST_PAYMENT));

        FeatureVector recent = extract(history()
                .invoice("a", "2025-06-01", "2025-06-10", 100).payment("a", "2025-06-10", 1000)
                .payment("a", "2025-07-01", 100) // after T
                .invoice("future", "2025-07-05", "2025-08-05", 100).payment("future", "2025-06-29", 100));
        assertEquals(20, recent.get(DAYS_SINCE_LAST_PAYMENT)); // the prepayment on an unissued invoice is unseen
        assertEquals(FeatureExtractor.PAYMENT_COVERAGE_CAP, recent.get(PAYMENT_COVERAGE_90D));

        FeatureVector none = extract(history().invoice("a", "2025-06-20", "2025-07-20", 100));
        assertEquals(10, none.get(DAYS_SINCE_LAST_PAYMENT)); // since the first invoice
        assertEquals(1, none.get(PAYMENT_COVERAGE_90D)); // nothing fell due
    }

    @Test
    void contactsCountUntilTheEndOfTheAsOfDayInUtc() {
        FeatureVector vector = extract(history()
                .invoice("x", "2025-01-01", "2025-01-31", 500)
                .payment("x", "2025-03-09", 100).payment("x", "2025-04-08", 100)
                .contact("2025-06-30T23:59:59Z", Channel.EMAIL, ContactOutcome.NO_RESPONSE)
                .contact("2025-06-30T23:00:00Z", Channel.SMS, ContactOutcome.NO_RESPONSE)
                .contact("2025-07-01T00:00:00Z", Channel.PHONE, ContactOutcome.REACHED) // after T
                .contact("2025-06-30T20:00:00-05:00", Channel.PHONE, ContactOutcome.REACHED) // 01:00Z next day
                .contact("2025-06-25T09:00:00Z", Channel.PHONE, ContactOutcome.PROMISE_TO_PAY) // not yet due
                .contact("2025-06-01T10:00:00Z", Channel.PHONE, ContactOutcome.REACHED)
                .contact("2025-05-31T10:00:00Z", Channel.SMS, ContactOutcome.NO_RESPONSE) // T-30: not in 30d
                .contact("2025-04-01T09:00:00Z", Channel.PHONE, ContactOutcome.PROMISE_TO_PAY) // kept on day 7
                .contact("2025-03-01T09:00:00Z", Channel.PHONE, ContactOutcome.PROMISE_TO_PAY) // paid on day 8
                .contact("2025-02-01T09:00:00Z", Channel.LETTER, ContactOutcome.OPTED_OUT)
                .contact("2025-02-02T09:00:00Z", Channel.EMAIL, ContactOutcome.OPTED_OUT)
                .contact("2025-02-03T09:00:00Z", Channel.EMAIL, ContactOutcome.OPTED_OUT)
                .contact("2024-06-30T12:00:00Z", Channel.SMS, ContactOutcome.REACHED)); // T-365: not in 365d

        assertEquals(4, vector.get(CONTACT_COUNT_30D));
        assertEquals(5, vector.get(CONTACT_COUNT_90D));
        assertEquals(4 / 10.0, vector.get(REACHED_CONTACT_SHARE_365D), EPS);
        assertEquals(3, vector.get(PROMISE_TO_PAY_COUNT_365D));
        assertEquals(1, vector.get(BROKEN_PROMISE_COUNT_365D));
        assertEquals(0.5, vector.get(BROKEN_PROMISE_SHARE_365D), EPS);
        assertEquals(2, vector.get(CONSECUTIVE_NO_RESPONSE_CURRENT));
        assertEquals(0, vector.get(DAYS_SINCE_LAST_CONTACT));
        assertEquals(2, vector.get(OPTED_OUT_CHANNEL_COUNT));
    }

    @Test
    void promiseIsKeptByAPaymentOnAnyInvoiceOnThePromiseDay() {
        FeatureVector vector = extract(history()
                .invoice("a", "2025-01-01", "2025-01-31", 100)
                .invoice("b", "2025-02-01", "2025-03-03", 100).payment("b", "2025-03-10", 100)
                .contact("2025-03-10T18:00:00Z", Channel.PHONE, ContactOutcome.PROMISE_TO_PAY));

        assertEquals(0, vector.get(BROKEN_PROMISE_COUNT_365D));
        assertEquals(0, vector.get(BROKEN_PROMISE_SHARE_365D));
    }

    @Test
    void promiseMaturesSevenDaysAfterItsDay() {
        HistoryBuilder promised = history().invoice("a", "2025-05-01", "2025-05-31", 100)
                .contact("2025-06-23T10:00:00Z", Channel.PHONE, ContactOutcome.PROMISE_TO_PAY);

        assertEquals(1, extractor.extract(promised.build(), T).get(BROKEN_PROMISE_COUNT_365D));
        assertEquals(0, extractor.extract(promised.build(), T.minusDays(1)).get(BROKEN_PROMISE_COUNT_365D));
    }

    @Test
    void noResponseStreakIgnoresTheOrderOfSimultaneousContacts() {
        String sameInstant = "2025-06-10T10:00:00Z";
        FeatureVector vector = extract(history()
                .contact(sameInstant, Channel.PHONE, ContactOutcome.NO_RESPONSE)
                .contact(sameInstant, Channel.PHONE, ContactOutcome.REACHED)
                .contact("2025-06-11T10:00:00Z", Channel.SMS, ContactOutcome.NO_RESPONSE));
        FeatureVector reversed = extract(history()
                .contact(sameInstant, Channel.PHONE, ContactOutcome.REACHED)
                .contact(sameInstant, Channel.PHONE, ContactOutcome.NO_RESPONSE)
                .contact("2025-06-11T10:00:00Z", Channel.SMS, ContactOutcome.NO_RESPONSE));

        assertEquals(1, vector.get(CONSECUTIVE_NO_RESPONSE_CURRENT));
        assertEquals(vector, reversed);
        assertEquals(19, vector.get(DAYS_SINCE_LAST_CONTACT));
    }

    @Test
    void eventsOnTheAsOfDayItselfAreVisible() {
        CustomerHistory before = history().invoice("a", "2025-06-01", "2025-06-10", 100).build();
        CustomerHistory paidOnT = history().invoice("a", "2025-06-01", "2025-06-10", 100)
                .payment("a", "2025-06-30", 100).build();
        CustomerHistory issuedOnT = history().invoice("a", "2025-06-01", "2025-06-10", 100)
                .invoice("b", "2025-06-30", "2025-07-30", 100).build();

        assertEquals(20, extractor.extract(before, T).get(MAX_DAYS_PAST_DUE_CURRENT));
        assertEquals(0, extractor.extract(paidOnT, T).get(MAX_DAYS_PAST_DUE_CURRENT));
        assertEquals(100, extractor.extract(issuedOnT, T).get(AMOUNT_DUE_NEXT_30D));
        assertNotEquals(extractor.extract(before, T), extractor.extract(paidOnT, T));
    }

    @Test
    void rejectsMissingArguments() {
        CustomerHistory empty = history().build();
        assertThrows(IllegalArgumentException.class, () -> extractor.extract(null, T));
        assertThrows(IllegalArgumentException.class, () -> extractor.extract(empty, null));
    }

    private static double leastSquaresSlope(double[] x, double[] y) {
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < x.length; i++) {
            meanX += x[i] / x.length;
            meanY += y[i] / y.length;
        }
        double covariance = 0;
        double variance = 0;
        for (int i = 0; i < x.length; i++) {
            covariance += (x[i] - meanX) * (y[i] - meanY);
            variance += (x[i] - meanX) * (x[i] - meanX);
        }
        return covariance / variance;
    }
}

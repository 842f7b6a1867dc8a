package io.paysignal.core.feature;

import io.paysignal.core.definition.InvoiceLedger;
import io.paysignal.core.history.Contact;
import io.paysignal.core.history.ContactOutcome;
import io.paysignal.core.history.Customer;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.history.Invoice;
import io.paysignal.core.history.Payment;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes the feature vector of one customer as of one date: the single feature definition shared by
 * training (inside Spark tasks) and serving (per API request). The features and their exact meaning are
 * listed in {@link FeatureNames#definitions()} and docs/FEATURES.md.
 *
 * <p>Point in time: the vector as of T uses only invoices issued on or before T, payments dated on or
 * before T (on those invoices) and contacts made before the end of day T in UTC, so anything dated after
 * T, added or changed, leaves it exactly unchanged. Balances, settlement and DPD come from
 * {@link InvoiceLedger} built over the visible payments only.
 *
 * <p>Cost: one pass over each list of the history plus a binary search per promise to pay, so
 * O(n log n) in the size of the history, with a few small allocations per invoice. The extractor holds
 * no state and is safe to share between threads and to ship inside Spark closures.
 */
public final class FeatureExtractor implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Recency features (days since last payment or contact) are capped at this many days. */
    public static final int RECENCY_CAP_DAYS = 730;
    /** {@link FeatureNames#PAYMENT_COVERAGE_90D} is capped at this ratio. */
    public static final double PAYMENT_COVERAGE_CAP = 5.0;
    /** Days after a promise to pay (the promise day included) in which some payment keeps the promise. */
    public static final int PROMISE_GRACE_DAYS = 7;
    /** DPD counted by {@link FeatureNames#INVOICES_REACHED_30DPD_365D}: the contract's default D. */
    public static final int DPD_REACHED_THRESHOLD = 30;

    private static final long SECONDS_PER_DAY = 86_400L;
    private static final double DAYS_PER_MONTH = 365.0 / 12;
    private static final int SEVERELY_LATE_DAYS = 30;
    private static final int YEAR = 365;
    private static final int QUARTER = 90;
    private static final int MONTH = 30;
    /** Number of due-date windows tracked: 30, 90, 180 and 365 days (see {@link #dueWindowDays}). */
    private static final int DUE_WINDOWS = 4;

    /**
     * The features of {@code history}'s customer as of {@code asOf}, in {@link FeatureNames#names()} order.
     *
     * @param history the customer's history; may extend past {@code asOf}, later data is ignored
     * @param asOf the as-of date T
     * @return finite values, one per feature
     */
    public FeatureVector extract(CustomerHistory history, LocalDate asOf) {
        if (history == null || asOf == null) {
            throw new IllegalArgumentException("history and asOf are required");
        }
        Accumulator acc = new Accumulator(asOf);
        List<Invoice> invoices = history.invoices();
        int visible = 0;
        while (visible < invoices.size() && !invoices.get(visible).issueDate().isAfter(asOf)) {
            visible++; // invoices are sorted by issue date
        }
        List<List<Payment>> paymentsByInvoice = acc.collectPayments(history.payments(), invoices, visible);
        for (int i = 0; i < visible; i++) {
            List<Payment> payments = paymentsByInvoice.get(i);
            acc.addInvoice(new InvoiceLedger(invoices.get(i), payments == null ? List.of() : payments));
        }
        acc.addContacts(history.contacts());
        return new FeatureVector(history.customerId(), asOf, FeatureNames.names(), acc.values(history.customer()));
    }

    private static int dueWindowDays(int window) {
        return switch (window) {
            case 0 -> MONTH;
            case 1 -> QUARTER;
            case 2 -> 180;
            case 3 -> YEAR;
            default -> throw new IllegalArgumentException("no due window " + window);
        };
    }

    private static double share(double part, double whole) {
        return whole == 0 ? 0 : part / whole;
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    /** Running totals for one extraction; all days are epoch days. */
    private static final class Accumulator {
        private final LocalDate asOf;
        private final long t;

        private long firstIssueDay = Long.MAX_VALUE;
        private int issued365;
        private double issuedAmount365;
        private int issued90;
        private double issuedAmount90;
        private int disputed365;
        private int paidInvoices365;
        private int partlyPaidInvoices365;

        private int openCount;
        private int overdueCount;
        private double openBalance;
        private double overdueBalance;
        private double overdue1To30;
        private double overdue31To60;
        private double overdue61Plus;
        private double openDisputedBalance;
        private double dueNext30;
        private double dueNext90;
        private long maxDpdNow;
        private long oldestOpenAge;

        private long worstDpd90;
        private long worstDpd365;
        private int reachedDpd365;

        private final int[] dueCount = new int[DUE_WINDOWS];
        private final int[] lateCount = new int[DUE_WINDOWS];
        private final int[] severelyLateCount = new int[DUE_WINDOWS];
        private final long[] daysLateSum = new long[DUE_WINDOWS];
        private final long[] daysLateMax = new long[DUE_WINDOWS];
        // Days late and due dates are whole days, so these sums are exact and the statistics built from
        // them do not depend on summation order.
        private long daysLateSquareSum365;
        private long dueOffsetSum365;
        private long dueOffsetSquareSum365;
        private long dueOffsetTimesLateSum365;
        private double dueAmount90;

        private long[] paymentDays = new long[0];
        private int paymentDayCount;
        private double paid90;
        private long lastPaymentDay = Long.MIN_VALUE;

        private int contacts30;
        private int contacts90;
        private int contacts365;
        private int reachedContacts365;
        private int promises365;
        private int maturedPromises365;
        private int brokenPromises365;
        private int noResponseStreak;
        private long lastContactDay = Long.MIN_VALUE;
        private int optedOutChannels;

        Accumulator(LocalDate asOf) {
            this.asOf = asOf;
            this.t = asOf.toEpochDay();
        }

        /**
         * Groups the visible payments by the index of their (visible) invoice and records their days.
         * Payments on invoices issued after T are ignored even when dated on or before T: the invoice
         * itself is not visible yet.
         */
        List<List<Payment>> collectPayments(List<Payment> payments, List<Invoice> invoices, int visible) {
            Map<String, Integer> indexById = new HashMap<>(Math.max(4, visible * 2));
            for (int i = 0; i < visible; i++) {
                indexById.putIfAbsent(invoices.get(i).invoiceId(), i);
            }
            List<List<Payment>> byInvoice = new ArrayList<>(visible);
            for (int i = 0; i < visible; i++) {
                byInvoice.add(null);
            }
            paymentDays = new long[payments.size()];
            for (Payment payment : payments) {
                if (payment.paymentDate().isAfter(asOf)) {
                    break; // payments are sorted by date
                }
                Integer index = indexById.get(payment.invoiceId());
                if (index == null) {
                    continue;
                }
                List<Payment> forInvoice = byInvoice.get(index);
                if (forInvoice == null) {
                    forInvoice = new ArrayList<>(2);
                    byInvoice.set(index, forInvoice);
                }
                forInvoice.add(payment);
                long day = payment.paymentDate().toEpochDay();
                paymentDays[paymentDayCount++] = day; // ascending, since payments are sorted
                lastPaymentDay = day;
                if (day > t - QUARTER) {
                    paid90 += payment.amount();
                }
            }
            return byInvoice;
        }

        void addInvoice(InvoiceLedger ledger) {
            Invoice invoice = ledger.invoice();
            long issue = invoice.issueDate().toEpochDay();
            long due = invoice.dueDate().toEpochDay();
            firstIssueDay = Math.min(firstIssueDay, issue);
            addBilling(ledger, issue);
            // The ledger holds visible payments only, so a settlement day, if any, is on or before T.
            Optional<LocalDate> settlement = ledger.settlementDay();
            if (settlement.isEmpty()) {
                addOpenExposure(ledger, issue, due);
            }
            addPastDelinquency(ledger, settlement, due);
            if (due <= t && due > t - YEAR) {
                long daysLate = settlement.isPresent() ? ledger.daysLateAtSettlement(asOf).orElseThrow()
                        : ledger.daysPastDue(asOf);
                addDueInWindow(invoice, due, daysLate);
            }
        }

        private void addBilling(InvoiceLedger ledger, long issue) {
            if (issue <= t - YEAR) {
                return;
            }
            Invoice invoice = ledger.invoice();
            issued365++;
            issuedAmount365 += invoice.amount();
            if (issue > t - QUARTER) {
                issued90++;
                issuedAmount90 += invoice.amount();
            }
            if (invoice.disputed()) {
                disputed365++;
            }
            if (!ledger.payments().isEmpty()) {
                paidInvoices365++;
                if (!ledger.isSettledOn(ledger.payments().get(0).paymentDate())) {
                    partlyPaidInvoices365++;
                }
            }
        }

        private void addOpenExposure(InvoiceLedger ledger, long issue, long due) {
            double open = ledger.openBalance(asOf);
            long dpd = ledger.daysPastDue(asOf);
            openCount++;
            openBalance += open;
            oldestOpenAge = Math.max(oldestOpenAge, t - issue);
            if (ledger.invoice().disputed()) {
                openDisputedBalance += open;
            }
            if (dpd > 0) {
                overdueCount++;
                overdueBalance += open;
                maxDpdNow = Math.max(maxDpdNow, dpd);
                if (dpd <= 30) {
                    overdue1To30 += open;
                } else if (dpd <= 60) {
                    overdue31To60 += open;
                } else {
                    overdue61Plus += open;
                }
            } else if (due > t) {
                if (due <= t + MONTH) {
                    dueNext30 += open;
                }
                if (due <= t + QUARTER) {
                    dueNext90 += open;
                }
            }
        }

        private void addPastDelinquency(InvoiceLedger ledger, Optional<LocalDate> settlement, long due) {
            // DPD grows by one a day until settlement, so its worst value over a window ending on T is
            // reached on the last unsettled day in the window.
            LocalDate lastUnsettledDay = settlement.isPresent() ? settlement.get().minusDays(1) : asOf;
            long lastUnsettled = lastUnsettledDay.toEpochDay();
            if (lastUnsettled > t - YEAR && lastUnsettled > due) {
                long worst = ledger.daysPastDue(lastUnsettledDay);
                worstDpd365 = Math.max(worstDpd365, worst);
                if (lastUnsettled > t - QUARTER) {
                    worstDpd90 = Math.max(worstDpd90, worst);
                }
            }
            long reachedDay = due + DPD_REACHED_THRESHOLD;
            if (reachedDay <= t && reachedDay > t - YEAR
                    && ledger.daysPastDue(LocalDate.ofEpochDay(reachedDay)) >= DPD_REACHED_THRESHOLD) {
                reachedDpd365++;
            }
        }

        private void addDueInWindow(Invoice invoice, long due, long daysLate) {
            for (int w = 0; w < DUE_WINDOWS; w++) {
                if (due > t - dueWindowDays(w)) {
                    dueCount[w]++;
                    daysLateSum[w] += daysLate;
                    daysLateMax[w] = Math.max(daysLateMax[w], daysLate);
                    if (daysLate > 0) {
                        lateCount[w]++;
                    }
                    if (daysLate >= SEVERELY_LATE_DAYS) {
                        severelyLateCount[w]++;
                    }
                }
            }
            long offset = due - t;
            daysLateSquareSum365 += daysLate * daysLate;
            dueOffsetSum365 += offset;
            dueOffsetSquareSum365 += offset * offset;
            dueOffsetTimesLateSum365 += offset * daysLate;
            if (due > t - QUARTER) {
                dueAmount90 += invoice.amount();
            }
        }

        void addContacts(List<Contact> contacts) {
            Instant lastResponse = null;
            for (Contact contact : contacts) {
                long day = Math.floorDiv(contact.contactTime().getEpochSecond(), SECONDS_PER_DAY);
                if (day > t) {
                    break; // contacts are sorted by time; this one is after the end of day T in UTC
                }
                lastContactDay = day;
                ContactOutcome outcome = contact.outcome();
                if (outcome == ContactOutcome.OPTED_OUT) {
                    optedOutChannels |= 1 << contact.channel().ordinal();
                }
                // Counted against the time of the latest response so that contacts made at the same instant
                // give the same streak whatever their order.
                if (outcome == ContactOutcome.NO_RESPONSE) {
                    if (lastResponse == null || contact.contactTime().isAfter(lastResponse)) {
                        noResponseStreak++;
                    }
                } else {
                    lastResponse = contact.contactTime();
                    noResponseStreak = 0;
                }
                if (day > t - MONTH) {
                    contacts30++;
                }
                if (day > t - QUARTER) {
                    contacts90++;
                }
                if (day > t - YEAR) {
                    addContactInYear(outcome, day);
                }
            }
        }

        private void addContactInYear(ContactOutcome outcome, long day) {
            contacts365++;
            if (outcome.reachedCustomer()) {
                reachedContacts365++;
            }
            if (outcome == ContactOutcome.PROMISE_TO_PAY) {
                promises365++;
                if (day + PROMISE_GRACE_DAYS <= t) {
                    maturedPromises365++;
                    if (!anyPaymentBetween(day, day + PROMISE_GRACE_DAYS)) {
                        brokenPromises365++;
                    }
                }
            }
        }

        private boolean anyPaymentBetween(long fromDay, long toDay) {
            int low = 0;
            int high = paymentDayCount;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (paymentDays[mid] < fromDay) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low < paymentDayCount && paymentDays[low] <= toDay;
        }

        double[] values(Customer customer) {
            boolean hasInvoices = firstIssueDay != Long.MAX_VALUE;
            long observedDays = hasInvoices ? t - firstIssueDay + 1 : 0;
            double monthlyBilling = hasInvoices
                    ? issuedAmount365 / (clamp(observedDays, DAYS_PER_MONTH, YEAR) / DAYS_PER_MONTH) : 0;
            Double limit = customer.creditLimit();
            boolean hasLimit = limit != null && limit > 0 && Double.isFinite(limit);
            int priorIssued = issued365 - issued90;
            double priorIssuedAmount = issuedAmount365 - issuedAmount90;

            OrderedValues out = new OrderedValues();
            out.put(FeatureNames.HAS_HISTORY, hasInvoices ? 1 : 0);
            out.put(FeatureNames.TENURE_DAYS, tenureDays(customer.openedDate()));
            out.put(FeatureNames.INVOICE_COUNT_365D, issued365);
            out.put(FeatureNames.INVOICES_PER_90D_365D,
                    hasInvoices ? issued365 * (double) QUARTER / clamp(observedDays, QUARTER, YEAR) : 0);
            out.put(FeatureNames.AVG_MONTHLY_BILLING_365D, monthlyBilling);
            out.put(FeatureNames.INVOICE_AMOUNT_RATIO_90D_VS_PRIOR_275D, issued90 == 0 || priorIssued == 0 ? 1
                    : (issuedAmount90 / issued90) / (priorIssuedAmount / priorIssued));

            out.put(FeatureNames.OPEN_INVOICE_COUNT_CURRENT, openCount);
            out.put(FeatureNames.OVERDUE_INVOICE_COUNT_CURRENT, overdueCount);
            out.put(FeatureNames.OVERDUE_INVOICE_SHARE_CURRENT, share(overdueCount, openCount));
            out.put(FeatureNames.OPEN_BALANCE_CURRENT, openBalance);
            out.put(FeatureNames.OVERDUE_BALANCE_CURRENT, overdueBalance);
            out.put(FeatureNames.OVERDUE_BALANCE_1_30DPD_CURRENT, overdue1To30);
            out.put(FeatureNames.OVERDUE_BALANCE_31_60DPD_CURRENT, overdue31To60);
            out.put(FeatureNames.OVERDUE_BALANCE_61PLUS_DPD_CURRENT, overdue61Plus);
            out.put(FeatureNames.HAS_CREDIT_LIMIT, hasLimit ? 1 : 0);
            out.put(FeatureNames.OPEN_BALANCE_TO_CREDIT_LIMIT_CURRENT, hasLimit ? openBalance / limit : 0);
            out.put(FeatureNames.OVERDUE_BALANCE_TO_CREDIT_LIMIT_CURRENT, hasLimit ? overdueBalance / limit : 0);
            out.put(FeatureNames.OPEN_BALANCE_TO_MONTHLY_BILLING_CURRENT, share(openBalance, monthlyBilling));
            out.put(FeatureNames.OVERDUE_BALANCE_TO_MONTHLY_BILLING_CURRENT, share(overdueBalance, monthlyBilling));
            out.put(FeatureNames.MAX_DAYS_PAST_DUE_CURRENT, maxDpdNow);
            out.put(FeatureNames.OLDEST_OPEN_INVOICE_AGE_DAYS_CURRENT, oldestOpenAge);
            out.put(FeatureNames.AMOUNT_DUE_NEXT_30D, dueNext30);
            out.put(FeatureNames.AMOUNT_DUE_NEXT_90D, dueNext90);

            out.put(FeatureNames.MAX_DAYS_PAST_DUE_90D, worstDpd90);
            out.put(FeatureNames.MAX_DAYS_PAST_DUE_365D, worstDpd365);
            out.put(FeatureNames.INVOICES_REACHED_30DPD_365D, reachedDpd365);

            putDueWindow(out, 0);
            putDueWindow(out, 1);
            putDueWindow(out, 2);
            putDueWindow(out, 3);
            out.put(FeatureNames.DAYS_LATE_CHANGE_90D_VS_PRIOR_275D, daysLateChange());
            out.put(FeatureNames.DAYS_LATE_SLOPE_365D, daysLateSlope());
            out.put(FeatureNames.PARTIAL_PAYMENT_SHARE_365D, share(partlyPaidInvoices365, paidInvoices365));

            out.put(FeatureNames.DAYS_SINCE_LAST_PAYMENT, daysSinceLastPayment(hasInvoices));
            out.put(FeatureNames.PAYMENT_COVERAGE_90D,
                    dueAmount90 == 0 ? 1 : Math.min(PAYMENT_COVERAGE_CAP, paid90 / dueAmount90));

            out.put(FeatureNames.DISPUTED_INVOICE_COUNT_365D, disputed365);
            out.put(FeatureNames.DISPUTED_INVOICE_SHARE_365D, share(disputed365, issued365));
            out.put(FeatureNames.OPEN_DISPUTED_BALANCE_CURRENT, openDisputedBalance);

            out.put(FeatureNames.CONTACT_COUNT_30D, contacts30);
            out.put(FeatureNames.CONTACT_COUNT_90D, contacts90);
            out.put(FeatureNames.REACHED_CONTACT_SHARE_365D, share(reachedContacts365, contacts365));
            out.put(FeatureNames.PROMISE_TO_PAY_COUNT_365D, promises365);
            out.put(FeatureNames.BROKEN_PROMISE_COUNT_365D, brokenPromises365);
            out.put(FeatureNames.BROKEN_PROMISE_SHARE_365D, share(brokenPromises365, maturedPromises365));
            out.put(FeatureNames.CONSECUTIVE_NO_RESPONSE_CURRENT, noResponseStreak);
            out.put(FeatureNames.DAYS_SINCE_LAST_CONTACT, lastContactDay == Long.MIN_VALUE ? RECENCY_CAP_DAYS
                    : Math.min(RECENCY_CAP_DAYS, t - lastContactDay));
            out.put(FeatureNames.OPTED_OUT_CHANNEL_COUNT, Integer.bitCount(optedOutChannels));
            return out.finish();
        }

        private void putDueWindow(OrderedValues out, int w) {
            double count = dueCount[w];
            switch (w) {
                case 0 -> {
                    out.put(FeatureNames.LATE_PAYMENT_SHARE_30D, share(lateCount[w], count));
                    out.put(FeatureNames.MAX_DAYS_LATE_30D, daysLateMax[w]);
                }
                case 1 -> {
                    out.put(FeatureNames.INVOICES_DUE_90D, count);
                    out.put(FeatureNames.LATE_PAYMENT_SHARE_90D, share(lateCount[w], count));
                    out.put(FeatureNames.LATE_30PLUS_SHARE_90D, share(severelyLateCount[w], count));
                    out.put(FeatureNames.MEAN_DAYS_LATE_90D, share(daysLateSum[w], count));
                    out.put(FeatureNames.MAX_DAYS_LATE_90D, daysLateMax[w]);
                }
                case 2 -> {
                    out.put(FeatureNames.LATE_PAYMENT_SHARE_180D, share(lateCount[w], count));
                    out.put(FeatureNames.LATE_30PLUS_SHARE_180D, share(severelyLateCount[w], count));
                    out.put(FeatureNames.MEAN_DAYS_LATE_180D, share(daysLateSum[w], count));
                    out.put(FeatureNames.MAX_DAYS_LATE_180D, daysLateMax[w]);
                }
                case 3 -> {
                    out.put(FeatureNames.INVOICES_DUE_365D, count);
                    out.put(FeatureNames.LATE_PAYMENT_SHARE_365D, share(lateCount[w], count));
                    out.put(FeatureNames.LATE_30PLUS_SHARE_365D, share(severelyLateCount[w], count));
                    out.put(FeatureNames.MEAN_DAYS_LATE_365D, share(daysLateSum[w], count));
                    out.put(FeatureNames.MAX_DAYS_LATE_365D, daysLateMax[w]);
                    out.put(FeatureNames.STD_DAYS_LATE_365D, daysLateStd365());
                }
                default -> throw new IllegalArgumentException("no due window " + w);
            }
        }

        private double tenureDays(LocalDate openedDate) {
            long start = firstIssueDay;
            if (openedDate != null && !openedDate.isAfter(asOf)) {
                start = Math.min(start, openedDate.toEpochDay());
            }
            return start == Long.MAX_VALUE ? 0 : t - start;
        }

        private double daysSinceLastPayment(boolean hasInvoices) {
            if (lastPaymentDay != Long.MIN_VALUE) {
                return Math.min(RECENCY_CAP_DAYS, t - lastPaymentDay);
            }
            return hasInvoices ? Math.min(RECENCY_CAP_DAYS, t - firstIssueDay) : 0;
        }

        private double daysLateStd365() {
            long n = dueCount[3];
            if (n < 2) {
                return 0;
            }
            long sum = daysLateSum[3];
            // n * sum(x^2) - sum(x)^2 is exact in integers and never negative.
            return Math.sqrt((double) (n * daysLateSquareSum365 - sum * sum)) / n;
        }

        private double daysLateChange() {
            int recent = dueCount[1];
            int prior = dueCount[3] - recent;
            if (recent == 0 || prior == 0) {
                return 0;
            }
            return (double) daysLateSum[1] / recent - (double) (daysLateSum[3] - daysLateSum[1]) / prior;
        }

        private double daysLateSlope() {
            long n = dueCount[3];
            long denominator = n * dueOffsetSquareSum365 - dueOffsetSum365 * dueOffsetSum365;
            if (denominator == 0) {
                return 0;
            }
            long numerator = n * dueOffsetTimesLateSum365 - dueOffsetSum365 * daysLateSum[3];
            return (double) numerator / denominator * MONTH;
        }
    }

    /**
     * Writes values in catalog order and fails when the extractor's order and {@link FeatureNames} drift
     * apart, so the catalog cannot describe a vector the code does not make.
     */
    private static final class OrderedValues {
        private final List<String> names = FeatureNames.names();
        private final double[] values = new double[names.size()];
        private int next;

        void put(String name, double value) {
            if (next >= values.length || !names.get(next).equals(name)) {
                throw new IllegalStateException("extractor emits " + name + " at position " + next
                        + " but the catalog has " + (next < values.length ? names.get(next) : "nothing"));
            }
            values[next++] = value;
        }

        double[] finish() {
            if (next != values.length) {
                throw new IllegalStateException("extractor emitted " + next + " of " + values.length + " features");
            }
            return values;
        }
    }
}

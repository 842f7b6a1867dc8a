package io.paysignal.core.policy;

import io.paysignal.core.definition.InvoiceLedger;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.history.Invoice;
import io.paysignal.core.history.Payment;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * How collectable overdue invoices stay as they age, counted from customer histories as of T: for each number
 * of days past due {@code d} in 1..{@code maxDaysPastDue}, how many invoices were still open {@code d} days
 * after their due date, and how many of those were settled within the next {@code followUpDays} days. It is
 * the evidence {@link DelayDiscountEstimate} fits the daily delay discount on.
 *
 * <p>Point in time: only an invoice-day whose follow-up window ends on or before T is counted (the day
 * {@code o = due_date + d} lies in {@code [T - lookbackDays, T - followUpDays]}), and settlement is read from
 * payments dated on or before T, so nothing after T changes the counts. Counts from disjoint sets of customers
 * add up ({@link #plus}), which is how the pipeline sums them per Spark partition.
 *
 * @param asOf T
 * @param lookbackDays the oldest observation day counted is T minus this many days
 * @param followUpDays the settlement window after each observation day
 * @param openAt {@code openAt.get(d - 1)}: invoices not settled on day {@code due_date + d}
 * @param settledWithin {@code settledWithin.get(d - 1)}: of those, settled within {@code followUpDays} after it
 */
public record CollectabilityCounts(LocalDate asOf, int lookbackDays, int followUpDays, List<Long> openAt,
                                   List<Long> settledWithin) implements Serializable {

    /** Days past due counted by default (the treatment table calls from 60). */
    public static final int DEFAULT_MAX_DAYS_PAST_DUE = 60;
    /** Settlement window after each day by default. */
    public static final int DEFAULT_FOLLOW_UP_DAYS = 14;
    /** Observation days counted by default: the last year before T, so the estimate follows recent behaviour. */
    public static final int DEFAULT_LOOKBACK_DAYS = 365;

    public CollectabilityCounts {
        if (asOf == null || openAt == null || settledWithin == null) {
            throw new IllegalArgumentException("asOf and both count lists are required");
        }
        if (lookbackDays < 1 || followUpDays < 1 || followUpDays >= lookbackDays) {
            throw new IllegalArgumentException("need 1 <= followUpDays < lookbackDays, was " + followUpDays + " and "
                    + lookbackDays);
        }
        if (openAt.isEmpty() || openAt.size() != settledWithin.size()) {
            throw new IllegalArgumentException("open and settled counts must have the same, non-zero length");
        }
        for (int i = 0; i < openAt.size(); i++) {
            Long open = openAt.get(i);
            Long settled = settledWithin.get(i);
            if (open == null || settled == null || settled < 0 || settled > open) {
                throw new IllegalArgumentException("need 0 <= settled <= open at " + (i + 1) + " days past due, was "
                        + settled + " of " + open);
            }
        }
        openAt = List.copyOf(openAt);
        settledWithin = List.copyOf(settledWithin);
    }

    /** No invoice counted yet. */
    public static CollectabilityCounts empty(LocalDate asOf, int lookbackDays, int followUpDays, int maxDaysPastDue) {
        List<Long> zeros = Collections.nCopies(maxDaysPastDue, 0L);
        return new CollectabilityCounts(asOf, lookbackDays, followUpDays, zeros, zeros);
    }

    /** The counts of {@code histories} as of {@code asOf} with the default windows. */
    public static CollectabilityCounts of(Iterator<CustomerHistory> histories, LocalDate asOf) {
        return of(histories, asOf, DEFAULT_LOOKBACK_DAYS, DEFAULT_FOLLOW_UP_DAYS, DEFAULT_MAX_DAYS_PAST_DUE);
    }

    /**
     * The counts of {@code histories} as of {@code asOf}.
     *
     * @param histories customer histories (any dated after T are ignored, not trusted to be cut)
     * @param asOf T
     * @param lookbackDays oldest observation day: T minus this
     * @param followUpDays settlement window after each observation day
     * @param maxDaysPastDue largest {@code d} counted
     */
    public static CollectabilityCounts of(Iterator<CustomerHistory> histories, LocalDate asOf, int lookbackDays,
                                          int followUpDays, int maxDaysPastDue) {
        if (maxDaysPastDue < 1) {
            throw new IllegalArgumentException("maxDaysPastDue must be at least 1, was " + maxDaysPastDue);
        }
        long[] open = new long[maxDaysPastDue];
        long[] settled = new long[maxDaysPastDue];
        LocalDate firstDay = asOf.minusDays(lookbackDays);
        LocalDate lastDay = asOf.minusDays(followUpDays);
        while (histories.hasNext()) {
            CustomerHistory history = histories.next();
            Map<String, List<Payment>> payments = history.paymentsByInvoice();
            for (Invoice invoice : history.invoices()) {
                if (invoice.dueDate().plusDays(1).isAfter(lastDay)) {
                    continue;
                }
                List<Payment> known = new ArrayList<>();
                for (Payment payment : payments.getOrDefault(invoice.invoiceId(), List.of())) {
                    if (!payment.paymentDate().isAfter(asOf)) {
                        known.add(payment);
                    }
                }
                InvoiceLedger ledger = new InvoiceLedger(invoice, known);
                for (int d = 1; d <= maxDaysPastDue; d++) {
                    LocalDate day = invoice.dueDate().plusDays(d);
                    if (day.isAfter(lastDay) || ledger.isSettledOn(day)) {
                        break;
                    }
                    if (day.isBefore(firstDay)) {
                        continue;
                    }
                    open[d - 1]++;
                    if (ledger.isSettledOn(day.plusDays(followUpDays))) {
                        settled[d - 1]++;
                    }
                }
            }
        }
        return new CollectabilityCounts(asOf, lookbackDays, followUpDays, boxed(open), boxed(settled));
    }

    /** Largest days past due counted. */
    public int maxDaysPastDue() {
        return openAt.size();
    }

    /** Invoices open at {@code d} days past due. */
    public long open(int d) {
        return openAt.get(d - 1);
    }

    /** Of those, settled within the follow-up window. */
    public long settled(int d) {
        return settledWithin.get(d - 1);
    }

    /** The counts of both (disjoint customers, same T and windows). */
    public CollectabilityCounts plus(CollectabilityCounts other) {
        if (!asOf.equals(other.asOf) || lookbackDays != other.lookbackDays || followUpDays != other.followUpDays
                || maxDaysPastDue() != other.maxDaysPastDue()) {
            throw new IllegalArgumentException("counts of different dates or windows do not add up");
        }
        long[] open = new long[maxDaysPastDue()];
        long[] settled = new long[maxDaysPastDue()];
        for (int i = 0; i < open.length; i++) {
            open[i] = openAt.get(i) + other.openAt.get(i);
            settled[i] = settledWithin.get(i) + other.settledWithin.get(i);
        }
        return new CollectabilityCounts(asOf, lookbackDays, followUpDays, boxed(open), boxed(settled));
    }

    private static List<Long> boxed(long[] counts) {
        return Arrays.stream(counts).boxed().toList();
    }
}

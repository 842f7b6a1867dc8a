package io.paysignal.core.replay;

import io.paysignal.core.history.Contact;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.history.Invoice;
import io.paysignal.core.history.Payment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A whole customer history cut at T: what a decision as of T may see, exactly as a scoring run cuts it
 * (invoices issued and payments dated on or before T, payments only of those invoices, contacts before the
 * end of day T in UTC), and the contacts of the held-out window that followed, from the start of T + 1 to
 * the end of T + {@code windowDays} (UTC).
 *
 * @param known the history as known on T
 * @param heldOut the contacts in the held-out window, in time order
 * @param windowDays length of the held-out window in days
 */
public record HeldOutSplit(CustomerHistory known, List<Contact> heldOut, int windowDays) {

    public HeldOutSplit {
        if (known == null || heldOut == null || windowDays < 1) {
            throw new IllegalArgumentException("known, heldOut and windowDays >= 1 are required");
        }
        heldOut = List.copyOf(heldOut);
    }

    /** Splits {@code history} at {@code asOf}, holding out the next {@code windowDays} days of contacts. */
    public static HeldOutSplit of(CustomerHistory history, LocalDate asOf, int windowDays) {
        if (history == null || asOf == null || windowDays < 1) {
            throw new IllegalArgumentException("history, asOf and windowDays >= 1 are required");
        }
        Instant windowStart = startOfDayUtc(asOf.plusDays(1));
        Instant windowEnd = startOfDayUtc(asOf.plusDays(1L + windowDays));
        List<Invoice> invoices = new ArrayList<>();
        Set<String> kept = new HashSet<>();
        for (Invoice invoice : history.invoices()) {
            if (!invoice.issueDate().isAfter(asOf)) {
                invoices.add(invoice);
                kept.add(invoice.invoiceId());
            }
        }
        List<Payment> payments = new ArrayList<>();
        for (Payment payment : history.payments()) {
            if (!payment.paymentDate().isAfter(asOf) && kept.contains(payment.invoiceId())) {
                payments.add(payment);
            }
        }
        List<Contact> before = new ArrayList<>();
        List<Contact> window = new ArrayList<>();
        for (Contact contact : history.contacts()) {
            Instant at = contact.contactTime();
            if (at.isBefore(windowStart)) {
                before.add(contact);
            } else if (at.isBefore(windowEnd)) {
                window.add(contact);
            }
        }
        return new HeldOutSplit(new CustomerHistory(history.customer(), invoices, payments, before), window,
                windowDays);
    }

    /** The first instant of the held-out window: the start of T + 1 in UTC. */
    public static Instant startOfDayUtc(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}

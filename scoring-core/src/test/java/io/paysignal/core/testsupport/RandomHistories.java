package io.paysignal.core.testsupport;

import io.paysignal.core.history.Channel;
import io.paysignal.core.history.Contact;
import io.paysignal.core.history.ContactOutcome;
import io.paysignal.core.history.Customer;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.history.Invoice;
import io.paysignal.core.history.Payment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Seeded random customer histories for property tests: monthly-ish billing, on-time, late, partial,
 * tolerance-edge and over-payments, disputes, and contacts with ties on the same instant. Everything is a
 * function of the {@link Random} passed in, so a failing seed reproduces exactly.
 */
public final class RandomHistories {

    /** First day any generated event can have. */
    public static final LocalDate START = LocalDate.of(2023, 1, 1);
    /** Days after {@link #START} that generated events span. */
    public static final int SPAN_DAYS = 900;

    private static final int[] TERMS = {0, 7, 14, 30, 30, 45, 60};
    private static final Channel[] CHANNELS = Channel.values();
    private static final ContactOutcome[] OUTCOMES = ContactOutcome.values();

    private RandomHistories() {
    }

    /** A random history of customer {@code c1}. */
    public static CustomerHistory history(Random random) {
        Customer customer = new Customer(HistoryBuilder.CUSTOMER_ID, null, null, null, null, false,
                random.nextInt(4) == 0 ? null : (double) (500 + random.nextInt(20_000)),
                random.nextInt(3) == 0 ? null : START.plusDays(random.nextInt(SPAN_DAYS) - 200));
        List<Invoice> invoices = new ArrayList<>();
        List<Payment> payments = new ArrayList<>();
        int invoiceCount = random.nextInt(36);
        for (int i = 0; i < invoiceCount; i++) {
            LocalDate issue = START.plusDays(random.nextInt(SPAN_DAYS));
            Invoice invoice = invoice("i" + i, issue, random);
            invoices.add(invoice);
            payments.addAll(paymentsFor(invoice, random));
        }
        List<Contact> contacts = new ArrayList<>();
        int contactCount = random.nextInt(25);
        for (int i = 0; i < contactCount; i++) {
            Instant time = START.atStartOfDay(ZoneOffset.UTC).toInstant()
                    .plusSeconds((long) random.nextInt(SPAN_DAYS) * 86_400 + random.nextInt(86_400));
            if (!contacts.isEmpty() && random.nextInt(5) == 0) {
                time = contacts.get(random.nextInt(contacts.size())).contactTime(); // ties on one instant
            }
            contacts.add(contact("k" + i, time, random));
        }
        return new CustomerHistory(customer, invoices, payments, contacts);
    }

    /** A random as-of date, sometimes before or after every event. */
    public static LocalDate asOf(Random random) {
        return START.plusDays(random.nextInt(SPAN_DAYS + 200) - 100);
    }

    /**
     * The same history with everything dated after {@code asOf} altered, dropped or added: invoices issued
     * after T (amounts, due dates, dispute flags), payments dated after T, contacts from the end of day T in
     * UTC on. Always adds at least one of each, including a contact exactly at the end of day T.
     */
    public static CustomerHistory withFutureChanged(CustomerHistory history, LocalDate asOf, Random random) {
        Instant endOfDay = asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Invoice> invoices = new ArrayList<>();
        for (Invoice invoice : history.invoices()) {
            if (!invoice.issueDate().isAfter(asOf)) {
                invoices.add(invoice);
            } else if (random.nextInt(4) != 0) {
                invoices.add(new Invoice(invoice.invoiceId(), invoice.customerId(), invoice.issueDate(),
                        invoice.dueDate().plusDays(random.nextInt(20)), invoice.amount() * (0.5 + random.nextDouble()),
                        invoice.currency(), !invoice.disputed()));
            }
        }
        List<Payment> payments = new ArrayList<>();
        for (Payment payment : history.payments()) {
            if (!payment.paymentDate().isAfter(asOf)) {
                payments.add(payment);
            } else if (random.nextInt(4) != 0) {
                payments.add(new Payment(payment.paymentId(), payment.invoiceId(),
                        payment.paymentDate().plusDays(random.nextInt(10)),
                        payment.amount() * (0.1 + random.nextDouble())));
            }
        }
        List<Contact> contacts = new ArrayList<>();
        for (Contact contact : history.contacts()) {
            if (contact.contactTime().isBefore(endOfDay)) {
                contacts.add(contact);
            } else if (random.nextInt(4) != 0) {
                contacts.add(contact(contact.contactId(), contact.contactTime().plusSeconds(random.nextInt(86_400)),
                        random));
            }
        }
        int added = 1 + random.nextInt(4);
        for (int i = 0; i < added; i++) {
            Invoice invoice = invoice("future" + i, asOf.plusDays(1 + random.nextInt(120)), random);
            invoices.add(invoice);
            payments.addAll(paymentsFor(invoice, random));
        }
        for (int i = 0; i < added; i++) {
            Invoice target = invoices.get(random.nextInt(invoices.size()));
            payments.add(new Payment(null, target.invoiceId(), asOf.plusDays(1 + random.nextInt(90)),
                    1 + random.nextInt(2_000)));
            contacts.add(contact("later" + i, endOfDay.plusSeconds(random.nextInt(90 * 86_400)), random));
        }
        contacts.add(contact("at-end-of-day", endOfDay, random));
        return new CustomerHistory(history.customer(), invoices, payments, contacts);
    }

    /** The same history with its input lists shuffled before the history sorts them. */
    public static CustomerHistory shuffled(CustomerHistory history, Random random) {
        List<Invoice> invoices = new ArrayList<>(history.invoices());
        List<Payment> payments = new ArrayList<>(history.payments());
        List<Contact> contacts = new ArrayList<>(history.contacts());
        Collections.shuffle(invoices, random);
        Collections.shuffle(payments, random);
        Collections.shuffle(contacts, random);
        return new CustomerHistory(history.customer(), invoices, payments, contacts);
    }

    private static Invoice invoice(String id, LocalDate issue, Random random) {
        double amount = (1 + random.nextInt(500_000)) / 100.0;
        return new Invoice(id, HistoryBuilder.CUSTOMER_ID, issue, issue.plusDays(TERMS[random.nextInt(TERMS.length)]),
                amount, "EUR", random.nextInt(10) == 0);
    }

    private static List<Payment> paymentsFor(Invoice invoice, Random random) {
        List<Payment> payments = new ArrayList<>();
        double amount = invoice.amount();
        LocalDate due = invoice.dueDate();
        switch (random.nextInt(7)) {
            case 0 -> { } // unpaid
            case 1 -> payments.add(payment(invoice, due.plusDays(random.nextInt(15) - 10), amount));
            case 2 -> payments.add(payment(invoice, due.plusDays(random.nextInt(120)), amount));
            case 3 -> { // instalments, sometimes on the same day
                int parts = 2 + random.nextInt(3);
                LocalDate day = due.plusDays(random.nextInt(40) - 10);
                for (int p = 0; p < parts; p++) {
                    payments.add(payment(invoice, day, Math.round(amount / parts * 100) / 100.0));
                    day = day.plusDays(random.nextInt(3) == 0 ? 0 : random.nextInt(30));
                }
            }
            case 4 -> payments.add(payment(invoice, due.plusDays(random.nextInt(60)),
                    Math.max(0.01, amount - (random.nextBoolean() ? 0.5 : 1.5)))); // either side of tolerance
            case 5 -> payments.add(payment(invoice, due.plusDays(random.nextInt(60) - 20), amount * 1.2));
            default -> payments.add(payment(invoice, due.plusDays(random.nextInt(90)),
                    Math.max(0.01, Math.round(amount * random.nextDouble() * 100) / 100.0))); // stays partial
        }
        return payments;
    }

    private static Payment payment(Invoice invoice, LocalDate date, double amount) {
        return new Payment(null, invoice.invoiceId(), date, amount);
    }

    private static Contact contact(String id, Instant time, Random random) {
        return new Contact(id, HistoryBuilder.CUSTOMER_ID, time, CHANNELS[random.nextInt(CHANNELS.length)],
                OUTCOMES[random.nextInt(OUTCOMES.length)]);
    }
}

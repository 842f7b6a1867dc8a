package io.paysignal.api.snapshot;

import io.paysignal.core.feature.FeatureVector;
import io.paysignal.core.history.Channel;
import io.paysignal.core.history.Contact;
import io.paysignal.core.history.ContactOutcome;
import io.paysignal.core.history.Customer;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.history.Invoice;
import io.paysignal.core.snapshot.CustomerSnapshot;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * One snapshot row held as primitives and shared references, so that a million customers fit in little heap:
 * dates are epoch days, absent numbers are NaN, enums are ordinals, and repeated strings (segment, country,
 * currency) and zones are shared instances. {@link #toSnapshot} rebuilds the core record on demand.
 *
 * <p>Two immutable objects are kept whole because every by-id request reads them: the feature vector (it holds
 * the values, so the row keeps no second copy) and the history the outreach planner reads, built once by
 * {@link #prepare} as {@code toSnapshot().toHistory()} (with equal dates shared), instead of per request.
 */
final class CompactCustomer {

    static final byte NO_CHANNEL = -1;
    static final int NO_DATE = Integer.MIN_VALUE;
    private static final Channel[] CHANNELS = Channel.values();
    private static final ContactOutcome[] OUTCOMES = ContactOutcome.values();
    static final OpenInvoiceRow[] NO_INVOICES = new OpenInvoiceRow[0];
    static final ContactRow[] NO_CONTACTS = new ContactRow[0];

    final String customerId;
    final int asOfDay;
    final FeatureVector features;
    final String segment;
    final String country;
    final ZoneId timezone;
    final byte preferredChannel;
    final boolean doNotContact;
    final double creditLimit;
    final int openedDay;
    final OpenInvoiceRow[] invoices;
    final ContactRow[] contacts;
    /** Where the row sits in its {@link SnapshotIndex}; set once by the index that owns the row. */
    int position = -1;
    /**
     * {@code toSnapshot().toHistory()}, built once by {@link #prepare} before the row is shared (the reader's
     * part tasks and the index constructor hand rows over through a future and the index's publication).
     */
    private CustomerHistory history;

    /** @param features the row's feature vector, whose customer and as-of date are the row's */
    CompactCustomer(String customerId, int asOfDay, FeatureVector features, String segment, String country,
                    ZoneId timezone, byte preferredChannel, boolean doNotContact, double creditLimit, int openedDay,
                    OpenInvoiceRow[] invoices, ContactRow[] contacts) {
        if (!features.customerId().equals(customerId) || features.asOf().toEpochDay() != asOfDay) {
            throw new IllegalArgumentException("features of " + features.customerId() + " as of " + features.asOf()
                    + " given for customer " + customerId + " as of " + LocalDate.ofEpochDay(asOfDay));
        }
        this.customerId = customerId;
        this.asOfDay = asOfDay;
        this.features = features;
        this.segment = segment;
        this.country = country;
        this.timezone = timezone;
        this.preferredChannel = preferredChannel;
        this.doNotContact = doNotContact;
        this.creditLimit = creditLimit;
        this.openedDay = openedDay;
        this.invoices = invoices.length == 0 ? NO_INVOICES : invoices;
        this.contacts = contacts.length == 0 ? NO_CONTACTS : contacts;
    }

    /** An invoice open at T; its customer is the row's customer. */
    record OpenInvoiceRow(String invoiceId, int issueDay, int dueDay, double amount, String currency,
                          boolean disputed, double paidAsOf) {
    }

    /** A remembered contact; the time is kept in microseconds, as Parquet stores it. */
    record ContactRow(String contactId, long epochMicros, byte channel, byte outcome) {
    }

    static byte channelCode(Channel channel) {
        return channel == null ? NO_CHANNEL : (byte) channel.ordinal();
    }

    static byte outcomeCode(ContactOutcome outcome) {
        return (byte) outcome.ordinal();
    }

    /** The compact form of a snapshot record. */
    static CompactCustomer of(CustomerSnapshot snapshot, SnapshotReader.Interner interner) {
        Customer customer = snapshot.customer();
        OpenInvoiceRow[] invoices = snapshot.openInvoices().stream()
                .map(open -> new OpenInvoiceRow(open.invoice().invoiceId(),
                        Math.toIntExact(open.invoice().issueDate().toEpochDay()),
                        Math.toIntExact(open.invoice().dueDate().toEpochDay()), open.invoice().amount(),
                        interner.string(open.invoice().currency()), open.invoice().disputed(), open.paidAsOf()))
                .toArray(OpenInvoiceRow[]::new);
        ContactRow[] contacts = snapshot.recentContacts().stream()
                .map(contact -> new ContactRow(contact.contactId(),
                        Math.addExact(Math.multiplyExact(contact.contactTime().getEpochSecond(), 1_000_000L),
                                contact.contactTime().getNano() / 1_000),
                        channelCode(contact.channel()), outcomeCode(contact.outcome())))
                .toArray(ContactRow[]::new);
        return new CompactCustomer(snapshot.customerId(), Math.toIntExact(snapshot.asOf().toEpochDay()),
                snapshot.features(), interner.string(customer.segment()), interner.string(customer.country()),
                customer.timezone(), channelCode(customer.preferredChannel()), customer.doNotContact(),
                customer.creditLimit() == null ? Double.NaN : customer.creditLimit(),
                customer.openedDate() == null ? NO_DATE : Math.toIntExact(customer.openedDate().toEpochDay()),
                invoices, contacts);
    }

    /** The core record; throws IllegalArgumentException when the row breaks one of its invariants. */
    CustomerSnapshot toSnapshot() {
        return toSnapshot(LocalDate::ofEpochDay);
    }

    /**
     * Builds the planner's history once ({@code toSnapshot().toHistory()}, the invoice dates taken from
     * {@code dates}, which must give a date equal to {@code LocalDate.ofEpochDay(day)}, so equal dates can be
     * one shared instance) and returns the snapshot it came from, for the caller's checks. Throws
     * IllegalArgumentException when the row breaks one of the snapshot's invariants.
     */
    CustomerSnapshot prepare(IntFunction<LocalDate> dates) {
        CustomerSnapshot snapshot = toSnapshot(dates);
        history = snapshot.toHistory();
        return snapshot;
    }

    /** The history {@link #prepare} built: equal to {@code toSnapshot().toHistory()}; immutable, shared. */
    CustomerHistory history() {
        if (history == null) {
            throw new IllegalStateException("row of customer " + customerId + " was not prepared");
        }
        return history;
    }

    private CustomerSnapshot toSnapshot(IntFunction<LocalDate> dates) {
        Customer customer = new Customer(customerId, segment, country, timezone,
                preferredChannel == NO_CHANNEL ? null : CHANNELS[preferredChannel], doNotContact,
                Double.isNaN(creditLimit) ? null : creditLimit,
                openedDay == NO_DATE ? null : dates.apply(openedDay));
        List<CustomerSnapshot.OpenInvoice> open = new ArrayList<>(invoices.length);
        for (OpenInvoiceRow row : invoices) {
            Invoice invoice = new Invoice(row.invoiceId(), customerId, dates.apply(row.issueDay()),
                    dates.apply(row.dueDay()), row.amount(), row.currency(), row.disputed());
            open.add(new CustomerSnapshot.OpenInvoice(invoice, row.paidAsOf()));
        }
        List<Contact> remembered = new ArrayList<>(contacts.length);
        for (ContactRow row : contacts) {
            Instant time = Instant.ofEpochSecond(Math.floorDiv(row.epochMicros(), 1_000_000L),
                    Math.floorMod(row.epochMicros(), 1_000_000L) * 1_000L);
            remembered.add(new Contact(row.contactId(), customerId, time, CHANNELS[row.channel()],
                    OUTCOMES[row.outcome()]));
        }
        return new CustomerSnapshot(features, customer, open, remembered);
    }
}

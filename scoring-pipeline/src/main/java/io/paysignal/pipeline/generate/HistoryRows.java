package io.paysignal.pipeline.generate;

import io.paysignal.core.history.Channel;
import io.paysignal.core.history.ContactOutcome;
import io.paysignal.core.history.Customer;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.history.Invoice;
import io.paysignal.core.history.Payment;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The main path's sink: writes each event as a contract row of the block's CSV text and keeps the
 * customer's records so the realized label can be computed with the contract's own definition.
 */
final class HistoryRows implements SimulationSink {

    private final GeneratedBlock block;
    private final CustomerProfile profile;
    private final SimCalendar calendar;
    private final String number;
    private final List<Invoice> invoices = new ArrayList<>();
    private final List<Payment> payments = new ArrayList<>();

    HistoryRows(GeneratedBlock block, CustomerProfile profile, SimCalendar calendar) {
        this.block = block;
        this.profile = profile;
        this.calendar = calendar;
        this.number = profile.customerId().substring(1);
    }

    /** Appends the customer's row to customers.csv. */
    void writeCustomer() {
        StringBuilder out = block.customers;
        out.append(profile.customerId()).append(',')
                .append(profile.segment().wireName()).append(',');
        CsvText.appendField(out, profile.region().country());
        out.append(',');
        CsvText.appendField(out, profile.region().zone().getId());
        out.append(',');
        if (profile.preferredChannel() != null) {
            out.append(profile.preferredChannel().wireName());
        }
        out.append(',').append(profile.doNotContact()).append(',');
        if (profile.creditLimitCents() >= 0) {
            CsvText.appendCents(out, profile.creditLimitCents());
        }
        out.append(',').append(calendar.date(profile.openedDay())).append('\n');
        block.customerRows++;
    }

    @Override
    public void invoiceIssued(OpenInvoice invoice) {
        StringBuilder out = block.invoices;
        out.append(invoice.invoiceId).append(',').append(profile.customerId()).append(',')
                .append(calendar.date(invoice.issueDay)).append(',').append(calendar.date(invoice.dueDay)).append(',');
        CsvText.appendCents(out, invoice.amountCents);
        out.append(',').append(profile.region().currency()).append(',').append(invoice.disputed).append('\n');
        block.invoiceRows++;
        invoices.add(new Invoice(invoice.invoiceId, profile.customerId(), LocalDate.ofEpochDay(invoice.issueDay),
                LocalDate.ofEpochDay(invoice.dueDay), invoice.amountCents / 100.0, profile.region().currency(),
                invoice.disputed));
    }

    @Override
    public void paymentMade(OpenInvoice invoice, int day, long cents, int paymentNumber) {
        StringBuilder out = block.payments;
        out.append("PAY-").append(number).append('-').append(CustomerSimulation.pad4(paymentNumber)).append(',')
                .append(invoice.invoiceId).append(',').append(calendar.date(day)).append(',');
        CsvText.appendCents(out, cents);
        out.append('\n');
        block.paymentRows++;
        payments.add(new Payment(null, invoice.invoiceId, LocalDate.ofEpochDay(day), cents / 100.0));
    }

    @Override
    public void contactMade(int contactNumber, long epochSecond, ZoneOffset offset, Channel channel,
                            ContactOutcome outcome) {
        StringBuilder out = block.contacts;
        out.append("CON-").append(number).append('-').append(CustomerSimulation.pad4(contactNumber)).append(',')
                .append(profile.customerId()).append(',');
        appendTimestamp(out, epochSecond, offset);
        out.append(',').append(channel.wireName()).append(',').append(outcome.wireName()).append('\n');
        block.contactRows++;
    }

    /** The customer's generated history as contract records (contacts are not needed for the label). */
    CustomerHistory history() {
        return new CustomerHistory(Customer.withDefaults(profile.customerId()), invoices, payments, List.of());
    }

    /** ISO-8601 local date-time with the customer's offset, e.g. {@code 2024-03-04T08:05:09-06:00}. */
    private void appendTimestamp(StringBuilder out, long epochSecond, ZoneOffset offset) {
        long local = epochSecond + offset.getTotalSeconds();
        int secondOfDay = (int) Math.floorMod(local, 86_400L);
        out.append(calendar.date((int) Math.floorDiv(local, 86_400L))).append('T');
        appendTwoDigits(out, secondOfDay / 3600);
        out.append(':');
        appendTwoDigits(out, secondOfDay / 60 % 60);
        out.append(':');
        appendTwoDigits(out, secondOfDay % 60);
        out.append(offset.getId());
    }

    private static void appendTwoDigits(StringBuilder out, int value) {
        if (value < 10) {
            out.append('0');
        }
        out.append(value);
    }
}

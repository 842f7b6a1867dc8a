package io.paysignal.pipeline.spark;

import io.paysignal.core.history.Channel;
import io.paysignal.core.history.ContactOutcome;
import io.paysignal.core.history.Contact;
import io.paysignal.core.history.Customer;
import io.paysignal.core.history.Invoice;
import io.paysignal.core.history.Payment;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * The typed Spark form of the contract tables: one fixed schema per table, and conversions between its
 * rows and the core records ({@link Customer}, {@link Invoice}, {@link Payment}, {@link Contact}).
 *
 * <p>Values are normalized as the records hold them (defaults applied); enums travel as their contract
 * wire names ({@code email}, {@code promise_to_pay}), time zones as IANA ids. Every field is declared
 * nullable, as Spark declares columns read from files; the history reader guarantees that required values
 * are never null in accepted rows.
 *
 * <p>Rows produced here carry {@link Date} and {@link Timestamp} (Spark's default external types); rows
 * read back accept those and also {@link LocalDate} and {@link Instant}, which Spark hands out when
 * {@code spark.sql.datetime.java8API.enabled} is set. A row that carries its schema (any row taken from a
 * Dataset) is read by column name, so extra or reordered columns do no harm; a row without one is read by
 * position in the fixed schema.
 */
public final class ContractRowMapping {

    /**
     * customers: customer_id, segment, country, timezone, preferred_channel, do_not_contact, credit_limit,
     * opened_date.
     */
    public static final StructType CUSTOMERS = new StructType()
            .add("customer_id", DataTypes.StringType)
            .add("segment", DataTypes.StringType)
            .add("country", DataTypes.StringType)
            .add("timezone", DataTypes.StringType)
            .add("preferred_channel", DataTypes.StringType)
            .add("do_not_contact", DataTypes.BooleanType)
            .add("credit_limit", DataTypes.DoubleType)
            .add("opened_date", DataTypes.DateType);

    /** invoices: invoice_id, customer_id, issue_date, due_date, amount, currency, disputed. */
    public static final StructType INVOICES = new StructType()
            .add("invoice_id", DataTypes.StringType)
            .add("customer_id", DataTypes.StringType)
            .add("issue_date", DataTypes.DateType)
            .add("due_date", DataTypes.DateType)
            .add("amount", DataTypes.DoubleType)
            .add("currency", DataTypes.StringType)
            .add("disputed", DataTypes.BooleanType);

    /** payments: payment_id, invoice_id, payment_date, amount. */
    public static final StructType PAYMENTS = new StructType()
            .add("payment_id", DataTypes.StringType)
            .add("invoice_id", DataTypes.StringType)
            .add("payment_date", DataTypes.DateType)
            .add("amount", DataTypes.DoubleType);

    /** contacts: contact_id, customer_id, contact_time, channel, outcome. */
    public static final StructType CONTACTS = new StructType()
            .add("contact_id", DataTypes.StringType)
            .add("customer_id", DataTypes.StringType)
            .add("contact_time", DataTypes.TimestampType)
            .add("channel", DataTypes.StringType)
            .add("outcome", DataTypes.StringType);

    private ContractRowMapping() {
    }

    /** A customer as a row of {@link #CUSTOMERS}. */
    public static Row customerRow(Customer customer) {
        return RowFactory.create(customer.customerId(), customer.segment(), customer.country(),
                customer.timezone().getId(),
                customer.preferredChannel() == null ? null : customer.preferredChannel().wireName(),
                customer.doNotContact(), customer.creditLimit(), sqlDate(customer.openedDate()));
    }

    /** An invoice as a row of {@link #INVOICES}. */
    public static Row invoiceRow(Invoice invoice) {
        return RowFactory.create(invoice.invoiceId(), invoice.customerId(), sqlDate(invoice.issueDate()),
                sqlDate(invoice.dueDate()), invoice.amount(), invoice.currency(), invoice.disputed());
    }

    /** A payment as a row of {@link #PAYMENTS}. */
    public static Row paymentRow(Payment payment) {
        return RowFactory.create(payment.paymentId(), payment.invoiceId(), sqlDate(payment.paymentDate()),
                payment.amount());
    }

    /** A contact as a row of {@link #CONTACTS}. */
    public static Row contactRow(Contact contact) {
        return RowFactory.create(contact.contactId(), contact.customerId(),
                Timestamp.from(contact.contactTime()), contact.channel().wireName(),
                contact.outcome().wireName());
    }

    /**
     * A customer as the values of a Spark internal row of {@link #CUSTOMERS} (strings as {@link UTF8String},
     * dates as epoch days): what {@link #customerRow} becomes once Spark has encoded it, without building the
     * external row and encoding it. The reader makes millions of these, so the encoding showed in profiles.
     */
    public static Object[] customerCells(Customer customer) {
        return new Object[] {utf8(customer.customerId()), utf8(customer.segment()), utf8(customer.country()),
            utf8(customer.timezone().getId()),
            customer.preferredChannel() == null ? null : utf8(customer.preferredChannel().wireName()),
            customer.doNotContact(), customer.creditLimit(), epochDay(customer.openedDate())};
    }

    /** An invoice as the values of a Spark internal row of {@link #INVOICES} (see {@link #customerCells}). */
    public static Object[] invoiceCells(Invoice invoice) {
        return new Object[] {utf8(invoice.invoiceId()), utf8(invoice.customerId()), epochDay(invoice.issueDate()),
            epochDay(invoice.dueDate()), invoice.amount(), utf8(invoice.currency()), invoice.disputed()};
    }

    /** A payment as the values of a Spark internal row of {@link #PAYMENTS} (see {@link #customerCells}). */
    public static Object[] paymentCells(Payment payment) {
        return new Object[] {utf8(payment.paymentId()), utf8(payment.invoiceId()), epochDay(payment.paymentDate()),
            payment.amount()};
    }

    /**
     * A contact as the values of a Spark internal row of {@link #CONTACTS} (see {@link #customerCells}; the
     * time as microseconds since the epoch, sub-microsecond digits dropped as Spark drops them).
     */
    public static Object[] contactCells(Contact contact) {
        Instant time = contact.contactTime();
        long micros = Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000L), time.getNano() / 1_000);
        return new Object[] {utf8(contact.contactId()), utf8(contact.customerId()), micros,
            utf8(contact.channel().wireName()), utf8(contact.outcome().wireName())};
    }

    /** A string as Spark's internal string; null stays null. */
    public static UTF8String utf8(String value) {
        return value == null ? null : UTF8String.fromString(value);
    }

    private static Integer epochDay(LocalDate date) {
        return date == null ? null : Math.toIntExact(date.toEpochDay());
    }

    /** Reads a customer from a row with the columns of {@link #CUSTOMERS}. */
    public static Customer customer(Row row) {
        String timezone = string(row, CUSTOMERS, "timezone");
        Boolean doNotContact = (Boolean) value(row, CUSTOMERS, "do_not_contact");
        Number creditLimit = (Number) value(row, CUSTOMERS, "credit_limit");
        return new Customer(string(row, CUSTOMERS, "customer_id"), string(row, CUSTOMERS, "segment"),
                string(row, CUSTOMERS, "country"), timezone == null ? null : ZoneId.of(timezone),
                channelOrNull(string(row, CUSTOMERS, "preferred_channel")),
                doNotContact != null && doNotContact,
                creditLimit == null ? null : creditLimit.doubleValue(),
                localDate(value(row, CUSTOMERS, "opened_date")));
    }

    /** Reads an invoice from a row with the columns of {@link #INVOICES}. */
    public static Invoice invoice(Row row) {
        Boolean disputed = (Boolean) value(row, INVOICES, "disputed");
        return new Invoice(string(row, INVOICES, "invoice_id"), string(row, INVOICES, "customer_id"),
                localDate(value(row, INVOICES, "issue_date")), localDate(value(row, INVOICES, "due_date")),
                requiredDouble(row, INVOICES, "amount"), string(row, INVOICES, "currency"),
                disputed != null && disputed);
    }

    /** Reads a payment from a row with the columns of {@link #PAYMENTS}. */
    public static Payment payment(Row row) {
        return new Payment(string(row, PAYMENTS, "payment_id"), string(row, PAYMENTS, "invoice_id"),
                localDate(value(row, PAYMENTS, "payment_date")), requiredDouble(row, PAYMENTS, "amount"));
    }

    /** Reads a contact from a row with the columns of {@link #CONTACTS}. */
    public static Contact contact(Row row) {
        String channel = string(row, CONTACTS, "channel");
        String outcome = string(row, CONTACTS, "outcome");
        return new Contact(string(row, CONTACTS, "contact_id"), string(row, CONTACTS, "customer_id"),
                instant(value(row, CONTACTS, "contact_time")), channelOrNull(channel),
                outcome == null ? null : ContactOutcome.fromWire(outcome).orElseThrow(
                        () -> new IllegalArgumentException("not a contact outcome: " + outcome)));
    }

    private static Object value(Row row, StructType schema, String column) {
        int index = row.schema() == null ? schema.fieldIndex(column) : row.fieldIndex(column);
        return row.get(index);
    }

    private static String string(Row row, StructType schema, String column) {
        Object value = value(row, schema, column);
        return value == null ? null : value.toString();
    }

    private static double requiredDouble(Row row, StructType schema, String column) {
        Object value = value(row, schema, column);
        if (value == null) {
            throw new IllegalArgumentException(column + " is required");
        }
        return ((Number) value).doubleValue();
    }

    private static Channel channelOrNull(String wireName) {
        if (wireName == null) {
            return null;
        }
        return Channel.fromWire(wireName)
                .orElseThrow(() -> new IllegalArgumentException("not a channel: " + wireName));
    }

    private static Date sqlDate(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    /** A Spark date cell (LocalDate or java.sql.Date, by session setting) as a LocalDate; null stays null. */
    public static LocalDate localDate(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof Date date) {
            return date.toLocalDate();
        }
        throw new IllegalArgumentException("not a date value: " + value.getClass().getName());
    }

    /** A Spark timestamp cell (Instant or java.sql.Timestamp) as an Instant; null stays null. */
    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalArgumentException("not a timestamp value: " + value.getClass().getName());
    }
}

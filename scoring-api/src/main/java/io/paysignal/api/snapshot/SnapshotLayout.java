package io.paysignal.api.snapshot;

import io.paysignal.core.feature.FeatureVector;
import io.paysignal.core.history.Channel;
import io.paysignal.core.history.ContactOutcome;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The column layout of one snapshot part file, checked once from its schema, and the decoding of its rows.
 *
 * <pre>
 * customer_id string, as_of date, &lt;feature&gt; double ... (every other double column, in schema order),
 * segment string, country string?, timezone string, preferred_channel string?, do_not_contact boolean,
 * credit_limit double?, opened_date date?,
 * open_invoices array&lt;struct&lt;invoice_id string, customer_id string, issue_date date, due_date date,
 *     amount double, currency string, disputed boolean, paid_as_of double&gt;&gt;,
 * recent_contacts array&lt;struct&lt;contact_id string?, contact_time timestamp, channel string, outcome string&gt;&gt;
 * </pre>
 * Columns not listed and not double are ignored, as extra columns are everywhere in the contract.
 */
final class SnapshotLayout {

    private static final Set<String> FIXED_COLUMNS = Set.of("customer_id", "as_of", "segment", "country",
            "timezone", "preferred_channel", "do_not_contact", "credit_limit", "opened_date", "open_invoices",
            "recent_contacts");

    private enum Kind { STRING, DATE, DOUBLE, BOOLEAN, LIST, TIMESTAMP }

    private enum TimeUnit { MILLIS, MICROS }

    private final Schema avroSchema;
    private final String file;
    private final List<String> featureNames;
    private final int[] featurePositions;
    private final int customerId;
    private final int asOf;
    private final int segment;
    private final int country;
    private final int timezone;
    private final int preferredChannel;
    private final int doNotContact;
    private final int creditLimit;
    private final int openedDate;
    private final int openInvoices;
    private final int recentContacts;
    private final TimeUnit contactTimeUnit;

    private SnapshotLayout(Schema avroSchema, String file, Checker checker) {
        this.avroSchema = avroSchema;
        this.file = file;
        customerId = checker.position(avroSchema, "customer_id", Kind.STRING);
        asOf = checker.position(avroSchema, "as_of", Kind.DATE);
        segment = checker.position(avroSchema, "segment", Kind.STRING);
        country = checker.position(avroSchema, "country", Kind.STRING);
        timezone = checker.position(avroSchema, "timezone", Kind.STRING);
        preferredChannel = checker.position(avroSchema, "preferred_channel", Kind.STRING);
        doNotContact = checker.position(avroSchema, "do_not_contact", Kind.BOOLEAN);
        creditLimit = checker.position(avroSchema, "credit_limit", Kind.DOUBLE);
        openedDate = checker.position(avroSchema, "opened_date", Kind.DATE);
        openInvoices = checker.position(avroSchema, "open_invoices", Kind.LIST);
        recentContacts = checker.position(avroSchema, "recent_contacts", Kind.LIST);
        Schema invoice = checker.element(avroSchema, "open_invoices");
        if (invoice != null) {
            for (String column : List.of("invoice_id", "customer_id", "currency")) {
                checker.position(invoice, column, Kind.STRING);
            }
            checker.position(invoice, "issue_date", Kind.DATE);
            checker.position(invoice, "due_date", Kind.DATE);
            checker.position(invoice, "amount", Kind.DOUBLE);
            checker.position(invoice, "disputed", Kind.BOOLEAN);
            checker.position(invoice, "paid_as_of", Kind.DOUBLE);
        }
        Schema contact = checker.element(avroSchema, "recent_contacts");
        TimeUnit unit = null;
        if (contact != null) {
            for (String column : List.of("contact_id", "channel", "outcome")) {
                checker.position(contact, column, Kind.STRING);
            }
            if (checker.position(contact, "contact_time", Kind.TIMESTAMP) >= 0) {
                unit = timeUnit(nonNull(contact.getField("contact_time").schema()));
            } else if (contact.getField("contact_time") != null
                    && nonNull(contact.getField("contact_time").schema()).getType() == Schema.Type.FIXED) {
                // parquet-avro 1.13 cannot read INT96 inside a list (its list converter ignores the INT96 flag).
                checker.problems.add("recent_contacts.contact_time is a legacy INT96 timestamp; write the snapshot"
                        + " with spark.sql.parquet.outputTimestampType=TIMESTAMP_MICROS");
            }
        }
        contactTimeUnit = unit;
        List<String> names = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (Schema.Field field : avroSchema.getFields()) {
            if (!FIXED_COLUMNS.contains(field.name()) && nonNull(field.schema()).getType() == Schema.Type.DOUBLE) {
                names.add(field.name());
                positions.add(field.pos());
            }
        }
        if (names.isEmpty()) {
            checker.problems.add("no feature columns (double columns besides credit_limit)");
        }
        featureNames = List.copyOf(names);
        featurePositions = positions.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Checks {@code avroSchema} (converted from the file's Parquet schema) and returns the layout. */
    static SnapshotLayout of(Schema avroSchema, String file) {
        Checker checker = new Checker();
        SnapshotLayout layout = new SnapshotLayout(avroSchema, file, checker);
        if (!checker.problems.isEmpty()) {
            throw new SnapshotFormatException(file + " is not a customer snapshot: "
                    + String.join("; ", checker.problems));
        }
        return layout;
    }

    Schema avroSchema() {
        return avroSchema;
    }

    List<String> featureNames() {
        return featureNames;
    }

    /** Turns one row into its compact form; throws SnapshotFormatException naming the customer and column. */
    CompactCustomer decode(GenericRecord row, SnapshotReader.Interner interner) {
        String id = string(row, customerId);
        if (id == null || id.isBlank()) {
            throw new SnapshotFormatException(file + ": a row has no customer_id");
        }
        try {
            double[] features = new double[featurePositions.length];
            for (int i = 0; i < features.length; i++) {
                Object value = row.get(featurePositions[i]);
                if (!(value instanceof Double number) || !Double.isFinite(number)) {
                    throw new IllegalArgumentException("feature " + featureNames.get(i) + " is " + value);
                }
                features[i] = number;
            }
            String zoneText = string(row, timezone);
            String channelText = string(row, preferredChannel);
            byte channel = channelText == null || channelText.isBlank() ? CompactCustomer.NO_CHANNEL
                    : CompactCustomer.channelCode(Channel.fromWire(channelText).orElseThrow(
                            () -> new IllegalArgumentException("unknown preferred_channel " + channelText)));
            Object limit = row.get(creditLimit);
            int asOfDay = requiredDate(row, asOf, "as_of");
            return new CompactCustomer(id, asOfDay,
                    new FeatureVector(id, interner.date(asOfDay), featureNames, features),
                    interner.string(string(row, segment)), interner.string(string(row, country)),
                    zoneText == null || zoneText.isBlank() ? interner.zone("UTC") : interner.zone(zoneText.trim()),
                    channel, Boolean.TRUE.equals(row.get(doNotContact)),
                    limit == null ? Double.NaN : (Double) limit, optionalDate(row, openedDate),
                    invoices(row, id, interner), contacts(row));
        } catch (IllegalArgumentException | DateTimeException | ClassCastException e) {
            throw new SnapshotFormatException(file + ": customer " + id + ": " + e.getMessage(), e);
        }
    }

    private CompactCustomer.OpenInvoiceRow[] invoices(GenericRecord row, String id, SnapshotReader.Interner interner) {
        List<?> list = (List<?>) row.get(openInvoices);
        if (list == null || list.isEmpty()) {
            return CompactCustomer.NO_INVOICES;
        }
        List<CompactCustomer.OpenInvoiceRow> rows = new ArrayList<>(list.size());
        for (Object element : list) {
            if (element == null) {
                continue;
            }
            GenericRecord invoice = (GenericRecord) element;
            String owner = string(invoice, "customer_id");
            if (owner != null && !owner.equals(id)) {
                throw new IllegalArgumentException("open invoice " + string(invoice, "invoice_id")
                        + " belongs to customer " + owner);
            }
            Object amount = invoice.get("amount");
            Object paid = invoice.get("paid_as_of");
            rows.add(new CompactCustomer.OpenInvoiceRow(string(invoice, "invoice_id"),
                    requiredDate(invoice, "issue_date"), requiredDate(invoice, "due_date"),
                    amount == null ? Double.NaN : (Double) amount, interner.string(string(invoice, "currency")),
                    Boolean.TRUE.equals(invoice.get("disputed")), paid == null ? 0.0 : (Double) paid));
        }
        return rows.toArray(CompactCustomer.NO_INVOICES);
    }

    private CompactCustomer.ContactRow[] contacts(GenericRecord row) {
        List<?> list = (List<?>) row.get(recentContacts);
        if (list == null || list.isEmpty()) {
            return CompactCustomer.NO_CONTACTS;
        }
        List<CompactCustomer.ContactRow> rows = new ArrayList<>(list.size());
        for (Object element : list) {
            if (element == null) {
                continue;
            }
            GenericRecord contact = (GenericRecord) element;
            String channelText = string(contact, "channel");
            Channel channel = Channel.fromWire(channelText)
                    .orElseThrow(() -> new IllegalArgumentException("contact channel " + channelText));
            String outcomeText = string(contact, "outcome");
            ContactOutcome outcome = outcomeText == null || outcomeText.isBlank() ? ContactOutcome.NO_RESPONSE
                    : ContactOutcome.fromWire(outcomeText)
                            .orElseThrow(() -> new IllegalArgumentException("contact outcome " + outcomeText));
            rows.add(new CompactCustomer.ContactRow(string(contact, "contact_id"),
                    epochMicros(contact.get("contact_time")), CompactCustomer.channelCode(channel),
                    CompactCustomer.outcomeCode(outcome)));
        }
        return rows.toArray(CompactCustomer.NO_CONTACTS);
    }

    private long epochMicros(Object value) {
        if (value == null) {
            throw new IllegalArgumentException("a contact has no contact_time");
        }
        if (value instanceof Instant instant) {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
        }
        return switch (contactTimeUnit) {
            case MICROS -> (Long) value;
            case MILLIS -> Math.multiplyExact((Long) value, 1_000L);
        };
    }

    private static String string(GenericRecord record, int position) {
        Object value = record.get(position);
        return value == null ? null : value.toString();
    }

    private static String string(GenericRecord record, String column) {
        Object value = record.get(column);
        return value == null ? null : value.toString();
    }

    private static int requiredDate(GenericRecord record, int position, String column) {
        int day = optionalDate(record, position);
        if (day == CompactCustomer.NO_DATE) {
            throw new IllegalArgumentException(column + " is missing");
        }
        return day;
    }

    private static int requiredDate(GenericRecord record, String column) {
        return requiredDate(record, record.getSchema().getField(column).pos(), column);
    }

    private static int optionalDate(GenericRecord record, int position) {
        Object value = record.get(position);
        if (value == null) {
            return CompactCustomer.NO_DATE;
        }
        if (value instanceof LocalDate date) {
            return Math.toIntExact(date.toEpochDay());
        }
        return (Integer) value;
    }

    private static Schema nonNull(Schema schema) {
        if (schema.getType() != Schema.Type.UNION) {
            return schema;
        }
        for (Schema branch : schema.getTypes()) {
            if (branch.getType() != Schema.Type.NULL) {
                return branch;
            }
        }
        return schema;
    }

    private static TimeUnit timeUnit(Schema schema) {
        String name = schema.getLogicalType() == null ? "" : schema.getLogicalType().getName();
        return name.endsWith("millis") ? TimeUnit.MILLIS : TimeUnit.MICROS;
    }

    /** Collects every schema problem so one start-up failure lists them all. */
    private static final class Checker {
        private final List<String> problems = new ArrayList<>();

        int position(Schema record, String column, Kind kind) {
            Schema.Field field = record.getField(column);
            if (field == null) {
                problems.add("missing column " + column);
                return -1;
            }
            Schema type = nonNull(field.schema());
            if (!matches(type, kind)) {
                problems.add("column " + column + " is " + describe(type) + ", expected " + kind.name().toLowerCase());
                return -1;
            }
            return field.pos();
        }

        Schema element(Schema record, String column) {
            Schema.Field field = record.getField(column);
            if (field == null || nonNull(field.schema()).getType() != Schema.Type.ARRAY) {
                return null;
            }
            Schema element = nonNull(nonNull(field.schema()).getElementType());
            if (element.getType() != Schema.Type.RECORD) {
                problems.add("column " + column + " holds " + describe(element) + ", expected structs");
                return null;
            }
            return element;
        }

        private static boolean matches(Schema type, Kind kind) {
            LogicalType logical = type.getLogicalType();
            String logicalName = logical == null ? "" : logical.getName();
            return switch (kind) {
                case STRING -> type.getType() == Schema.Type.STRING;
                case DATE -> type.getType() == Schema.Type.INT && "date".equals(logicalName);
                case DOUBLE -> type.getType() == Schema.Type.DOUBLE;
                case BOOLEAN -> type.getType() == Schema.Type.BOOLEAN;
                case LIST -> type.getType() == Schema.Type.ARRAY;
                case TIMESTAMP -> type.getType() == Schema.Type.LONG && logicalName.contains("timestamp");
            };
        }

        private static String describe(Schema type) {
            return type.getLogicalType() == null ? type.getType().getName()
                    : type.getType().getName() + " (" + type.getLogicalType().getName() + ")";
        }
    }
}

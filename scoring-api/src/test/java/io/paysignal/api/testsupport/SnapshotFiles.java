package io.paysignal.api.testsupport;

import io.paysignal.core.history.Contact;
import io.paysignal.core.snapshot.CustomerSnapshot;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes customer snapshots the way {@code riskctl score} lays them out under {@code OUT/features/}: Parquet
 * part files plus {@code _SUCCESS}, with the snapshot columns, nullable like Spark's, lists as three-level
 * {@code LIST} groups ({@code list}/{@code element}), dates as {@code DATE} and contact times as
 * {@code TIMESTAMP_MICROS} (or millis). Written with parquet-avro's {@link AvroParquetWriter}, since there is
 * no Spark in the API module.
 */
public final class SnapshotFiles {

    /** How contact times are stored. */
    public enum TimeEncoding { MICROS, MILLIS }

    private SnapshotFiles() {
    }

    /** The Avro schema equivalent of the Spark snapshot schema, with one double per feature. */
    public static Schema schema(List<String> featureNames, TimeEncoding time) {
        Schema date = LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
        Schema timestamp = (time == TimeEncoding.MICROS ? LogicalTypes.timestampMicros()
                : LogicalTypes.timestampMillis()).addToSchema(Schema.create(Schema.Type.LONG));
        Schema invoice = SchemaBuilder.record("open_invoice").fields()
                .optionalString("invoice_id").optionalString("customer_id")
                .name("issue_date").type(nullable(date)).withDefault(null)
                .name("due_date").type(nullable(date)).withDefault(null)
                .optionalDouble("amount").optionalString("currency").optionalBoolean("disputed")
                .optionalDouble("paid_as_of").endRecord();
        Schema contact = SchemaBuilder.record("recent_contact").fields()
                .optionalString("contact_id")
                .name("contact_time").type(nullable(timestamp)).withDefault(null)
                .optionalString("channel").optionalString("outcome").endRecord();
        SchemaBuilder.FieldAssembler<Schema> fields = SchemaBuilder.record("spark_schema").fields()
                .optionalString("customer_id")
                .name("as_of").type(nullable(date)).withDefault(null);
        for (String feature : featureNames) {
            fields = fields.optionalDouble(feature);
        }
        return fields.optionalString("segment").optionalString("country").optionalString("timezone")
                .optionalString("preferred_channel").optionalBoolean("do_not_contact").optionalDouble("credit_limit")
                .name("opened_date").type(nullable(date)).withDefault(null)
                .name("open_invoices").type(nullable(Schema.createArray(nullable(invoice)))).withDefault(null)
                .name("recent_contacts").type(nullable(Schema.createArray(nullable(contact)))).withDefault(null)
                .endRecord();
    }

    /** Writes {@code customers} into {@code parts} part files under {@code featuresDir}, then {@code _SUCCESS}. */
    public static void write(Path featuresDir, List<CustomerSnapshot> customers, int parts, TimeEncoding time) {
        List<String> names = customers.get(0).features().names();
        Schema schema = schema(names, time);
        try {
            Files.createDirectories(featuresDir);
            for (int part = 0; part < parts; part++) {
                List<GenericRecord> records = new ArrayList<>();
                for (int i = part; i < customers.size(); i += parts) {
                    records.add(record(schema, customers.get(i), time));
                }
                writePart(featuresDir.resolve(String.format("part-%05d-test.snappy.parquet", part)), schema, records);
            }
            Files.writeString(featuresDir.resolve("_SUCCESS"), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one part file of arbitrary records (for malformed-file tests). */
    public static void writePart(Path file, Schema schema, List<GenericRecord> records) throws IOException {
        Configuration conf = new Configuration();
        // Spark's layout: lists as 3-level LIST groups, not parquet-avro's old 2-level 'array' form.
        conf.setBoolean(AvroWriteSupport.WRITE_OLD_LIST_STRUCTURE, false);
        try (ParquetWriter<GenericRecord> writer = AvroParquetWriter
                .<GenericRecord>builder(HadoopOutputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), conf))
                .withSchema(schema).withConf(conf).withCompressionCodec(CompressionCodecName.SNAPPY).build()) {
            for (GenericRecord record : records) {
                writer.write(record);
            }
        }
    }

    /** The record of one customer. */
    public static GenericRecord record(Schema schema, CustomerSnapshot snapshot, TimeEncoding time) {
        GenericRecord row = new GenericData.Record(schema);
        row.put("customer_id", snapshot.customerId());
        row.put("as_of", (int) snapshot.asOf().toEpochDay());
        double[] values = snapshot.features().values();
        for (int i = 0; i < values.length; i++) {
            row.put(snapshot.features().names().get(i), values[i]);
        }
        var customer = snapshot.customer();
        row.put("segment", customer.segment());
        row.put("country", customer.country());
        row.put("timezone", customer.timezone().getId());
        row.put("preferred_channel", customer.preferredChannel() == null ? null : customer.preferredChannel().wireName());
        row.put("do_not_contact", customer.doNotContact());
        row.put("credit_limit", customer.creditLimit());
        row.put("opened_date", customer.openedDate() == null ? null : (int) customer.openedDate().toEpochDay());
        Schema invoiceSchema = elementSchema(schema, "open_invoices");
        List<GenericRecord> invoices = new ArrayList<>();
        for (CustomerSnapshot.OpenInvoice open : snapshot.openInvoices()) {
            GenericRecord invoice = new GenericData.Record(invoiceSchema);
            invoice.put("invoice_id", open.invoice().invoiceId());
            invoice.put("customer_id", open.invoice().customerId());
            invoice.put("issue_date", (int) open.invoice().issueDate().toEpochDay());
            invoice.put("due_date", (int) open.invoice().dueDate().toEpochDay());
            invoice.put("amount", open.invoice().amount());
            invoice.put("currency", open.invoice().currency());
            invoice.put("disputed", open.invoice().disputed());
            invoice.put("paid_as_of", open.paidAsOf());
            invoices.add(invoice);
        }
        row.put("open_invoices", invoices);
        Schema contactSchema = elementSchema(schema, "recent_contacts");
        List<GenericRecord> contacts = new ArrayList<>();
        for (Contact remembered : snapshot.recentContacts()) {
            GenericRecord contact = new GenericData.Record(contactSchema);
            contact.put("contact_id", remembered.contactId());
            Instant at = remembered.contactTime();
            contact.put("contact_time", time == TimeEncoding.MICROS
                    ? at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000 : at.toEpochMilli());
            contact.put("channel", remembered.channel().wireName());
            contact.put("outcome", remembered.outcome().wireName());
            contacts.add(contact);
        }
        row.put("recent_contacts", contacts);
        return row;
    }

    private static Schema elementSchema(Schema schema, String listColumn) {
        return nonNull(nonNull(schema.getField(listColumn).schema()).getElementType());
    }

    private static Schema nonNull(Schema schema) {
        return schema.getType() == Schema.Type.UNION ? schema.getTypes().get(1) : schema;
    }

    private static Schema nullable(Schema schema) {
        return Schema.createUnion(Schema.create(Schema.Type.NULL), schema);
    }
}

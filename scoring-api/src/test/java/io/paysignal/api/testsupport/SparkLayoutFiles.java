package io.paysignal.api.testsupport;

import io.paysignal.core.history.Contact;
import io.paysignal.core.snapshot.CustomerSnapshot;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Writes a snapshot part file with a hand-written Parquet schema, message for message what Spark 3.5 writes
 * for the snapshot DataFrame (message {@code spark_schema}, 3-level lists, no Avro schema in the footer),
 * with contact times as {@code TIMESTAMP(MICROS,true)} or as legacy {@code INT96}.
 */
public final class SparkLayoutFiles {

    private SparkLayoutFiles() {
    }

    /** Writes {@code customers} as one part file plus {@code _SUCCESS}. */
    public static void write(Path featuresDir, List<CustomerSnapshot> customers, boolean int96Timestamps) {
        List<String> names = customers.get(0).features().names();
        StringBuilder schema = new StringBuilder("message spark_schema {\n")
                .append("  optional binary customer_id (STRING);\n  optional int32 as_of (DATE);\n");
        for (String name : names) {
            schema.append("  required double ").append(name).append(";\n");
        }
        schema.append("""
                  optional binary segment (STRING);
                  optional binary country (STRING);
                  optional binary timezone (STRING);
                  optional binary preferred_channel (STRING);
                  required boolean do_not_contact;
                  optional double credit_limit;
                  optional int32 opened_date (DATE);
                  optional group open_invoices (LIST) {
                    repeated group list {
                      optional group element {
                        optional binary invoice_id (STRING);
                        optional binary customer_id (STRING);
                        optional int32 issue_date (DATE);
                        optional int32 due_date (DATE);
                        required double amount;
                        optional binary currency (STRING);
                        required boolean disputed;
                        required double paid_as_of;
                      }
                    }
                  }
                  optional group recent_contacts (LIST) {
                    repeated group list {
                      optional group element {
                        optional binary contact_id (STRING);
                """)
                .append(int96Timestamps ? "        optional int96 contact_time;\n"
                        : "        optional int64 contact_time (TIMESTAMP(MICROS,true));\n")
                .append("""
                        optional binary channel (STRING);
                        optional binary outcome (STRING);
                      }
                    }
                  }
                }
                """);
        MessageType type = MessageTypeParser.parseMessageType(schema.toString());
        SimpleGroupFactory groups = new SimpleGroupFactory(type);
        try {
            Files.createDirectories(featuresDir);
            Path file = featuresDir.resolve("part-00000-spark.snappy.parquet");
            try (ParquetWriter<Group> writer = ExampleParquetWriter
                    .builder(HadoopOutputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))
                    .withType(type).build()) {
                for (CustomerSnapshot snapshot : customers) {
                    writer.write(row(groups, snapshot, int96Timestamps));
                }
            }
            Files.writeString(featuresDir.resolve("_SUCCESS"), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Group row(SimpleGroupFactory groups, CustomerSnapshot snapshot, boolean int96) {
        Group row = groups.newGroup();
        row.add("customer_id", snapshot.customerId());
        row.add("as_of", (int) snapshot.asOf().toEpochDay());
        double[] values = snapshot.features().values();
        for (int i = 0; i < values.length; i++) {
            row.add(snapshot.features().names().get(i), values[i]);
        }
        var customer = snapshot.customer();
        row.add("segment", customer.segment());
        if (customer.country() != null) {
            row.add("country", customer.country());
        }
        row.add("timezone", customer.timezone().getId());
        if (customer.preferredChannel() != null) {
            row.add("preferred_channel", customer.preferredChannel().wireName());
        }
        row.add("do_not_contact", customer.doNotContact());
        if (customer.creditLimit() != null) {
            row.add("credit_limit", customer.creditLimit());
        }
        if (customer.openedDate() != null) {
            row.add("opened_date", (int) customer.openedDate().toEpochDay());
        }
        Group invoices = row.addGroup("open_invoices");
        for (CustomerSnapshot.OpenInvoice open : snapshot.openInvoices()) {
            Group invoice = invoices.addGroup("list").addGroup("element");
            invoice.add("invoice_id", open.invoice().invoiceId());
            invoice.add("customer_id", open.invoice().customerId());
            invoice.add("issue_date", (int) open.invoice().issueDate().toEpochDay());
            invoice.add("due_date", (int) open.invoice().dueDate().toEpochDay());
            invoice.add("amount", open.invoice().amount());
            invoice.add("currency", open.invoice().currency());
            invoice.add("disputed", open.invoice().disputed());
            invoice.add("paid_as_of", open.paidAsOf());
        }
        Group contacts = row.addGroup("recent_contacts");
        for (Contact remembered : snapshot.recentContacts()) {
            Group contact = contacts.addGroup("list").addGroup("element");
            if (remembered.contactId() != null) {
                contact.add("contact_id", remembered.contactId());
            }
            Instant at = remembered.contactTime();
            if (int96) {
                contact.add("contact_time", int96(at));
            } else {
                contact.add("contact_time", at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000);
            }
            contact.add("channel", remembered.channel().wireName());
            contact.add("outcome", remembered.outcome().wireName());
        }
        return row;
    }

    /** Impala/Spark INT96: nanoseconds of the day (8 bytes) then the Julian day (4 bytes), little-endian. */
    private static Binary int96(Instant at) {
        long epochDay = Math.floorDiv(at.getEpochSecond(), 86_400L);
        long nanosOfDay = Math.floorMod(at.getEpochSecond(), 86_400L) * 1_000_000_000L + at.getNano();
        ByteBuffer bytes = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putLong(nanosOfDay).putInt((int) (epochDay + 2_440_588L));
        return Binary.fromConstantByteArray(bytes.array());
    }
}

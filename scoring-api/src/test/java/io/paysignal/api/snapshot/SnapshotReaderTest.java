package io.paysignal.api.snapshot;

import io.paysignal.api.testsupport.Customers;
import io.paysignal.api.testsupport.LedgerFeatureSource;
import io.paysignal.api.testsupport.SnapshotFiles;
import io.paysignal.api.testsupport.SparkLayoutFiles;
import io.paysignal.core.feature.FeatureVector;
import io.paysignal.core.history.Customer;
import io.paysignal.core.snapshot.CustomerSnapshot;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnapshotReaderTest {

    @TempDir
    Path out;

    private final SnapshotReader reader = new SnapshotReader(new Configuration(), 2);

    @Test
    void readsBackEveryCustomerWrittenAcrossPartFilesWithListsAndMicros() {
        List<CustomerSnapshot> written = Customers.snapshots(40);
        SnapshotFiles.write(out.resolve("features"), written, 3, SnapshotFiles.TimeEncoding.MICROS);

        SnapshotIndex index = reader.read(out.toString());

        assertEquals(40, index.size());
        assertEquals(LedgerFeatureSource.NAMES, index.featureNames());
        assertEquals(List.of(Customers.AS_OF), List.copyOf(index.asOfDates()));
        assertEveryCustomerEqual(written, index);
        assertTrue(index.find("nobody").isEmpty());
    }

    @Test
    void theTestFilesHaveSparksThreeLevelListLayout() throws IOException {
        SnapshotFiles.write(out.resolve("features"), Customers.snapshots(3), 1, SnapshotFiles.TimeEncoding.MICROS);
        Path part = out.resolve("features/part-00000-test.snappy.parquet");
        try (ParquetFileReader file = ParquetFileReader.open(HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(part.toUri()), new Configuration()))) {
            MessageType schema = file.getFileMetaData().getSchema();
            GroupType list = schema.getType("open_invoices").asGroupType().getType("list").asGroupType();
            assertTrue(list.isRepetition(org.apache.parquet.schema.Type.Repetition.REPEATED));
            assertEquals("element", list.getType(0).getName());
        }
    }

    @Test
    void readsMillisecondTimestamps() {
        List<CustomerSnapshot> written = Customers.snapshots(12);
        SnapshotFiles.write(out.resolve("features"), written, 1, SnapshotFiles.TimeEncoding.MILLIS);

        assertEveryCustomerEqual(written, reader.read(out.toString()));
    }

    @Test
    void readsSparkLayoutWithoutAvroSchemaAndMicros() {
        List<CustomerSnapshot> written = Customers.snapshots(15);
        SparkLayoutFiles.write(out.resolve("features"), written, false);

        assertEveryCustomerEqual(written, reader.read(out.toString()));
    }

    @Test
    void refusesLegacyInt96ContactTimesWithAdviceHowToWriteThem() {
        SparkLayoutFiles.write(out.resolve("features"), Customers.snapshots(3), true);

        SnapshotFormatException e = assertThrows(SnapshotFormatException.class, () -> reader.read(out.toString()));
        assertTrue(e.getMessage().contains("INT96") && e.getMessage().contains("TIMESTAMP_MICROS"), e.getMessage());
    }

    @Test
    void acceptsAFolderThatHoldsThePartFilesDirectly() {
        SnapshotFiles.write(out, Customers.snapshots(5), 1, SnapshotFiles.TimeEncoding.MICROS);

        assertEquals(5, reader.read(out.toString()).size());
    }

    @Test
    void refusesOutputWithoutSuccessMarker() throws IOException {
        SnapshotFiles.write(out.resolve("features"), Customers.snapshots(5), 1, SnapshotFiles.TimeEncoding.MICROS);
        Files.delete(out.resolve("features/_SUCCESS"));

        SnapshotFormatException e = assertThrows(SnapshotFormatException.class, () -> reader.read(out.toString()));
        assertTrue(e.getMessage().contains("_SUCCESS"), e.getMessage());
    }

    @Test
    void refusesAFolderWithoutPartFiles() throws IOException {
        Files.createDirectories(out.resolve("features"));
        Files.writeString(out.resolve("features/_SUCCESS"), "");

        assertThrows(SnapshotFormatException.class, () -> reader.read(out.toString()));
    }

    @Test
    void refusesAMissingFolder() {
        assertThrows(SnapshotFormatException.class, () -> reader.read(out.resolve("absent").toString()));
    }

    @Test
    void namesEveryMissingColumn() throws IOException {
        Schema schema = org.apache.avro.SchemaBuilder.record("spark_schema").fields()
                .optionalString("customer_id").optionalDouble("open_balance").endRecord();
        SnapshotFiles.writePart(out.resolve("part-0.parquet"), schema, List.of());
        Files.writeString(out.resolve("_SUCCESS"), "");

        SnapshotFormatException e = assertThrows(SnapshotFormatException.class, () -> reader.read(out.toString()));
        assertTrue(e.getMessage().contains("missing column as_of"), e.getMessage());
        assertTrue(e.getMessage().contains("missing column recent_contacts"), e.getMessage());
    }

    @Test
    void refusesANonFiniteFeatureNamingCustomerAndFeature() throws IOException {
        Schema schema = SnapshotFiles.schema(LedgerFeatureSource.NAMES, SnapshotFiles.TimeEncoding.MICROS);
        GenericRecord row = SnapshotFiles.record(schema, Customers.snapshot(3), SnapshotFiles.TimeEncoding.MICROS);
        row.put("open_balance", Double.NaN);
        SnapshotFiles.writePart(out.resolve("part-0.parquet"), schema, List.of(row));
        Files.writeString(out.resolve("_SUCCESS"), "");

        SnapshotFormatException e = assertThrows(SnapshotFormatException.class, () -> reader.read(out.toString()));
        assertTrue(e.getMessage().contains("c3") && e.getMessage().contains("open_balance"), e.getMessage());
    }

    @Test
    void refusesAnUnknownTimeZone() throws IOException {
        Schema schema = SnapshotFiles.schema(LedgerFeatureSource.NAMES, SnapshotFiles.TimeEncoding.MICROS);
        GenericRecord row = SnapshotFiles.record(schema, Customers.snapshot(3), SnapshotFiles.TimeEncoding.MICROS);
        row.put("timezone", "Mars/Olympus");
        SnapshotFiles.writePart(out.resolve("part-0.parquet"), schema, List.of(row));
        Files.writeString(out.resolve("_SUCCESS"), "");

        SnapshotFormatException e = assertThrows(SnapshotFormatException.class, () -> reader.read(out.toString()));
        assertTrue(e.getMessage().contains("c3"), e.getMessage());
    }

    @Test
    void refusesAnOpenInvoiceOfAnotherCustomer() throws IOException {
        Schema schema = SnapshotFiles.schema(LedgerFeatureSource.NAMES, SnapshotFiles.TimeEncoding.MICROS);
        GenericRecord row = SnapshotFiles.record(schema, Customers.snapshot(3), SnapshotFiles.TimeEncoding.MICROS);
        GenericRecord invoice = (GenericRecord) ((List<?>) row.get("open_invoices")).get(0);
        invoice.put("customer_id", "c4");
        SnapshotFiles.writePart(out.resolve("part-0.parquet"), schema, List.of(row));
        Files.writeString(out.resolve("_SUCCESS"), "");

        SnapshotFormatException e = assertThrows(SnapshotFormatException.class, () -> reader.read(out.toString()));
        assertTrue(e.getMessage().contains("belongs to customer c4"), e.getMessage());
    }

    @Test
    void refusesACustomerListedTwice() {
        List<CustomerSnapshot> twice = new ArrayList<>(Customers.snapshots(4));
        twice.add(Customers.snapshot(2));
        SnapshotFiles.write(out.resolve("features"), twice, 2, SnapshotFiles.TimeEncoding.MICROS);

        SnapshotFormatException e = assertThrows(SnapshotFormatException.class, () -> reader.read(out.toString()));
        assertTrue(e.getMessage().contains("c2 appears twice"), e.getMessage());
    }

    @Test
    void refusesPartFilesThatDisagreeOnFeatures() {
        SnapshotFiles.write(out.resolve("features"), Customers.snapshots(3), 1, SnapshotFiles.TimeEncoding.MICROS);
        CustomerSnapshot other = Customers.snapshot(9);
        FeatureVector renamed = new FeatureVector("c9", Customers.AS_OF, List.of("something_else"), new double[] {1});
        SnapshotFiles.write(out.resolve("other"), List.of(new CustomerSnapshot(renamed, other.customer(),
                other.openInvoices(), other.recentContacts())), 1, SnapshotFiles.TimeEncoding.MICROS);
        try {
            Files.move(out.resolve("other/part-00000-test.snappy.parquet"),
                    out.resolve("features/part-00001-test.snappy.parquet"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        SnapshotFormatException e = assertThrows(SnapshotFormatException.class, () -> reader.read(out.toString()));
        assertTrue(e.getMessage().contains("disagree on the feature columns"), e.getMessage());
    }

    @Test
    void samplesCustomersSpreadOverTheSnapshotTheSameWayEveryTime() {
        SnapshotFiles.write(out.resolve("features"), Customers.snapshots(100), 1, SnapshotFiles.TimeEncoding.MICROS);
        SnapshotIndex index = reader.read(out.toString());

        List<String> sampled = index.sample(4).stream().map(CustomerSnapshot::customerId).toList();

        assertEquals(List.of("c1", "c26", "c51", "c76"), sampled);
        assertEquals(sampled, index.sample(4).stream().map(CustomerSnapshot::customerId).toList());
        assertEquals(100, index.sample(1000).size());
    }

    @Test
    void sharesRepeatedStringsAndZonesBetweenCustomers() {
        SnapshotFiles.write(out.resolve("features"), Customers.snapshots(20), 2, SnapshotFiles.TimeEncoding.MICROS);
        SnapshotIndex index = reader.read(out.toString());

        Customer first = index.find("c2").orElseThrow().customer();
        Customer second = index.find("c4").orElseThrow().customer();

        assertTrue(first.segment() == second.segment(), "segment strings are shared");
        assertEquals(ZoneId.of("Europe/Berlin"), first.timezone());
        assertTrue(first.timezone() == second.timezone(), "zones are shared");
    }

    private static void assertEveryCustomerEqual(List<CustomerSnapshot> written, SnapshotIndex index) {
        assertEquals(written.size(), index.size());
        for (CustomerSnapshot expected : written) {
            assertEquals(expected, index.find(expected.customerId()).orElseThrow(), expected.customerId());
        }
    }
}

package io.paysignal.api.snapshot;

import io.paysignal.api.testsupport.SnapshotFiles;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Benchmark of snapshot start-up (run by {@code bench/snapshot-load.sh}, not by the test suite):
 * {@code generate DIR CUSTOMERS PARTS FEATURES} writes a synthetic snapshot in the pipeline's layout;
 * {@code load DIR} reads it with {@link SnapshotReader} and prints the load time and the heap the index
 * keeps after a full GC.
 */
public final class SnapshotLoadBench {

    private static final String[] SEGMENTS = {"smb", "enterprise", "consumer", "public"};
    private static final String[] ZONES = {"America/Chicago", "America/New_York", "Europe/Berlin", "Europe/London",
            "Asia/Tokyo", "UTC"};
    private static final String[] CHANNELS = {"email", "sms", "phone", "letter"};
    private static final String[] OUTCOMES = {"no_response", "reached", "promise_to_pay", "opted_out"};

    private SnapshotLoadBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 5 && args[0].equals("generate")) {
            generate(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
        } else if (args.length == 2 && args[0].equals("load")) {
            load(args[1]);
        } else {
            System.err.println("usage: generate DIR CUSTOMERS PARTS FEATURES | load DIR");
            System.exit(2);
        }
    }

    private static void generate(Path dir, int customers, int parts, int featureCount) throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < featureCount; i++) {
            names.add("feature_" + i + "_90d");
        }
        Schema schema = SnapshotFiles.schema(names, SnapshotFiles.TimeEncoding.MICROS);
        Schema invoiceSchema = schema.getField("open_invoices").schema().getTypes().get(1).getElementType().getTypes().get(1);
        Schema contactSchema = schema.getField("recent_contacts").schema().getTypes().get(1).getElementType().getTypes().get(1);
        Path folder = dir.resolve("features");
        Files.createDirectories(folder);
        Configuration conf = new Configuration();
        conf.setBoolean(AvroWriteSupport.WRITE_OLD_LIST_STRUCTURE, false);
        SplittableRandom random = new SplittableRandom(42);
        int asOf = 20_513;
        long started = System.nanoTime();
        for (int part = 0; part < parts; part++) {
            Path file = folder.resolve(String.format("part-%05d-bench.snappy.parquet", part));
            try (ParquetWriter<GenericRecord> writer = AvroParquetWriter
                    .<GenericRecord>builder(HadoopOutputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), conf))
                    .withSchema(schema).withConf(conf).withCompressionCodec(CompressionCodecName.SNAPPY).build()) {
                for (int c = part; c < customers; c += parts) {
                    String id = String.format("cust-%08d", c);
                    GenericRecord row = new GenericData.Record(schema);
                    row.put("customer_id", id);
                    row.put("as_of", asOf);
                    for (String name : names) {
                        row.put(name, random.nextInt(5) == 0 ? 0.0 : random.nextDouble() * 100);
                    }
                    row.put("segment", SEGMENTS[random.nextInt(SEGMENTS.length)]);
                    row.put("country", random.nextBoolean() ? "US" : "DE");
                    row.put("timezone", ZONES[random.nextInt(ZONES.length)]);
                    row.put("preferred_channel", random.nextInt(3) == 0 ? null : CHANNELS[random.nextInt(4)]);
                    row.put("do_not_contact", random.nextInt(50) == 0);
                    row.put("credit_limit", random.nextInt(4) == 0 ? null : 1000.0 * (1 + random.nextInt(50)));
                    row.put("opened_date", asOf - 100 - random.nextInt(3000));
                    List<GenericRecord> invoices = new ArrayList<>();
                    for (int k = random.nextInt(4); k > 0; k--) {
                        GenericRecord invoice = new GenericData.Record(invoiceSchema);
                        int issued = asOf - random.nextInt(120);
                        invoice.put("invoice_id", id + "-" + k);
                        invoice.put("customer_id", id);
                        invoice.put("issue_date", issued);
                        invoice.put("due_date", issued + 30);
                        invoice.put("amount", 50 + random.nextDouble() * 5000);
                        invoice.put("currency", "USD");
                        invoice.put("disputed", random.nextInt(20) == 0);
                        invoice.put("paid_as_of", random.nextBoolean() ? 0.0 : 10.0);
                        invoices.add(invoice);
                    }
                    row.put("open_invoices", invoices);
                    List<GenericRecord> contacts = new ArrayList<>();
                    for (int k = random.nextInt(4); k > 0; k--) {
                        GenericRecord contact = new GenericData.Record(contactSchema);
                        contact.put("contact_id", random.nextBoolean() ? null : id + "-k" + k);
                        contact.put("contact_time", (asOf - random.nextInt(30)) * 86_400_000_000L
                                + random.nextInt(86_400) * 1_000_000L);
                        contact.put("channel", CHANNELS[random.nextInt(4)]);
                        contact.put("outcome", OUTCOMES[random.nextInt(3)]);
                        contacts.add(contact);
                    }
                    row.put("recent_contacts", contacts);
                    writer.write(row);
                }
            }
        }
        Files.writeString(folder.resolve("_SUCCESS"), "");
        System.out.printf("generated %d customers, %d features, %d part files in %d s%n", customers, names.size(),
                parts, (System.nanoTime() - started) / 1_000_000_000L);
    }

    private static void load(String dir) {
        long started = System.nanoTime();
        SnapshotIndex index = SnapshotReader.withDefaults().read(dir);
        long loadMillis = (System.nanoTime() - started) / 1_000_000;
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long heapBytes = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long lookups = 0;
        long lookupStarted = System.nanoTime();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            lookups += index.find(String.format("cust-%08d", random.nextInt(index.size()))).isPresent() ? 1 : 0;
        }
        double microsPerLookup = (System.nanoTime() - lookupStarted) / 1_000.0 / 200_000;
        System.out.printf("customers=%d features=%d load_ms=%d heap_after_gc_mb=%d max_heap_mb=%d lookup_us=%.2f found=%d%n",
                index.size(), index.featureNames().size(), loadMillis, heapBytes >> 20,
                Runtime.getRuntime().maxMemory() >> 20, microsPerLookup, lookups);
    }
}

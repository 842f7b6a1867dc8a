package io.paysignal.pipeline.job;

import io.paysignal.pipeline.io.History;
import io.paysignal.pipeline.spark.ContractRowMapping;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

/**
 * Small facts about a history that jobs need on the driver: the span of its dates (computed by Spark
 * aggregations, never by collecting rows) and a fingerprint that identifies the input files.
 *
 * @param firstActivity the earliest invoice issue date, or null when there are no invoices
 * @param lastActivity the latest date of any invoice, payment or contact, or null when there is none
 */
public record HistoryFacts(LocalDate firstActivity, LocalDate lastActivity) {

    /** Computes the span of dates of an already-read history. */
    public static HistoryFacts of(History history) {
        Row invoiceSpan = history.invoices().agg(min("issue_date"), max("issue_date")).first();
        Row paymentSpan = history.payments().agg(max("payment_date")).first();
        Row contactSpan = history.contacts().agg(max("contact_time")).first();
        LocalDate first = ContractRowMapping.localDate(invoiceSpan.get(0));
        LocalDate last = latest(latest(ContractRowMapping.localDate(invoiceSpan.get(1)),
                        ContractRowMapping.localDate(paymentSpan.get(0))),
                contactSpan.isNullAt(0) ? null
                        : LocalDate.ofInstant(ContractRowMapping.instant(contactSpan.get(0)), ZoneOffset.UTC));
        return new HistoryFacts(first, last);
    }

    /**
     * A short hash of the history's file names and sizes: two runs over the same files get the same value,
     * and it changes when a table is replaced or grows.
     */
    public static String fingerprint(SparkSession spark, String historyDir) {
        try {
            Path root = new Path(historyDir);
            FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
            List<String> entries = new ArrayList<>();
            RemoteIterator<LocatedFileStatus> files = fs.listFiles(root, true);
            while (files.hasNext()) {
                FileStatus file = files.next();
                String relative = root.toUri().relativize(file.getPath().toUri()).getPath();
                if (!relative.contains("/.") && !relative.startsWith(".") && !relative.startsWith("truth/")) {
                    entries.add(relative + ":" + file.getLen());
                }
            }
            entries.sort(null);
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String entry : entries) {
                digest.update(entry.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list history " + historyDir + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}

package io.paysignal.pipeline.io;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paysignal.pipeline.testsupport.HistoryFixtures;
import io.paysignal.pipeline.testsupport.SharedSparkSession;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A history whose quoted fields hold line breaks (RFC 4180) is read record by record: no row is split in two,
 * the values keep their line breaks, a quote that is really missing is still rejected, rejects name the line
 * their record starts on and carry its whole text, also through {@code rejects.csv}.
 */
class QuotedLineBreaksTest extends SharedSparkSession {

    private static final ReaderConfig ACCEPT_ALL = ReaderConfig.defaults().withMaxRejectShare(1.0);

    @TempDir
    Path dir;

    @TempDir
    Path out;

    @Test
    void recordsSpanningLinesAreReadWholeAndRejectsNameTheirFirstLine() throws IOException {
        Path history = HistoryFixtures.withQuotedLineBreaks(dir);
        History read = new HistoryReader(spark, ACCEPT_ALL).read(history.toString());
        try {
            assertEquals(List.of("C1|smb", "C2|smb\r\nnorth", "C4|smb"), read.table(HistoryTable.CUSTOMERS)
                    .select(col("customer_id"), col("segment")).orderBy("customer_id").collectAsList().stream()
                    .map(row -> row.getString(0) + "|" + row.getString(1)).toList());
            assertEquals(List.of("I1", "I2"), read.table(HistoryTable.INVOICES).select("invoice_id")
                    .orderBy("invoice_id").collectAsList().stream().map(row -> row.getString(0)).toList());
            assertEquals(1, read.table(HistoryTable.PAYMENTS).count());
            assertEquals(sorted(HistoryFixtures.WITH_QUOTED_LINE_BREAKS_REJECTS),
                    sorted(HistoryFixtures.rejects(read)));
            assertEquals(3 + 2, read.summary().table("customers").inputRows());

            new RejectsWriter().write(read.rejects(), out.toString());
            List<Row> written = spark.read().option("header", "true").option("multiLine", "true")
                    .option("escape", "\"").csv(out.resolve(RejectsWriter.FILE_NAME).toString()).collectAsList();
            assertEquals(HistoryFixtures.WITH_QUOTED_LINE_BREAKS_REJECTS.stream().map(HistoryFixtures.Reject::raw)
                    .sorted().toList(), written.stream().map(row -> row.getString(4)).sorted().toList());
        } finally {
            read.release();
        }
    }

    private static List<HistoryFixtures.Reject> sorted(List<HistoryFixtures.Reject> rejects) {
        return rejects.stream().sorted(Comparator.comparing(HistoryFixtures.Reject::table)
                .thenComparing(HistoryFixtures.Reject::line)).toList();
    }
}

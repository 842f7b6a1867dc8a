package io.paysignal.api.snapshot;

import io.paysignal.api.testsupport.Customers;
import io.paysignal.api.testsupport.ScoreTableFiles;
import io.paysignal.api.testsupport.SnapshotFiles;
import io.paysignal.core.policy.RiskTier;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The score table read beside the snapshot, through {@link SnapshotReader}. */
class ScoreTableReaderTest {

    @TempDir
    Path out;

    private final SnapshotReader reader = new SnapshotReader(new Configuration(), 2);

    @Test
    void rowsAreAlignedWithTheSnapshotPositions() {
        SnapshotFiles.write(out.resolve("features"), Customers.snapshots(12), 2, SnapshotFiles.TimeEncoding.MICROS);
        List<ScoreTableFiles.Row> rows = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            rows.add(row("c" + i, i / 100.0, i % 2 == 0 ? "high" : "low", i % 3 == 0 ? "" : "HIGH_DPD_90D;OPEN_AMOUNT"));
        }
        ScoreTableFiles.write(out, rows, 3);

        SnapshotIndex index = reader.read(out.toString());

        PrecomputedScores table = index.precomputed().orElseThrow();
        assertEquals("v7", table.modelVersion());
        assertEquals(12, table.rows());
        assertEquals(Set.of("", "HIGH_DPD_90D;OPEN_AMOUNT"), table.distinctReasonCodes());
        for (int i = 1; i <= 12; i++) {
            int position = index.position("c" + i);
            assertTrue(table.has(position));
            assertEquals(i / 100.0, table.riskScore(position), 0.0);
            assertEquals(i % 2 == 0 ? RiskTier.HIGH : RiskTier.LOW, table.tier(position));
            assertEquals(i % 3 == 0 ? "" : "HIGH_DPD_90D;OPEN_AMOUNT", table.reasonCodes(position));
        }
        assertEquals(-1, index.position("nobody"));
    }

    @Test
    void rowsOfAnotherAsOfDateOrUnknownCustomersAreLeftToTheModel() {
        SnapshotFiles.write(out.resolve("features"), Customers.snapshots(4), 1, SnapshotFiles.TimeEncoding.MICROS);
        ScoreTableFiles.write(out, List.of(row("c1", 0.1, "low", ""),
                new ScoreTableFiles.Row("c2", Customers.AS_OF.minusDays(1), 0.2, "low", "", "none", null, null, "v7"),
                row("ghost", 0.3, "low", "")), 1);

        SnapshotIndex index = reader.read(out.toString());

        PrecomputedScores table = index.precomputed().orElseThrow();
        assertEquals(1, table.rows());
        assertTrue(table.has(index.position("c1")));
        assertFalse(table.has(index.position("c2")));
        assertFalse(table.has(index.position("c3")));
    }

    @Test
    void aTableOfSeveralModelVersionsIsIgnored() {
        SnapshotFiles.write(out.resolve("features"), Customers.snapshots(2), 1, SnapshotFiles.TimeEncoding.MICROS);
        ScoreTableFiles.write(out, List.of(row("c1", 0.1, "low", ""),
                new ScoreTableFiles.Row("c2", Customers.AS_OF, 0.2, "low", "", "none", null, null, "v8")), 1);

        SnapshotIndex index = reader.read(out.toString());

        assertEquals(2, index.size());
        assertTrue(index.precomputed().isEmpty());
    }

    @Test
    void anIncompleteOrMalformedTableIsIgnoredAndTheSnapshotStillLoads() throws IOException {
        SnapshotFiles.write(out.resolve("features"), Customers.snapshots(2), 1, SnapshotFiles.TimeEncoding.MICROS);
        ScoreTableFiles.write(out, List.of(row("c1", 0.1, "low", "")), 1);
        Files.delete(out.resolve("_SUCCESS"));
        assertTrue(reader.read(out.toString()).precomputed().isEmpty(), "no _SUCCESS: a half-written table");

        Files.writeString(out.resolve("_SUCCESS"), "");
        Schema noTier = SchemaBuilder.record("spark_schema").fields().optionalString("customer_id")
                .optionalDouble("risk_score").endRecord();
        GenericRecord record = new GenericData.Record(noTier);
        record.put("customer_id", "c1");
        record.put("risk_score", 0.5);
        SnapshotFiles.writePart(out.resolve("part-00009-other.snappy.parquet"), noTier, List.of(record));
        SnapshotIndex index = reader.read(out.toString());
        assertEquals(2, index.size());
        assertTrue(index.precomputed().isEmpty(), "a part file without the table's columns");
    }

    @Test
    void onlyAScoreOutputsFeaturesFolderHasATableBesideIt() {
        SnapshotFiles.write(out.resolve("features"), Customers.snapshots(2), 1, SnapshotFiles.TimeEncoding.MICROS);
        SnapshotFiles.write(out.resolve("copy"), Customers.snapshots(2), 1, SnapshotFiles.TimeEncoding.MICROS);
        ScoreTableFiles.write(out, List.of(row("c1", 0.1, "low", "")), 1);

        assertTrue(reader.read(out.resolve("features").toString()).precomputed().isPresent());
        assertTrue(reader.read(out.resolve("copy").toString()).precomputed().isEmpty());
    }

    private static ScoreTableFiles.Row row(String id, double score, String tier, String reasons) {
        return new ScoreTableFiles.Row(id, Customers.AS_OF, score, tier, reasons, "none", null, null, "v7");
    }
}

package io.paysignal.api.testsupport;

import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a score table (DATA-CONTRACT section 4) the way {@code riskctl score --out DIR} lays it out: Parquet part
 * files and {@code _SUCCESS} at {@code DIR}'s root, every column nullable as Spark writes them, {@code as_of} a
 * {@code DATE} and {@code contact_at} a {@code TIMESTAMP_MICROS}.
 */
public final class ScoreTableFiles {

    private ScoreTableFiles() {
    }

    /** One row of the table. */
    public record Row(String customerId, LocalDate asOf, double riskScore, String riskTier, String reasonCodes,
                      String action, String channel, Instant contactAt, String modelVersion) {
    }

    /** The contract's columns. */
    public static Schema schema() {
        Schema date = LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
        Schema timestamp = LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG));
        return SchemaBuilder.record("spark_schema").fields()
                .optionalString("customer_id")
                .name("as_of").type(nullable(date)).withDefault(null)
                .optionalDouble("risk_score").optionalString("risk_tier").optionalString("reason_codes")
                .optionalString("action").optionalString("channel")
                .name("contact_at").type(nullable(timestamp)).withDefault(null)
                .optionalString("model_version")
                .endRecord();
    }

    /** Writes {@code rows} into {@code parts} part files directly under {@code outDir}, then {@code _SUCCESS}. */
    public static void write(Path outDir, List<Row> rows, int parts) {
        Schema schema = schema();
        try {
            Files.createDirectories(outDir);
            for (int part = 0; part < parts; part++) {
                List<GenericRecord> records = new ArrayList<>();
                for (int i = part; i < rows.size(); i += parts) {
                    records.add(record(schema, rows.get(i)));
                }
                SnapshotFiles.writePart(outDir.resolve(String.format("part-%05d-scores.snappy.parquet", part)),
                        schema, records);
            }
            Files.writeString(outDir.resolve("_SUCCESS"), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static GenericRecord record(Schema schema, Row row) {
        GenericRecord record = new GenericData.Record(schema);
        record.put("customer_id", row.customerId());
        record.put("as_of", (int) row.asOf().toEpochDay());
        record.put("risk_score", row.riskScore());
        record.put("risk_tier", row.riskTier());
        record.put("reason_codes", row.reasonCodes());
        record.put("action", row.action());
        record.put("channel", row.channel());
        record.put("contact_at", row.contactAt() == null ? null
                : row.contactAt().getEpochSecond() * 1_000_000L + row.contactAt().getNano() / 1_000);
        record.put("model_version", row.modelVersion());
        return record;
    }

    private static Schema nullable(Schema schema) {
        return Schema.createUnion(Schema.create(Schema.Type.NULL), schema);
    }
}

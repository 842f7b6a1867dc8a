package io.paysignal.api.snapshot;

import io.paysignal.core.policy.RiskTier;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.avro.AvroReadSupport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the score table's Parquet part files that {@code riskctl score --out DIR} writes at {@code DIR}'s root
 * (beside {@code features/}): only the columns serving needs, {@code customer_id}, {@code as_of},
 * {@code risk_score}, {@code risk_tier}, {@code reason_codes} and {@code model_version} (a projection, so the
 * outreach columns, whatever their timestamp encoding, are never decoded).
 *
 * <p>The table only saves computation: a customer without a usable row is scored by the model. So a folder
 * without Parquet part files (an older score run, or {@code --format csv}) simply has no table, and a table
 * that cannot be used (no {@code _SUCCESS}, a missing column, rows of several model versions, a bad cell)
 * is reported as the reason it is ignored rather than failing start-up.
 */
final class ScoreTableReader {

    private static final List<String> COLUMNS = List.of("customer_id", "as_of", "risk_score", "risk_tier",
            "reason_codes", "model_version");

    private final Configuration hadoopConf;

    ScoreTableReader(Configuration hadoopConf) {
        this.hadoopConf = hadoopConf;
    }

    /** The table's rows, or why there is none. */
    record Outcome(Rows rows, String ignoredBecause) {
        static Outcome none(String why) {
            return new Outcome(null, why);
        }
    }

    /**
     * Reads the part files directly under {@code scoreOutDir}.
     *
     * @return the rows, or an outcome saying why the folder has no usable table
     */
    Outcome read(Path scoreOutDir) {
        List<Path> parts;
        try {
            FileSystem fs = scoreOutDir.getFileSystem(hadoopConf);
            if (!fs.isDirectory(scoreOutDir)) {
                return Outcome.none(scoreOutDir + " is not a folder");
            }
            parts = SnapshotReader.parquetParts(fs, scoreOutDir);
            if (parts.isEmpty()) {
                return Outcome.none("no Parquet score table in " + scoreOutDir + " (CSV format or an older run)");
            }
            if (!fs.exists(new Path(scoreOutDir, SnapshotReader.SUCCESS_MARKER))) {
                return Outcome.none(scoreOutDir + " has no " + SnapshotReader.SUCCESS_MARKER + " marker");
            }
        } catch (IOException e) {
            return Outcome.none("cannot list " + scoreOutDir + ": " + e.getMessage());
        }
        Rows rows = new Rows();
        for (Path part : parts) {
            try {
                readPart(part, rows);
            } catch (IOException | RuntimeException e) {
                return Outcome.none(part.getName() + ": " + e.getMessage());
            }
        }
        if (rows.modelVersions.size() != 1) {
            return Outcome.none("the table holds model versions " + rows.modelVersions + ", expected exactly one");
        }
        return new Outcome(rows, null);
    }

    private void readPart(Path part, Rows rows) throws IOException {
        Schema projection = projection(SnapshotReader.avroSchemaOf(part, hadoopConf));
        Configuration conf = new Configuration(hadoopConf);
        AvroReadSupport.setRequestedProjection(conf, projection);
        AvroReadSupport.setAvroReadSchema(conf, projection);
        SnapshotReader.forEachRecord(part, conf, rows::add);
    }

    /** The six served columns of {@code fileSchema}, checked for their types. */
    private static Schema projection(Schema fileSchema) {
        List<Schema.Field> fields = new ArrayList<>();
        for (String column : COLUMNS) {
            Schema.Field field = fileSchema.getField(column);
            if (field == null) {
                throw new IllegalArgumentException("missing column " + column);
            }
            Schema type = nonNull(field.schema());
            LogicalType logical = type.getLogicalType();
            boolean ok = switch (column) {
                case "as_of" -> type.getType() == Schema.Type.INT && logical != null && "date".equals(logical.getName());
                case "risk_score" -> type.getType() == Schema.Type.DOUBLE;
                default -> type.getType() == Schema.Type.STRING;
            };
            if (!ok) {
                throw new IllegalArgumentException("column " + column + " has type " + type);
            }
            fields.add(new Schema.Field(field, field.schema()));
        }
        return Schema.createRecord(fileSchema.getName(), null, fileSchema.getNamespace(), false, fields);
    }

    private static Schema nonNull(Schema schema) {
        if (schema.getType() != Schema.Type.UNION) {
            return schema;
        }
        return schema.getTypes().stream().filter(branch -> branch.getType() != Schema.Type.NULL).findFirst()
                .orElse(schema);
    }

    /** The rows read so far, column-wise (a million rows without a million row objects). */
    static final class Rows {
        private String[] customerIds = new String[1024];
        private int[] asOfDays = new int[1024];
        private double[] riskScores = new double[1024];
        private RiskTier[] tiers = new RiskTier[1024];
        private String[] reasonCodes = new String[1024];
        private int size;
        private final Map<String, String> internedReasons = new HashMap<>();
        private final Set<String> modelVersions = new LinkedHashSet<>();

        private void add(GenericRecord record) {
            String id = text(record, 0);
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("a row has no customer_id");
            }
            Object asOf = record.get(1);
            Object score = record.get(2);
            if (!(asOf instanceof Integer day)) {
                throw new IllegalArgumentException("customer " + id + " has no as_of");
            }
            if (!(score instanceof Double riskScore) || !(riskScore >= 0.0 && riskScore <= 1.0)) {
                throw new IllegalArgumentException("customer " + id + " has risk_score " + score);
            }
            String tierText = text(record, 3);
            RiskTier tier = RiskTier.fromWire(tierText).orElseThrow(
                    () -> new IllegalArgumentException("customer " + id + " has risk_tier " + tierText));
            String reasons = text(record, 4);
            String version = text(record, 5);
            if (version == null || version.isBlank()) {
                throw new IllegalArgumentException("customer " + id + " has no model_version");
            }
            if (modelVersions.size() < 8) {
                modelVersions.add(version);
            }
            if (size == customerIds.length) {
                int grown = size * 2;
                customerIds = Arrays.copyOf(customerIds, grown);
                asOfDays = Arrays.copyOf(asOfDays, grown);
                riskScores = Arrays.copyOf(riskScores, grown);
                tiers = Arrays.copyOf(tiers, grown);
                reasonCodes = Arrays.copyOf(reasonCodes, grown);
            }
            customerIds[size] = id;
            asOfDays[size] = day;
            riskScores[size] = riskScore;
            tiers[size] = tier;
            reasonCodes[size] = internedReasons.computeIfAbsent(reasons == null ? "" : reasons, cell -> cell);
            size++;
        }

        /** The one model version of every row (only called after {@link ScoreTableReader#read} accepted the rows). */
        String modelVersion() {
            return modelVersions.iterator().next();
        }

        int size() {
            return size;
        }

        /** The rows aligned with {@code index}'s positions. */
        PrecomputedScores.Builder alignWith(SnapshotIndex index, String source) {
            PrecomputedScores.Builder builder = new PrecomputedScores.Builder(index, source, modelVersion());
            for (int i = 0; i < size; i++) {
                builder.add(customerIds[i], asOfDays[i], riskScores[i], tiers[i], reasonCodes[i]);
            }
            return builder;
        }

        private static String text(GenericRecord record, int position) {
            Object value = record.get(position);
            return value == null ? null : value.toString();
        }
    }
}

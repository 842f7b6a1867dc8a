package io.paysignal.pipeline.job;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Writes small hand-made {@code riskctl score} output directories for job tests. */
final class ScoreTables {

    private ScoreTables() {
    }

    /** One score-table row; {@code contactAt} is an ISO instant or null. */
    static Row score(String customerId, LocalDate asOf, double riskScore, String tier, String action, String channel,
                     String contactAt) {
        return RowFactory.create(customerId, Date.valueOf(asOf), riskScore, tier, "", action, channel,
                contactAt == null ? null : Timestamp.from(Instant.parse(contactAt)), "test-model");
    }

    /** Writes the rows as Parquet part files at {@code dir}'s root, as {@code riskctl score} does. */
    static Path writeParquet(SparkSession spark, Path dir, List<Row> rows) {
        spark.createDataFrame(rows, ScoreTable.SCHEMA).coalesce(1).write().parquet(dir.toString());
        return dir;
    }

    /** Writes a feature snapshot under {@code dir/features/}: customer_id, as_of and the given double columns. */
    static void writeFeatures(SparkSession spark, Path dir, LocalDate asOf, List<String> names, double[][] values) {
        StructType schema = new StructType().add("customer_id", DataTypes.StringType, false)
                .add("as_of", DataTypes.DateType, false);
        for (String name : names) {
            schema = schema.add(name, DataTypes.DoubleType, false);
        }
        List<Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            Object[] cells = new Object[names.size() + 2];
            cells[0] = "C" + i;
            cells[1] = Date.valueOf(asOf);
            for (int j = 0; j < names.size(); j++) {
                cells[j + 2] = values[i][j];
            }
            rows.add(RowFactory.create(cells));
        }
        spark.createDataFrame(rows, schema).coalesce(1).write().parquet(dir.resolve(ScoreOutput.FEATURES).toString());
    }
}

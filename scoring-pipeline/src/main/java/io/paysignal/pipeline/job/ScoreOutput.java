package io.paysignal.pipeline.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.paysignal.pipeline.io.TextFiles;
import io.paysignal.pipeline.spark.ContractRowMapping;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code riskctl score} output directory read back: the score table (Parquet part files at the directory's
 * root, or {@code scores.csv}), the feature snapshot under {@code features/} when present, and the
 * {@code _run.json} the job wrote.
 *
 * @param dir the directory as given
 * @param scores the score table, columns and types of {@link ScoreTable#SCHEMA}
 * @param features the feature snapshot, or null when the directory has no {@code features/}
 * @param asOf the one as-of date of the score table
 * @param modelFolder the model folder named in {@code _run.json}, or null when unknown
 */
public record ScoreOutput(String dir, Dataset<Row> scores, Dataset<Row> features, LocalDate asOf, String modelFolder) {

    /** The sub-directory holding the feature snapshot. */
    public static final String FEATURES = "features";
    /** The run summary file. */
    public static final String RUN_SUMMARY = "_run.json";

    /**
     * Reads {@code dir}.
     *
     * @throws IllegalArgumentException when the directory holds no score table, or scores for more than one
     *         as-of date
     */
    public static ScoreOutput read(SparkSession spark, String dir) {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Dataset<Row> scores = readScores(spark, conf, dir);
        List<Row> dates = scores.select("as_of").distinct().limit(2).collectAsList();
        if (dates.size() != 1) {
            throw new IllegalArgumentException(dir + (dates.isEmpty() ? " holds no scores"
                    : " holds scores for more than one as-of date"));
        }
        LocalDate asOf = ContractRowMapping.localDate(dates.get(0).get(0));
        String featuresDir = new Path(dir, FEATURES).toString();
        Dataset<Row> features = TextFiles.exists(conf, featuresDir) ? spark.read().parquet(featuresDir) : null;
        return new ScoreOutput(dir, scores, features, asOf, modelFolder(conf, dir).orElse(null));
    }

    private static Dataset<Row> readScores(SparkSession spark, Configuration conf, String dir) {
        String csv = new Path(dir, ScoreTable.CSV_FILE).toString();
        if (TextFiles.exists(conf, csv)) {
            return spark.read()
                    .schema(ScoreTable.SCHEMA)
                    .options(Map.of("header", "true", "mode", "FAILFAST", "dateFormat", "yyyy-MM-dd",
                            "timestampFormat", "yyyy-MM-dd'T'HH:mm:ss[.SSS]XXX"))
                    .csv(csv);
        }
        try {
            Path root = new Path(dir);
            var parts = root.getFileSystem(conf).globStatus(new Path(root, "*.parquet"));
            if (parts == null || parts.length == 0) {
                throw new IllegalArgumentException(dir + " is not a score output: no " + ScoreTable.CSV_FILE
                        + " and no Parquet part files at its root");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        Dataset<Row> parquet = spark.read().parquet(new Path(dir, "*.parquet").toString());
        for (String column : ScoreTable.SCHEMA.fieldNames()) {
            if (!List.of(parquet.columns()).contains(column)) {
                throw new IllegalArgumentException(dir + " is not a score table: column " + column + " is missing");
            }
        }
        return parquet.select(Arrays.stream(ScoreTable.SCHEMA.fieldNames()).map(functions::col).toArray(Column[]::new));
    }

    private static Optional<String> modelFolder(Configuration conf, String dir) {
        return TextFiles.readIfPresent(conf, new Path(dir, RUN_SUMMARY).toString()).map(json -> {
            try {
                JsonNode folder = JsonMapper.builder().build().readTree(json).get("model_folder");
                return folder == null || folder.isNull() ? null : folder.asText();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot parse " + dir + "/" + RUN_SUMMARY + ": " + e.getMessage(), e);
            }
        });
    }
}

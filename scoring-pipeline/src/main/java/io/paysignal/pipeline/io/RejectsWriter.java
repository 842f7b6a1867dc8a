package io.paysignal.pipeline.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Writes a history's rejects as the single file {@code rejects.csv} of a run's output directory
 * (DATA-CONTRACT "Bad rows"): header {@code table,line,key,reason,raw}, RFC 4180 quoting (doubled quotes),
 * rows ordered by table (contract order), then line, then key.
 *
 * <p>The output directory may be local or any Hadoop URI. Spark writes one part file into a hidden
 * temporary directory inside it, which is then renamed to {@code rejects.csv} and removed, so no reader
 * ever sees a half-written {@code rejects.csv} under its final name.
 */
public final class RejectsWriter {

    /** The file name the contract gives the rejects. */
    public static final String FILE_NAME = "rejects.csv";
    /** The header line. */
    public static final String HEADER = "table,line,key,reason,raw";

    /** A writer; the session of the written dataset writes the file. */
    public RejectsWriter() {
    }

    /**
     * Writes {@code rejects} (schema {@link History#REJECTS_SCHEMA}) to {@code outputDir/rejects.csv},
     * replacing an earlier file, and returns the path written.
     */
    public String write(Dataset<Row> rejects, String outputDir) {
        return SingleCsvFile.write(ordered(rejects), outputDir, FILE_NAME, HEADER);
    }

    private static Dataset<Row> ordered(Dataset<Row> rejects) {
        Column tableOrder = lit(HistoryTable.values().length);
        for (HistoryTable table : HistoryTable.values()) {
            tableOrder = when(col("table").equalTo(table.tableName()), lit(table.ordinal())).otherwise(tableOrder);
        }
        // Sorting before coalesce(1) keeps the order: coalesce concatenates the sorted partitions in turn.
        return rejects.select("table", "line", "key", "reason", "raw")
                .orderBy(tableOrder, col("table"), col("line").asc_nulls_last(), col("key"), col("raw"));
    }
}

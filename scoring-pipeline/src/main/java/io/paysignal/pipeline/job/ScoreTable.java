package io.paysignal.pipeline.job;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The score table of DATA-CONTRACT section 4: its columns, in order, and their Spark types. */
public final class ScoreTable {

    private ScoreTable() {
    }

    /** The contract's columns, in the contract's order. */
    public static final StructType SCHEMA = new StructType(new StructField[] {
        DataTypes.createStructField("customer_id", DataTypes.StringType, false),
        DataTypes.createStructField("as_of", DataTypes.DateType, false),
        DataTypes.createStructField("risk_score", DataTypes.DoubleType, false),
        DataTypes.createStructField("risk_tier", DataTypes.StringType, false),
        DataTypes.createStructField("reason_codes", DataTypes.StringType, false),
        DataTypes.createStructField("action", DataTypes.StringType, false),
        DataTypes.createStructField("channel", DataTypes.StringType, true),
        DataTypes.createStructField("contact_at", DataTypes.TimestampType, true),
        DataTypes.createStructField("model_version", DataTypes.StringType, false),
    });

    /** The CSV header for {@code --format csv}. */
    public static final String CSV_HEADER = String.join(",", SCHEMA.fieldNames());

    /** The file name of the CSV form. */
    public static final String CSV_FILE = "scores.csv";
}

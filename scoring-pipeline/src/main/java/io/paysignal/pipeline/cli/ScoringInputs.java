package io.paysignal.pipeline.cli;

import io.paysignal.pipeline.io.ModelLocation;
import io.paysignal.pipeline.io.ModelStore;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.time.LocalDate;

/** The inputs of every command that scores with a trained model: history, as-of date and model. */
final class ScoringInputs {

    @Option(names = "--history", required = true, paramLabel = "DIR", description = "History directory (local or any Hadoop URI).")
    String history;

    @Option(names = "--as-of", required = true, paramLabel = "T", description = "As-of date yyyy-MM-dd.")
    LocalDate asOf;

    @Option(names = "--model", required = true, paramLabel = "DIR",
            description = "Model registry (its CURRENT version) or one version folder (local or any Hadoop URI).")
    ModelLocation model;

    /** The model as a local folder: a bundle on another file system is copied to a scratch folder until closed. */
    ModelStore.Local fetchModel(SparkSession spark) throws IOException {
        return ModelStore.fetch(model, spark.sparkContext().hadoopConfiguration());
    }
}

package io.paysignal.pipeline.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.LocalDate;

/** The inputs of every command that scores with a trained model: history, as-of date and model. */
final class ScoringInputs {

    @Option(names = "--history", required = true, paramLabel = "DIR", description = "History directory (local or any Hadoop URI).")
    String history;

    @Option(names = "--as-of", required = true, paramLabel = "T", description = "As-of date yyyy-MM-dd.")
    LocalDate asOf;

    @Option(names = "--model", required = true, paramLabel = "DIR",
            description = "Model registry (its CURRENT version) or one version folder (local path or file: URI).")
    Path model;
}

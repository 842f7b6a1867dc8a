package io.paysignal.pipeline.cli;

import picocli.CommandLine.Option;

/** Options every Spark-running sub-command shares. */
final class SparkOptions {

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master: local[*] (default, embedded) or a cluster URL such as spark://host:7077.")
    String master;

    @Option(names = "--max-reject-share", paramLabel = "SHARE", defaultValue = "0.01",
            description = "Fail when rejected rows exceed this share of the input (default: ${DEFAULT-VALUE}).")
    double maxRejectShare;

    @Option(names = "--default-currency", paramLabel = "ISO4217", defaultValue = "USD",
            description = "Currency for invoices whose currency is blank (default: ${DEFAULT-VALUE}).")
    String defaultCurrency;
}

package io.paysignal.pipeline.cli;

import io.paysignal.core.definition.DelinquencyLabel;
import picocli.CommandLine.Option;

/** The label's D and H (DATA-CONTRACT section 2). */
final class LabelOptions {

    @Option(names = "--dpd", paramLabel = "D", defaultValue = "30",
            description = "Days past due that make an invoice delinquent (default: ${DEFAULT-VALUE}).")
    int dpd;

    @Option(names = "--horizon", paramLabel = "H", defaultValue = "90",
            description = "Days after the as-of date the label looks ahead (default: ${DEFAULT-VALUE}).")
    int horizon;

    DelinquencyLabel label() {
        return new DelinquencyLabel(dpd, horizon);
    }
}

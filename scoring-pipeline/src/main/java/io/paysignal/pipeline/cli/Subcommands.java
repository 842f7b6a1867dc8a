package io.paysignal.pipeline.cli;

import java.util.List;

/** The sub-commands of {@code riskctl}, in the order {@code --help} lists them. */
final class Subcommands {

    private Subcommands() {
    }

    static List<Object> all() {
        return List.of(new GenerateCommand(), new TrainCommand(), new ScoreCommand(), new EvaluateCommand(),
                new EvaluateOutreachCommand(), new ModelsCommand(), new SegmentsCommand(), new DriftCommand());
    }
}

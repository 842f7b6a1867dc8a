package io.paysignal.pipeline.cli;

import io.paysignal.core.definition.DelinquencyLabel;
import io.paysignal.core.history.ContractRows;
import io.paysignal.pipeline.generate.GenerationSummary;
import io.paysignal.pipeline.generate.GeneratorConfig;
import io.paysignal.pipeline.generate.HistoryGenerator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code riskctl generate}: writes a realistic, contract-true sample history (customers, invoices, payments,
 * contacts as CSV) and the generator's truth under {@code OUT/truth/}. Same options, same bytes.
 */
@Command(name = "generate",
        mixinStandardHelpOptions = true,
        description = {
                "Generate a realistic sample history (contract CSV tables) plus the generator's truth in OUT/truth/.",
                "Same options and seed give byte-identical output, whatever --threads is."})
public final class GenerateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--customers", required = true, paramLabel = "N", description = "Number of customers.")
    private int customers;

    @Option(names = "--start", required = true, paramLabel = "DATE", converter = DateConverter.class,
            description = "First day of the history (yyyy-MM-dd).")
    private LocalDate start;

    @Option(names = "--end", required = true, paramLabel = "DATE", converter = DateConverter.class,
            description = "Last day of the history (yyyy-MM-dd).")
    private LocalDate end;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created if missing).")
    private Path out;

    @Option(names = "--truth-as-of", paramLabel = "DATE", converter = DateConverter.class,
            description = "As-of date for truth/label_probability.csv; repeatable. Default: end minus the horizon.")
    private List<LocalDate> truthAsOf = new ArrayList<>();

    @Option(names = "--dpd", paramLabel = "D", defaultValue = "30",
            description = "Label threshold D in days past due (default: ${DEFAULT-VALUE}).")
    private int dpd;

    @Option(names = "--horizon", paramLabel = "H", defaultValue = "90",
            description = "Label horizon H in days (default: ${DEFAULT-VALUE}).")
    private int horizon;

    @Option(names = "--legacy-calls-local-hours",
            description = "The legacy policy's agents call 09:00-19:00 on the customer's local weekdays instead of"
                    + " 13:00-20:00 UTC on UTC weekdays (default: off, as the histories generated so far).")
    boolean legacyCallsInLocalHours;

    @Option(names = "--truth-samples", paramLabel = "K", defaultValue = "64",
            description = "Monte Carlo re-simulations per customer and as-of date (default: ${DEFAULT-VALUE}).")
    private int truthSamples;

    @Option(names = "--threads", paramLabel = "T",
            description = "Simulation threads (default: up to 2, as many as there are processors).")
    private Integer threads;

    @Override
    public Integer call() throws Exception {
        DelinquencyLabel label = new DelinquencyLabel(dpd, horizon);
        List<LocalDate> asOf = truthAsOf.isEmpty()
                ? List.of(GeneratorConfig.defaultTruthAsOf(start, end, label)) : truthAsOf;
        int threadCount = threads != null ? threads : Math.min(2, Runtime.getRuntime().availableProcessors());
        GeneratorConfig config = new GeneratorConfig(customers, start, end, seed, out, asOf, label, truthSamples,
                threadCount, legacyCallsInLocalHours);
        GenerationSummary summary = new HistoryGenerator(config).generate();
        spec.commandLine().getOut().print(summary.describe());
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** Parses dates with the contract's own syntax. */
    static final class DateConverter implements CommandLine.ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return ContractRows.parseDate(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a yyyy-MM-dd date");
            }
        }
    }
}

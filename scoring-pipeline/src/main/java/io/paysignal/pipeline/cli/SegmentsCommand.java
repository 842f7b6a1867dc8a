package io.paysignal.pipeline.cli;

import io.paysignal.core.portfolio.ReportingCurrency;
import io.paysignal.pipeline.io.ExchangeRatesFile;
import io.paysignal.pipeline.io.ReaderConfig;
import io.paysignal.pipeline.job.KpiSummary;
import io.paysignal.pipeline.job.SegmentsJob;
import io.paysignal.pipeline.spark.SparkSessions;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code riskctl segments}: the portfolio by segment and its KPIs as of T (docs/KPIS.md). */
@Command(name = "segments", mixinStandardHelpOptions = true,
        description = "Segment table (segment x risk tier x DPD bucket x preferred channel x currency), per-customer"
                + " portfolio rows and portfolio KPIs (DSO, best possible DSO, average days delinquent, CEI, roll"
                + " rates) as of T, from a history and the score table for T; published atomically.")
final class SegmentsCommand implements Callable<Integer> {

    @Option(names = "--history", required = true, paramLabel = "DIR", description = "History directory (local or any Hadoop URI).")
    String history;

    @Option(names = "--as-of", required = true, paramLabel = "T", description = "As-of date yyyy-MM-dd; the scores must be for T.")
    LocalDate asOf;

    @Option(names = "--scores", required = true, paramLabel = "DIR",
            description = "A `riskctl score` output directory for T (Parquet part files or scores.csv).")
    String scores;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (local or any Hadoop URI).")
    String out;

    @Option(names = "--fx-rates", paramLabel = "FILE",
            description = "CSV currency,rate (units of the currency per unit of the reporting currency): convert every"
                    + " amount to the reporting currency. Without it amounts stay in invoice currencies, per currency.")
    String fxRates;

    @Option(names = "--reporting-currency", paramLabel = "ISO4217",
            description = "The currency --fx-rates converts to (default: USD).")
    String reportingCurrency;

    @Option(names = "--kpi-months", paramLabel = "N", defaultValue = "12",
            description = "Months of KPIs, ending on T (default: ${DEFAULT-VALUE}); months before the history are left out.")
    int kpiMonths;

    @Mixin
    LabelOptions labelOptions = new LabelOptions();

    @Mixin
    SparkOptions sparkOptions = new SparkOptions();

    @Override
    public Integer call() {
        SparkSession spark = SparkSessions.start("riskctl-segments", sparkOptions.master);
        try {
            ReportingCurrency reporting = reporting(spark);
            SegmentsJob.Config config = new SegmentsJob.Config(history, asOf, scores, out, labelOptions.label(),
                    reporting, kpiMonths, new ReaderConfig(sparkOptions.defaultCurrency, sparkOptions.maxRejectShare));
            SegmentsJob.Outcome outcome = SegmentsJob.run(spark, config);
            System.out.print(KpiSummary.text(outcome, config));
            return 0;
        } finally {
            spark.stop();
        }
    }

    private ReportingCurrency reporting(SparkSession spark) {
        if (fxRates == null) {
            if (reportingCurrency != null) {
                throw new IllegalArgumentException("--reporting-currency needs --fx-rates to convert with");
            }
            return ReportingCurrency.invoiceCurrencies();
        }
        String code = reportingCurrency == null ? "USD" : reportingCurrency.trim().toUpperCase(Locale.ROOT);
        return ReportingCurrency.convertedTo(code,
                ExchangeRatesFile.read(spark.sparkContext().hadoopConfiguration(), fxRates));
    }
}

package io.paysignal.core.bench;

import io.paysignal.core.feature.FeatureExtractor;
import io.paysignal.core.feature.FeatureVector;
import io.paysignal.core.history.CustomerHistory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

/**
 * Feature extraction for one customer: the 60 features of {@link FeatureExtractor} as of T over the busiest
 * customer's history (most invoices) in a generated history folder. Run by {@code bench/jmh.sh}, never by
 * {@code mvn verify} (no test class name pattern matches).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FeatureExtractionBenchmark {

    /** A contract history folder, e.g. {@code riskctl generate} output. */
    @Param("data-samples/history")
    public String history;

    /** The as-of date. */
    @Param("2025-12-31")
    public String asOf;

    private final FeatureExtractor extractor = new FeatureExtractor();
    private CustomerHistory customer;
    private LocalDate date;

    @Setup
    public void load() {
        customer = SampleHistories.busiestCustomer(Path.of(history), 500);
        date = LocalDate.parse(asOf);
        System.out.printf("%n[customer %s: %d invoices, %d payments, %d contacts]%n", customer.customerId(),
                customer.invoices().size(), customer.payments().size(), customer.contacts().size());
    }

    @Benchmark
    public FeatureVector extractOneCustomer() {
        return extractor.extract(customer, date);
    }
}

package io.paysignal.core.bench;

import io.paysignal.core.bundle.BundleReader;
import io.paysignal.core.bundle.ModelBundle;
import io.paysignal.core.bundle.ModelRegistry;
import io.paysignal.core.feature.FeatureExtractor;
import io.paysignal.core.feature.FeatureVector;
import io.paysignal.core.model.ScoredRisk;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Scoring one customer with a real bundle: {@link ModelBundle#score} (model, calibration, tier and reason codes,
 * which cost one extra model row per feature that differs from its reference value) against
 * {@link ModelBundle#rawScores} (the model alone), so the share of the reason codes shows. The bundle is a
 * registry or version folder given as a parameter ({@code bench/jmh.sh} trains one per learner).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ScoringBenchmark {

    /** A model registry (its CURRENT version) or a version folder. */
    @Param("")
    public String bundle;

    /** The history the scored customer comes from. */
    @Param("data-samples/history")
    public String history;

    private ModelBundle model;
    private FeatureVector features;
    private List<FeatureVector> one;

    @Setup
    public void load() throws IOException {
        if (bundle.isBlank()) {
            throw new IllegalArgumentException("pass -p bundle=DIR (a model registry or version folder)");
        }
        model = new BundleReader().read(ModelRegistry.resolve(Path.of(bundle)));
        features = new FeatureExtractor().extract(SampleHistories.busiestCustomer(Path.of(history), 500),
                LocalDate.parse("2025-12-31"));
        one = List.of(features);
        System.out.printf("%n[bundle %s, learner %s]%n", model.version(), model.manifest().chosenCandidate());
    }

    @Benchmark
    public ScoredRisk scoreWithReasons() {
        return model.score(features);
    }

    @Benchmark
    public double[] modelOnly() {
        return model.rawScores(one);
    }
}

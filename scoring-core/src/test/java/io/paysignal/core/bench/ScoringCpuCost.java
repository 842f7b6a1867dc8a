package io.paysignal.core.bench;

import io.paysignal.core.bundle.BundleReader;
import io.paysignal.core.bundle.ModelBundle;
import io.paysignal.core.bundle.ModelRegistry;
import io.paysignal.core.feature.FeatureExtractor;
import io.paysignal.core.feature.FeatureVector;
import io.paysignal.core.history.CustomerHistory;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.impl.ArrayExample;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * CPU time (not wall time) per operation on the calling thread, for a shared machine where JMH's wall-clock
 * averages swing with other processes' load: feature extraction of one customer, scoring it with reason codes,
 * the model alone, and the model alone through Tribuo's generic example path with the same 1 + 60 rows the
 * reason codes need. Usage: {@code ScoringCpuCost BUNDLE_DIR HISTORY_DIR [SECONDS]} (bench/jmh.sh runs it).
 */
public final class ScoringCpuCost {

    private ScoringCpuCost() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = ModelRegistry.resolve(Path.of(args[0]));
        ModelBundle bundle = new BundleReader().read(folder);
        CustomerHistory customer = SampleHistories.busiestCustomer(Path.of(args[1]), 500);
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 5;
        LocalDate asOf = LocalDate.parse("2025-12-31");
        FeatureExtractor extractor = new FeatureExtractor();
        FeatureVector features = extractor.extract(customer, asOf);
        List<FeatureVector> one = List.of(features);
        Model<Label> model = tribuoModel(folder);
        String[] names = features.names().toArray(String[]::new);
        List<Example<Label>> reasonRows = new ArrayList<>();
        for (int i = 0; i <= names.length; i++) {
            reasonRows.add(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names, features.values().clone()));
        }
        System.out.printf("bundle %s (%s), customer %s: %d invoices, %d payments, %d contacts%n", bundle.version(),
                bundle.manifest().chosenCandidate(), customer.customerId(), customer.invoices().size(),
                customer.payments().size(), customer.contacts().size());
        report("extract features (one customer)", seconds, () -> extractor.extract(customer, asOf));
        report("score with reason codes (ModelBundle.score)", seconds, () -> bundle.score(features));
        report("model only, 1 row (ModelBundle.rawScores)", seconds, () -> bundle.rawScores(one));
        report("model only, 61 rows via Tribuo's example path", seconds, () -> model.predict(reasonRows));
        report("model only, 61 rows (ModelBundle.rawScores)", seconds, () -> bundle.rawScores(reasonVectors(features)));
    }

    private static void report(String name, double seconds, Supplier<Object> operation) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long warmEnd = System.nanoTime() + (long) (seconds * 0.4e9);
        while (System.nanoTime() < warmEnd) {
            operation.get();
        }
        long cpuStart = threads.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        long operations = 0;
        while (System.nanoTime() - wallStart < seconds * 1e9) {
            operation.get();
            operations++;
        }
        double cpuMicros = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e3 / operations;
        double wallMicros = (System.nanoTime() - wallStart) / 1e3 / operations;
        System.out.printf("%-48s cpu_us_per_op=%10.1f wall_us_per_op=%10.1f ops=%d%n", name, cpuMicros, wallMicros,
                operations);
    }

    /** The bundle's model read again as a plain Tribuo model (one prediction thread, as BundleReader sets). */
    private static Model<Label> tribuoModel(Path folder) throws java.io.IOException {
        Model<Label> model = Model.deserializeFromFile(folder.resolve("model.tribuo")).castModel(Label.class);
        if (model instanceof XGBoostModel<Label> trees) {
            trees.setNumThreads(1);
        }
        return model;
    }

    private static List<FeatureVector> reasonVectors(FeatureVector features) {
        List<FeatureVector> rows = new ArrayList<>();
        for (int i = 0; i <= features.names().size(); i++) {
            rows.add(features);
        }
        return rows;
    }
}

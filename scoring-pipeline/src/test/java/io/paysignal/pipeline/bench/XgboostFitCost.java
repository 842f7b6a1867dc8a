package io.paysignal.pipeline.bench;

import io.paysignal.core.bundle.PositiveClassScorer;
import io.paysignal.core.model.BinaryMetrics;
import io.paysignal.pipeline.train.CandidateSpec;
import io.paysignal.pipeline.train.TrainerConfig;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.xgboost.XGBoostTrainer.BoosterType;
import org.tribuo.common.xgboost.XGBoostTrainer.LoggingVerbosity;
import org.tribuo.common.xgboost.XGBoostTrainer.TreeMethod;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Bench-only main: wall and process CPU of one XGBoost fit per (tree method, threads) pair on synthetic rows
 * shaped like the training rows (60 features, ~10% positives, a non-linear truth), with the other settings of
 * the bundled trainer configuration. For choosing the tree method and thread count on a given machine; the
 * process CPU includes XGBoost's native threads (OpenMP spin-waiting shows up there).
 * Usage: {@code XgboostFitCost ROWS METHOD:THREADS...}, e.g. {@code 200000 exact:1 hist:1 hist:2}.
 */
public final class XgboostFitCost {

    private XgboostFitCost() {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(args[0]);
        CandidateSpec spec = TrainerConfig.bundled(TrainerConfig.DEFAULT_NAME).candidates().stream()
                .filter(c -> c.name().equals("xgboost")).findFirst().orElseThrow();
        List<String> names = IntStream.range(0, 60).mapToObj(i -> "f" + i).toList();
        Random random = new Random(7);
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("synthetic", factory), factory);
        List<double[]> test = new ArrayList<>();
        List<Boolean> testLabels = new ArrayList<>();
        for (int i = 0; i < rows + 50_000; i++) {
            double[] x = new double[names.size()];
            for (int j = 0; j < x.length; j++) {
                // Like the real features: many zeros and counts, some continuous.
                x[j] = j % 3 == 0 ? random.nextInt(6) : j % 3 == 1 ? Math.max(0, random.nextGaussian()) : random.nextGaussian();
            }
            double logit = -3.0 + 0.5 * x[0] + 0.8 * x[1] * x[2] + (x[4] > 1 ? 1.0 : 0.0) + 0.4 * Math.sin(3 * x[5]);
            boolean y = random.nextDouble() < 1 / (1 + Math.exp(-logit));
            if (i < rows) {
                data.add(PositiveClassScorer.example(names, x, y));
            } else {
                test.add(x);
                testLabels.add(y);
            }
        }
        boolean[] labels = new boolean[testLabels.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = testLabels.get(i);
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (String variant : args) {
            if (!variant.contains(":")) {
                continue;
            }
            String[] parts = variant.split(":");
            TreeMethod method = TreeMethod.valueOf(parts[0].toUpperCase(Locale.ROOT));
            int nThreads = Integer.parseInt(parts[1]);
            Trainer<Label> trainer = new XGBoostClassificationTrainer(BoosterType.GBTREE, method,
                    spec.intParameter("trees"), spec.doubleParameter("eta"), spec.doubleParameter("gamma"),
                    spec.intParameter("max.depth"), spec.doubleParameter("min.child.weight"),
                    spec.doubleParameter("subsample"), spec.doubleParameter("feature.subsample"),
                    spec.doubleParameter("lambda"), spec.doubleParameter("alpha"), nThreads,
                    LoggingVerbosity.SILENT, 20240601L);
            double load = os.getSystemLoadAverage();
            long cpu0 = os.getProcessCpuTime();
            long wall0 = System.nanoTime();
            Model<Label> model = trainer.train(data);
            double wall = (System.nanoTime() - wall0) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            double auc = BinaryMetrics.auc(new PositiveClassScorer(model, names).positiveProbabilities(test), labels);
            System.out.printf(Locale.ROOT, "xgboost %s threads=%d rows=%d wall_s=%.1f process_cpu_s=%.1f test_auc=%.4f"
                    + " load1_before=%.2f load1_after=%.2f%n", parts[0], nThreads, rows, wall, cpu, auc, load,
                    os.getSystemLoadAverage());
        }
    }
}

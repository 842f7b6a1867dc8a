package io.paysignal.pipeline.train;

import io.paysignal.core.bundle.BundleManifest;
import io.paysignal.core.bundle.BundleWriter;
import io.paysignal.core.bundle.CandidateReport;
import io.paysignal.core.bundle.ModelBundle;
import io.paysignal.core.bundle.PositiveClassScorer;
import io.paysignal.core.bundle.SerializedModel;
import io.paysignal.core.bundle.TrainingWindow;
import io.paysignal.core.model.BinaryMetrics;
import io.paysignal.core.model.IsotonicCalibration;
import io.paysignal.core.model.MetricSummary;
import io.paysignal.core.model.ReasonCode;
import io.paysignal.core.model.TierCutoffs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Trains, compares, calibrates and packages a delinquency model from labelled snapshots.
 *
 * <ol>
 *   <li><b>Cap</b>: above {@link TrainerConfig#maxTrainingRows()} rows, whole customers are kept by seeded hash
 *       ({@link CustomerSample#capRows}), so memory is bounded by the cap whatever the history size.</li>
 *   <li><b>Time-ordered split</b>: the latest snapshot is held out for validation; every earlier snapshot is
 *       used for fitting. Nothing from the validation snapshot's rows reaches a fitted model.</li>
 *   <li><b>Candidates</b>: each configured learner is fitted with the configured seed on a fresh trainer and
 *       scored on the validation snapshot; the highest validation AUC wins (earlier candidate on a tie). Every
 *       candidate's AUC, KS, Brier and ECE (of its raw scores) goes into the manifest.</li>
 *   <li><b>No refit</b>: the chosen model stays the one fitted on the earlier snapshots. Refitting on all
 *       snapshots would leave the calibration and the reported metrics describing a different model; keeping
 *       the fitted model means what was validated is exactly what ships, at the cost of not learning from the
 *       newest snapshot.</li>
 *   <li><b>Calibration</b>: isotonic, fitted on the chosen model's validation scores. The calibrated metrics
 *       recorded are out-of-sample: validation customers are split in two by hash, and each half is calibrated
 *       by a fit on the other.</li>
 *   <li><b>Tier cut-offs and reference values</b>: cut-offs by share of the calibrated validation scores;
 *       reference (typical) values are the fitting rows' per-feature medians.</li>
 * </ol>
 *
 * <p>The same rows, request and configuration give the same model and scores: seeds are fixed and no step
 * depends on row order beyond the input order itself.
 */
public final class ModelTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(ModelTrainer.class);

    private final TrainerConfig config;

    public ModelTrainer(TrainerConfig config) {
        this.config = config;
    }

    /**
     * Trains on rows from at least two snapshots.
     *
     * @param rows labelled rows; all with the same feature names, both labels present in the fitting
     *        snapshots and in the latest snapshot
     * @throws IllegalArgumentException when the rows cannot support training, saying why
     */
    public TrainingResult train(List<TrainingRow> rows, TrainingRequest request) {
        long started = System.nanoTime();
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no training rows");
        }
        List<String> names = rows.get(0).features().names();
        for (TrainingRow row : rows) {
            if (!row.features().names().equals(names)) {
                throw new IllegalArgumentException("training rows disagree on feature names: customer "
                        + row.customerId() + " as of " + row.snapshot());
            }
        }
        List<TrainingRow> capped = CustomerSample.capRows(rows, TrainingRow::customerId,
                config.maxTrainingRows(), config.seed());
        if (capped.size() < rows.size()) {
            LOG.info("capped {} training rows to {} by customer hash", rows.size(), capped.size());
        }
        TreeSet<LocalDate> snapshots = new TreeSet<>();
        capped.forEach(r -> snapshots.add(r.snapshot()));
        if (snapshots.size() < 2) {
            throw new IllegalArgumentException("training needs at least two snapshot dates (earlier ones to fit,"
                    + " the latest to validate), got " + snapshots);
        }
        LocalDate validationAsOf = snapshots.last();
        List<TrainingRow> fitting = capped.stream().filter(r -> r.snapshot().isBefore(validationAsOf)).toList();
        List<TrainingRow> validation = capped.stream().filter(r -> r.snapshot().equals(validationAsOf)).toList();
        requireBothLabels(fitting, "fitting snapshots " + snapshots.headSet(validationAsOf));
        requireBothLabels(validation, "validation snapshot " + validationAsOf);

        long datasetStart = System.nanoTime();
        MutableDataset<Label> fitData = dataset(fitting, names, request, snapshots);
        LOG.info("fitting dataset: {} rows, {} validation rows, built in {} ms", fitting.size(), validation.size(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - datasetStart));
        List<double[]> validationValues = validation.stream().map(r -> r.features().values()).toList();
        boolean[] validationLabels = labels(validation);

        List<CandidateReport> reports = new ArrayList<>();
        Model<Label> bestModel = null;
        double[] bestRaw = null;
        CandidateReport best = null;
        for (CandidateSpec spec : config.candidates()) {
            long fitStart = System.nanoTime();
            Model<Label> model;
            try {
                model = CandidateTrainers.create(spec, config.seed()).train(fitData);
            } catch (RuntimeException e) {
                throw new IllegalStateException("candidate " + spec.name() + " failed to train: " + e.getMessage(), e);
            }
            long fitMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - fitStart);
            double[] raw = new PositiveClassScorer(model, names).positiveProbabilities(validationValues);
            MetricSummary metrics = BinaryMetrics.of(raw, validationLabels).summary();
            Map<String, String> hyperParameters = new TreeMap<>(spec.parameters());
            hyperParameters.put("seed", Long.toString(config.seed()));
            CandidateReport report = new CandidateReport(spec.name(), spec.kind().configName(), hyperParameters,
                    metrics, fitMillis);
            reports.add(report);
            LOG.info("candidate {}: validation AUC {} KS {} Brier {} ECE {} ({} ms)", spec.name(), metrics.auc(),
                    metrics.ks(), metrics.brier(), metrics.ece(), fitMillis);
            if (best == null || metrics.auc() > best.validation().auc()) {
                best = report;
                bestModel = model;
                bestRaw = raw;
            }
        }

        long finishStart = System.nanoTime();
        IsotonicCalibration calibration = IsotonicCalibration.fit(bestRaw, validationLabels);
        MetricSummary calibrated = crossFittedCalibration(bestRaw, validationLabels, validation);
        TierCutoffs cutoffs = TierCutoffs.fromTopShares(calibration.applyAll(bestRaw), config.highShare(),
                config.elevatedShare());
        Map<String, ReasonCode> catalog = new HashMap<>();
        request.reasonCatalog().forEach((feature, code) -> {
            if (names.contains(feature)) {
                catalog.put(feature, code);
            }
        });
        TrainingWindow window = new TrainingWindow(snapshots.first(), snapshots.last(), List.copyOf(snapshots),
                validationAsOf, fitting.size(), validation.size());
        Map<String, String> settings = new TreeMap<>(config.settings());
        settings.put("rows.input", Integer.toString(rows.size()));
        settings.put("rows.used", Integer.toString(capped.size()));

        SerializedModel serialized = SerializedModel.of(bestModel);
        BundleManifest manifest = new BundleManifest(BundleManifest.CURRENT_FORMAT_VERSION,
                request.featureSchemaVersion(), names, medians(fitting, names.size()), catalog, calibration,
                cutoffs, request.label(), window, request.dataFingerprint(), reports, best.name(), calibrated,
                settings, bestModel.getProvenance().toString(), request.gitCommit(), request.createdAt(),
                BundleWriter.MODEL_FILE, serialized.sha256());
        BundleWriter writer = new BundleWriter(manifest, serialized);
        ModelBundle bundle = ModelBundle.of(TrainingResult.UNPUBLISHED, manifest, bestModel);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        LOG.info("chose {} (validation AUC {}); calibrated out-of-sample ECE {}; calibration, cut-offs, medians and"
                + " serialisation {} ms; trained in {} ms", best.name(), best.validation().auc(), calibrated.ece(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - finishStart), millis);
        return new TrainingResult(writer, bundle, millis);
    }

    private MutableDataset<Label> dataset(List<TrainingRow> rows, List<String> names, TrainingRequest request,
                                          TreeSet<LocalDate> snapshots) {
        LabelFactory factory = new LabelFactory();
        String description = "paysignal snapshots " + snapshots.first() + ".." + snapshots.last() + " data "
                + request.dataFingerprint();
        MutableDataset<Label> dataset = new MutableDataset<>(new SimpleDataSourceProvenance(description,
                request.createdAt().atOffset(ZoneOffset.UTC), factory), factory);
        for (TrainingRow row : rows) {
            dataset.add(PositiveClassScorer.example(names, row.features().values(), row.delinquent()));
        }
        return dataset;
    }

    /**
     * Calibrated metrics that do not grade the calibration on its own fitting data: validation rows are
     * ordered by customer hash and split by alternating rank; each half is calibrated by a fit on the other.
     */
    private MetricSummary crossFittedCalibration(double[] raw, boolean[] labels, List<TrainingRow> validation) {
        int n = raw.length;
        long seed = config.seed();
        int[] byHash = IntStream.range(0, n).boxed()
                .sorted(Comparator.comparing((Integer i) -> CustomerSample.hash(validation.get(i).customerId(), seed),
                        Long::compareUnsigned).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
        boolean[] inFirstHalf = new boolean[n];
        for (int rank = 0; rank < n; rank += 2) {
            inFirstHalf[byHash[rank]] = true;
        }
        double[] calibrated = new double[n];
        for (boolean half : new boolean[] {true, false}) {
            List<Integer> fitOn = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (inFirstHalf[i] != half) {
                    fitOn.add(i);
                }
            }
            double[] fitScores = fitOn.stream().mapToDouble(i -> raw[i]).toArray();
            boolean[] fitLabels = new boolean[fitOn.size()];
            for (int k = 0; k < fitLabels.length; k++) {
                fitLabels[k] = labels[fitOn.get(k)];
            }
            IsotonicCalibration other = IsotonicCalibration.fit(fitScores, fitLabels);
            for (int i = 0; i < n; i++) {
                if (inFirstHalf[i] == half) {
                    calibrated[i] = other.apply(raw[i]);
                }
            }
        }
        return BinaryMetrics.of(calibrated, labels).summary();
    }

    /** Per-feature medians, computed a few columns at a time so the copy held is a few columns, not the table. */
    private static double[] medians(List<TrainingRow> rows, int width) {
        final int columnsPerPass = 8;
        double[] medians = new double[width];
        for (int from = 0; from < width; from += columnsPerPass) {
            int to = Math.min(width, from + columnsPerPass);
            double[][] columns = new double[to - from][rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                double[] values = rows.get(i).features().values();
                for (int j = from; j < to; j++) {
                    columns[j - from][i] = values[j];
                }
            }
            for (int j = from; j < to; j++) {
                double[] column = columns[j - from];
                Arrays.sort(column);
                int mid = column.length / 2;
                medians[j] = column.length % 2 == 1 ? column[mid] : (column[mid - 1] + column[mid]) / 2.0;
            }
        }
        return medians;
    }

    private static boolean[] labels(List<TrainingRow> rows) {
        boolean[] labels = new boolean[rows.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = rows.get(i).delinquent();
        }
        return labels;
    }

    private static void requireBothLabels(List<TrainingRow> rows, String what) {
        long positives = rows.stream().filter(TrainingRow::delinquent).count();
        if (positives == 0 || positives == rows.size()) {
            throw new IllegalArgumentException(what + " need both delinquent and non-delinquent customers; got "
                    + positives + " delinquent of " + rows.size());
        }
    }
}

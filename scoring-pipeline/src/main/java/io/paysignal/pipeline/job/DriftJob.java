package io.paysignal.pipeline.job;

import io.paysignal.core.bundle.BundleManifest;
import io.paysignal.core.bundle.BundleReader;
import io.paysignal.core.definition.DelinquencyLabel;
import io.paysignal.core.feature.FeatureNames;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.model.BinaryMetrics;
import io.paysignal.core.model.MetricSummary;
import io.paysignal.core.monitoring.MetricDecay;
import io.paysignal.core.monitoring.PopulationStability;
import io.paysignal.core.monitoring.QuantileBins;
import io.paysignal.pipeline.io.History;
import io.paysignal.pipeline.io.HistoryReader;
import io.paysignal.pipeline.io.ReaderConfig;
import io.paysignal.pipeline.spark.HistoryAssembler;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

/**
 * {@code riskctl drift}: compares two {@code riskctl score} outputs, a baseline and a current one (docs/MONITORING.md).
 * The score's PSI and every feature's CSI over bins cut at the baseline's deciles; with a labels history, AUC, KS,
 * Brier and ECE of each population whose labels the history covers, against the bundle's recorded validation
 * metrics and against each other. Quantiles and bin counts are computed by Spark; only counts reach the driver,
 * where {@code core.monitoring} does the arithmetic.
 */
public final class DriftJob {

    /**
     * Relative rank error of Spark's quantile sketch for the bin edges: exact on small tables, and on large ones
     * an edge off by at most 0.1% of the rows, which moves a bin's share by as much and the PSI negligibly.
     */
    public static final double QUANTILE_RELATIVE_ERROR = 1e-3;

    /** The score-table column monitored as the score. */
    public static final String SCORE = "risk_score";

    /**
     * @param baseline the baseline score output directory
     * @param current the current score output directory
     * @param bins bins per variable (cut at the baseline's quantiles), default 10
     * @param thresholdPsi a PSI or CSI above this is a breach
     * @param maxAucDrop when not null, an AUC drop above this (in any decay reported) is a breach
     * @param labelsHistory a history to compute labels from, or null for no label metrics
     * @param label the label definition, or null to take the bundle's (contract defaults when there is none)
     * @param reader reader settings for the labels history
     */
    public record Config(String baseline, String current, int bins, double thresholdPsi, Double maxAucDrop,
                         String labelsHistory, DelinquencyLabel label, ReaderConfig reader) {

        public Config {
            if (bins < 2) {
                throw new IllegalArgumentException("--bins must be at least 2, was " + bins);
            }
            if (!(thresholdPsi > 0)) {
                throw new IllegalArgumentException("--threshold-psi must be greater than 0, was " + thresholdPsi);
            }
            if (maxAucDrop != null && !(maxAucDrop >= 0)) {
                throw new IllegalArgumentException("--max-auc-drop must be at least 0, was " + maxAucDrop);
            }
        }
    }

    /** Whether a monitored variable is the score or an input feature. */
    public enum Kind {
        SCORE, FEATURE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The stability of one variable.
     *
     * @param variable the column name
     * @param kind score (PSI) or feature (CSI)
     * @param stability bins, counts and the index
     */
    public record VariableDrift(String variable, Kind kind, PopulationStability stability) {
    }

    /**
     * Metrics of one population against its observed labels, or of the bundle's validation.
     *
     * @param population {@code bundle_validation}, {@code baseline} or {@code current}
     * @param asOf the population's as-of date (the validation snapshot's for the bundle)
     * @param metrics the numbers
     */
    public record PopulationMetrics(String population, LocalDate asOf, MetricSummary metrics) {
    }

    /**
     * Everything {@code riskctl drift} reports.
     *
     * @param baselineAsOf the baseline's T
     * @param currentAsOf the current population's T
     * @param config the settings
     * @param drifts the score first, then features by decreasing index
     * @param notes what could not be computed and why
     * @param metrics label metrics that could be computed
     * @param decays changes of the metrics against the references
     * @param breaches why the run exceeds its thresholds; empty when it does not
     */
    public record Outcome(LocalDate baselineAsOf, LocalDate currentAsOf, Config config, List<VariableDrift> drifts,
                          List<String> notes, List<PopulationMetrics> metrics, List<MetricDecay> decays,
                          List<String> breaches) {
    }

    private DriftJob() {
    }

    public static Outcome run(SparkSession spark, Config config) {
        ScoreOutput baseline = ScoreOutput.read(spark, config.baseline());
        ScoreOutput current = ScoreOutput.read(spark, config.current());
        List<String> notes = new ArrayList<>();
        List<VariableDrift> drifts = new ArrayList<>();
        stability(baseline.scores(), current.scores(), List.of(SCORE), config.bins(), notes)
                .forEach((name, psi) -> drifts.add(new VariableDrift(name, Kind.SCORE, psi)));
        if (baseline.features() == null || current.features() == null) {
            notes.add("no CSI: " + (baseline.features() == null ? config.baseline() : config.current())
                    + " has no features/ snapshot");
        } else {
            List<String> features = featureColumns(baseline.features(), current.features(), notes);
            List<VariableDrift> featureDrifts = new ArrayList<>();
            stability(baseline.features(), current.features(), features, config.bins(), notes)
                    .forEach((name, psi) -> featureDrifts.add(new VariableDrift(name, Kind.FEATURE, psi)));
            featureDrifts.sort(Comparator.comparingDouble((VariableDrift d) -> d.stability().index()).reversed()
                    .thenComparing(VariableDrift::variable));
            drifts.addAll(featureDrifts);
        }

        List<PopulationMetrics> metrics = new ArrayList<>();
        List<MetricDecay> decays = new ArrayList<>();
        if (config.labelsHistory() != null) {
            labelMetrics(spark, config, baseline, current, notes, metrics, decays);
        }

        List<String> breaches = new ArrayList<>();
        for (VariableDrift drift : drifts) {
            double index = drift.stability().index();
            if (index > config.thresholdPsi()) {
                breaches.add(String.format(Locale.ROOT, "%s %s %.4f > %.4f", drift.kind() == Kind.SCORE ? "PSI of"
                        : "CSI of", drift.variable(), index, config.thresholdPsi()));
            }
        }
        if (config.maxAucDrop() != null) {
            for (MetricDecay decay : decays) {
                if (decay.aucDrop() > config.maxAucDrop()) {
                    breaches.add(String.format(Locale.ROOT, "AUC dropped %.4f (%s) > %.4f", decay.aucDrop(),
                            decay.reference(), config.maxAucDrop()));
                }
            }
        }
        return new Outcome(baseline.asOf(), current.asOf(), config, List.copyOf(drifts), List.copyOf(notes),
                List.copyOf(metrics), List.copyOf(decays), List.copyOf(breaches));
    }

    /** This build's feature columns present as numbers in both snapshots, in feature order. */
    private static List<String> featureColumns(Dataset<Row> baseline, Dataset<Row> current, List<String> notes) {
        Set<String> inBaseline = numericColumns(baseline.schema());
        Set<String> inCurrent = numericColumns(current.schema());
        List<String> both = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String name : FeatureNames.names()) {
            if (inBaseline.contains(name) && inCurrent.contains(name)) {
                both.add(name);
            } else {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            notes.add("no CSI for " + missing.size() + " features missing from a snapshot: " + String.join(", ", missing));
        }
        return both;
    }

    private static Set<String> numericColumns(StructType schema) {
        return Arrays.stream(schema.fields())
                .filter(f -> f.dataType() instanceof org.apache.spark.sql.types.NumericType)
                .map(StructField::name).collect(Collectors.toSet());
    }

    /**
     * PSI of each column between the two tables, bins cut at the baseline's quantiles. A column without any
     * baseline value, or with no rows on one side, gets a note instead.
     */
    static Map<String, PopulationStability> stability(Dataset<Row> baseline, Dataset<Row> current,
                                                      List<String> columns, int binCount, List<String> notes) {
        Map<String, PopulationStability> result = new LinkedHashMap<>();
        if (columns.isEmpty()) {
            return result;
        }
        Dataset<Row> base = castToDouble(baseline, columns);
        Dataset<Row> cur = castToDouble(current, columns);
        double[][] quantiles = base.stat().approxQuantile(columns.toArray(String[]::new),
                QuantileBins.probabilities(binCount), QUANTILE_RELATIVE_ERROR);
        Map<String, QuantileBins> bins = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            try {
                bins.put(columns.get(i), QuantileBins.fromQuantiles(quantiles[i]));
            } catch (IllegalArgumentException e) {
                notes.add("no PSI for " + columns.get(i) + ": the baseline has no values");
            }
        }
        Map<String, long[]> baseCounts = binCounts(base, bins);
        Map<String, long[]> curCounts = binCounts(cur, bins);
        for (Map.Entry<String, QuantileBins> entry : bins.entrySet()) {
            long[] b = baseCounts.get(entry.getKey());
            long[] c = curCounts.get(entry.getKey());
            boolean noBaseline = Arrays.stream(b).sum() == 0;
            if (noBaseline || Arrays.stream(c).sum() == 0) {
                notes.add("no PSI for " + entry.getKey() + ": no values in the "
                        + (noBaseline ? "baseline" : "current population"));
                continue;
            }
            result.put(entry.getKey(), new PopulationStability(entry.getValue(), b, c));
        }
        return result;
    }

    private static Dataset<Row> castToDouble(Dataset<Row> rows, List<String> columns) {
        return rows.select(columns.stream().map(c -> col(c).cast(DataTypes.DoubleType).as(c)).toArray(Column[]::new));
    }

    /**
     * Rows per bin of each variable, in one pass: a value's bin is the number of edges below it
     * ({@link QuantileBins#binOf}; NaN, which Spark orders above every number, lands in the last bin); nulls
     * are not counted.
     */
    static Map<String, long[]> binCounts(Dataset<Row> rows, Map<String, QuantileBins> bins) {
        Map<String, long[]> counts = new HashMap<>();
        List<Column> cells = new ArrayList<>();
        for (Map.Entry<String, QuantileBins> entry : bins.entrySet()) {
            counts.put(entry.getKey(), new long[entry.getValue().count()]);
            Column value = col(entry.getKey());
            Column bin = lit(0);
            for (double edge : entry.getValue().edges()) {
                bin = bin.plus(when(value.gt(lit(edge)), 1).otherwise(0));
            }
            cells.add(struct(lit(entry.getKey()).as("variable"),
                    when(value.isNull(), lit(null).cast(DataTypes.IntegerType)).otherwise(bin).as("bin")));
        }
        if (cells.isEmpty()) {
            return counts;
        }
        List<Row> tallies = rows.select(explode(array(cells.toArray(Column[]::new))).as("cell"))
                .select(col("cell.variable").as("variable"), col("cell.bin").as("bin"))
                .where(col("bin").isNotNull())
                .groupBy("variable", "bin").count()
                .collectAsList();
        for (Row tally : tallies) {
            counts.get(tally.getString(0))[tally.getInt(1)] = tally.getLong(2);
        }
        return counts;
    }

    private static void labelMetrics(SparkSession spark, Config config, ScoreOutput baseline, ScoreOutput current,
                                     List<String> notes, List<PopulationMetrics> metrics, List<MetricDecay> decays) {
        Optional<BundleManifest> currentBundle = manifest(current, notes);
        Optional<BundleManifest> baselineBundle = manifest(baseline, notes);
        DelinquencyLabel label = config.label() != null ? config.label()
                : currentBundle.or(() -> baselineBundle).map(BundleManifest::label).orElse(DelinquencyLabel.defaults());
        History history = new HistoryReader(spark, config.reader()).read(config.labelsHistory());
        JavaRDD<CustomerHistory> histories = null;
        try {
            HistoryFacts facts = HistoryFacts.of(history);
            histories = HistoryAssembler.byCustomer(history, null).persist(StorageLevel.MEMORY_AND_DISK_SER());
            Map<String, PopulationMetrics> observed = new LinkedHashMap<>();
            for (Map.Entry<String, ScoreOutput> side : List.of(Map.entry("baseline", baseline),
                    Map.entry("current", current))) {
                LocalDate asOf = side.getValue().asOf();
                LocalDate needed = label.observedThrough(asOf);
                if (facts.lastActivity() == null || facts.lastActivity().isBefore(needed)) {
                    notes.add(String.format(Locale.ROOT, "no label metrics for the %s as of %s: labels need history"
                            + " through %s, it ends %s", side.getKey(), asOf, needed, facts.lastActivity()));
                    continue;
                }
                try {
                    observed.put(side.getKey(), new PopulationMetrics(side.getKey(), asOf,
                            labelled(spark, histories, side.getValue(), label)));
                } catch (IllegalArgumentException e) {
                    notes.add("no label metrics for the " + side.getKey() + ": " + e.getMessage());
                }
            }
            metrics.addAll(observed.values());
            for (PopulationMetrics population : observed.values()) {
                Optional<BundleManifest> bundle = population.population().equals("current") ? currentBundle : baselineBundle;
                bundle.ifPresent(manifest -> {
                    PopulationMetrics validation = new PopulationMetrics("bundle_validation",
                            manifest.trainingWindow().validationAsOf(), manifest.chosenCalibrated());
                    if (metrics.stream().noneMatch(m -> m.population().equals("bundle_validation"))) {
                        metrics.add(0, validation);
                    }
                    decays.add(new MetricDecay(population.population() + " vs bundle validation",
                            manifest.chosenCalibrated(), population.metrics()));
                });
            }
            if (observed.containsKey("baseline") && observed.containsKey("current")) {
                decays.add(new MetricDecay("current vs baseline", observed.get("baseline").metrics(),
                        observed.get("current").metrics()));
            }
        } finally {
            if (histories != null) {
                histories.unpersist(false);
            }
            history.release();
        }
    }

    /** The population's scores against the labels of its customers active on its T. */
    private static MetricSummary labelled(SparkSession spark, JavaRDD<CustomerHistory> histories, ScoreOutput side,
                                          DelinquencyLabel label) {
        LocalDate asOf = side.asOf();
        StructType schema = new StructType().add("customer_id", DataTypes.StringType, false)
                .add("label", DataTypes.BooleanType, false);
        Dataset<Row> labels = spark.createDataFrame(histories.filter(h -> Snapshots.isActiveOn(h, asOf))
                .map(h -> RowFactory.create(h.customerId(), label.isDelinquent(h, asOf))), schema);
        List<Row> joined = side.scores().select("customer_id", SCORE).join(labels, "customer_id")
                .select(SCORE, "label").collectAsList();
        if (joined.isEmpty()) {
            throw new IllegalArgumentException("no scored customer is in the labels history");
        }
        double[] scores = new double[joined.size()];
        boolean[] labelValues = new boolean[joined.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = joined.get(i).getDouble(0);
            labelValues[i] = joined.get(i).getBoolean(1);
        }
        return BinaryMetrics.of(scores, labelValues).summary();
    }

    private static Optional<BundleManifest> manifest(ScoreOutput output, List<String> notes) {
        if (output.modelFolder() == null) {
            notes.add("no bundle validation metrics for " + output.dir() + ": its _run.json names no model folder");
            return Optional.empty();
        }
        try {
            return Optional.of(new BundleReader().readManifest(Path.of(output.modelFolder())));
        } catch (IOException | RuntimeException e) {
            notes.add("no bundle validation metrics for " + output.dir() + ": cannot read the manifest in "
                    + output.modelFolder() + " (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }
}

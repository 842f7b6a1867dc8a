package io.paysignal.pipeline.train;

import io.paysignal.core.bundle.BundleManifest;
import io.paysignal.core.bundle.BundleReader;
import io.paysignal.core.bundle.CandidateReport;
import io.paysignal.core.bundle.ModelBundle;
import io.paysignal.core.definition.DelinquencyLabel;
import io.paysignal.core.feature.FeatureVector;
import io.paysignal.core.model.BinaryMetrics;
import io.paysignal.core.model.MetricSummary;
import io.paysignal.core.model.ReasonCode;
import io.paysignal.core.model.ScoredRisk;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The trainer on synthetic snapshots whose true delinquency probability is a known non-linear logistic
 * function of 10 features (4 of them pure noise): 4 snapshots of 5,000 customers for training, a fifth,
 * later snapshot of 20,000 as an independent test set.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelTrainerTest {

    private static final List<String> FEATURES = IntStream.range(0, 10).mapToObj(i -> "x" + i).toList();
    private static final List<LocalDate> SNAPSHOTS = List.of(LocalDate.of(2025, 1, 31), LocalDate.of(2025, 2, 28),
            LocalDate.of(2025, 3, 31), LocalDate.of(2025, 4, 30));
    private static final LocalDate TEST_AS_OF = LocalDate.of(2025, 5, 31);
    private static final TrainingRequest REQUEST = new TrainingRequest("synthetic-v1", DelinquencyLabel.defaults(),
            Map.of("x1", new ReasonCode("EXTREME_X1", "x1 is far from typical"),
                    "not_a_model_feature", new ReasonCode("IGNORED", "dropped by the trainer")),
            "synthetic-seed-42", "abc1234", Instant.parse("2025-06-01T00:00:00Z"));

    private TrainerConfig config;
    private List<TrainingRow> training;
    private List<TrainingRow> test;
    private double[] testTruth;
    private TrainingResult result;

    /** The true logit: linear in x0, quadratic in x1, an x2*x3 interaction, a threshold on x4, a sine of x5. */
    static double trueProbability(double[] x) {
        double logit = -1.4 + 0.7 * x[0] + 0.8 * (x[1] * x[1] - 1) + 1.0 * x[2] * x[3]
                + (x[4] > 0.8 ? 1.2 : 0.0) + 0.6 * Math.sin(2 * x[5]);
        return 1.0 / (1.0 + Math.exp(-logit));
    }

    private static List<TrainingRow> snapshot(Random random, LocalDate asOf, int customers, List<Double> truth) {
        List<TrainingRow> rows = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            double[] x = new double[FEATURES.size()];
            for (int j = 0; j < x.length; j++) {
                x[j] = random.nextGaussian();
            }
            double p = trueProbability(x);
            truth.add(p);
            rows.add(new TrainingRow(new FeatureVector("c" + c, asOf, FEATURES, x), random.nextDouble() < p));
        }
        return rows;
    }

    @BeforeAll
    void trainOnce() throws IOException {
        config = TrainerConfig.bundled(TrainerConfig.DEFAULT_NAME);
        Random random = new Random(42);
        training = new ArrayList<>();
        for (LocalDate asOf : SNAPSHOTS) {
            training.addAll(snapshot(random, asOf, 5_000, new ArrayList<>()));
        }
        List<Double> truth = new ArrayList<>();
        test = snapshot(random, TEST_AS_OF, 20_000, truth);
        testTruth = truth.stream().mapToDouble(Double::doubleValue).toArray();
        result = new ModelTrainer(config).train(training, REQUEST);
        System.out.println("trained " + training.size() + " rows in " + result.trainingMillis() + " ms");
        for (CandidateReport candidate : result.manifest().candidates()) {
            System.out.println("candidate " + candidate.name() + " " + candidate.validation() + " fit "
                    + candidate.fitMillis() + " ms");
        }
    }

    private static List<FeatureVector> vectors(List<TrainingRow> rows) {
        return rows.stream().map(TrainingRow::features).toList();
    }

    private static boolean[] labels(List<TrainingRow> rows) {
        boolean[] labels = new boolean[rows.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = rows.get(i).delinquent();
        }
        return labels;
    }

    private CandidateReport candidate(String name) {
        return result.manifest().candidates().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void everyConfiguredCandidateIsReportedAndTheNonLinearLearnerBeatsLogisticRegression() {
        assertEquals(List.of("logistic", "xgboost", "fm"),
                result.manifest().candidates().stream().map(CandidateReport::name).toList());
        double logistic = candidate("logistic").validation().auc();
        double xgboost = candidate("xgboost").validation().auc();
        assertTrue(xgboost > logistic + 0.03, "xgboost " + xgboost + " vs logistic " + logistic);
        assertEquals("xgboost", result.manifest().chosenCandidate());
    }

    @Test
    void theChosenModelsValidationAucIsCloseToTheTrueProbabilitiesAuc() {
        List<TrainingRow> validation = training.stream()
                .filter(r -> r.snapshot().equals(SNAPSHOTS.get(3))).toList();
        double[] truth = validation.stream().mapToDouble(r -> trueProbability(r.features().values())).toArray();
        double bestPossible = BinaryMetrics.auc(truth, labels(validation));
        double chosen = result.manifest().chosenReport().validation().auc();
        System.out.println("validation AUC: true probabilities " + bestPossible + ", chosen " + chosen);
        assertTrue(chosen > bestPossible - 0.03, "chosen " + chosen + " vs true " + bestPossible);
        assertTrue(chosen <= bestPossible + 0.02, "a model cannot beat the truth by much: " + chosen);
    }

    @Test
    void calibratedScoresHaveSmallCalibrationErrorOutOfSampleAndOnANewSnapshot() {
        // The manifest's figure is pessimistic: each half is calibrated on only the other half (2,500 rows).
        MetricSummary crossFitted = result.manifest().chosenCalibrated();
        assertTrue(crossFitted.ece() < 0.03, "cross-fitted ECE " + crossFitted.ece());

        List<ScoredRisk> scored = result.bundle().scoreAll(vectors(test));
        double[] risk = scored.stream().mapToDouble(ScoredRisk::riskScore).toArray();
        BinaryMetrics onTest = BinaryMetrics.of(risk, labels(test));
        double rawEce = BinaryMetrics.ece(result.bundle().rawScores(vectors(test)), labels(test));
        System.out.println("test snapshot: calibrated " + onTest.summary() + "; raw ECE " + rawEce
                + "; true-probability AUC " + BinaryMetrics.auc(testTruth, labels(test)));
        System.out.println("cross-fitted calibrated validation " + crossFitted);
        System.out.println(new EvaluationReport("synthetic", TEST_AS_OF, onTest).toText());
        assertTrue(onTest.summary().ece() < 0.02, "test ECE " + onTest.summary().ece());
    }

    @Test
    void tiersFollowTheConfiguredSharesAndReasonsComeFromTheCatalog() {
        List<ScoredRisk> scored = result.bundle().scoreAll(vectors(test));
        long high = scored.stream().filter(s -> s.tier() == io.paysignal.core.policy.RiskTier.HIGH).count();
        double highShare = (double) high / scored.size();
        assertTrue(highShare > 0.06 && highShare < 0.14, "high share on a fresh snapshot " + highShare);
        BundleManifest manifest = result.manifest();
        assertEquals(Map.of("x1", new ReasonCode("EXTREME_X1", "x1 is far from typical")), manifest.reasonCodes());
        // x1 enters as x1^2: a customer with an extreme x1 and typical everything else has it as first reason.
        double[] extreme = manifest.referenceValues();
        extreme[1] = 3.0;
        ScoredRisk risk = result.bundle().score(new FeatureVector("c-extreme", TEST_AS_OF, FEATURES, extreme));
        assertEquals(List.of("EXTREME_X1"), risk.reasonCodes());
    }

    @Test
    void theManifestRecordsTheSplitSettingsAndProvenance() {
        BundleManifest manifest = result.manifest();
        assertEquals(SNAPSHOTS, manifest.trainingWindow().snapshotDates());
        assertEquals(SNAPSHOTS.get(3), manifest.trainingWindow().validationAsOf());
        assertEquals(15_000, manifest.trainingWindow().fitRows());
        assertEquals(5_000, manifest.trainingWindow().validationRows());
        assertEquals(TrainerConfig.DEFAULT_NAME, manifest.trainerSettings().get("config.version"));
        assertEquals("200", candidate("xgboost").hyperParameters().get("trees"));
        assertTrue(manifest.modelProvenance().contains("XGBoostClassificationTrainer"));
        assertEquals(REQUEST.createdAt(), manifest.createdAt());
        assertEquals("abc1234", manifest.gitCommit());
        assertEquals(FEATURES, manifest.featureNames());
        // Features are standard normal: medians near 0.
        assertTrue(Arrays.stream(manifest.referenceValues()).allMatch(m -> Math.abs(m) < 0.05));
    }

    @Test
    void theSameRowsAndSeedGiveIdenticalScores(@TempDir Path dir) throws IOException {
        TrainingResult again = new ModelTrainer(config).train(training, REQUEST);
        List<FeatureVector> sample = vectors(test.subList(0, 2_000));
        assertArrayEquals(result.bundle().rawScores(sample), again.bundle().rawScores(sample));
        assertEquals(result.manifest().candidates().stream().map(CandidateReport::validation).toList(),
                again.manifest().candidates().stream().map(CandidateReport::validation).toList());
        assertEquals(result.manifest().calibration(), again.manifest().calibration());

        // And the published form scores exactly like the in-memory one.
        again.writer().writeTo(dir.resolve("bundle"));
        ModelBundle read = new BundleReader().read(dir.resolve("bundle"), result.manifest().featureSchema());
        assertEquals(again.bundle().scoreAll(sample), read.scoreAll(sample));
    }

    @Test
    void aRowCapKeepsWholeCustomersAndIsRecorded() {
        TrainerConfig small = tinyConfig().withMaxTrainingRows(8_000);
        TrainingResult capped = new ModelTrainer(small).train(training, REQUEST);
        BundleManifest manifest = capped.manifest();
        long used = Long.parseLong(manifest.trainerSettings().get("rows.used"));
        assertTrue(used <= 8_000 && used > 7_900, "rows used " + used);
        assertEquals(used, manifest.trainingWindow().fitRows() + manifest.trainingWindow().validationRows());
        // Every kept customer keeps all four snapshots.
        assertEquals(0, used % 4);
    }

    @Test
    void refusesRowsThatCannotSupportATimeOrderedSplit() {
        ModelTrainer trainer = new ModelTrainer(tinyConfig());
        List<TrainingRow> oneSnapshot = training.stream().filter(r -> r.snapshot().equals(SNAPSHOTS.get(0))).toList();
        IllegalArgumentException single = assertThrows(IllegalArgumentException.class,
                () -> trainer.train(oneSnapshot, REQUEST));
        assertTrue(single.getMessage().contains("at least two snapshot dates"), single.getMessage());

        List<TrainingRow> noPositivesLast = new ArrayList<>(oneSnapshot);
        for (TrainingRow row : training.subList(15_000, 15_100)) {
            noPositivesLast.add(new TrainingRow(row.features(), false));
        }
        IllegalArgumentException oneLabel = assertThrows(IllegalArgumentException.class,
                () -> trainer.train(noPositivesLast, REQUEST));
        assertTrue(oneLabel.getMessage().contains("validation snapshot 2025-04-30 need both"), oneLabel.getMessage());

        List<TrainingRow> mixed = new ArrayList<>(training.subList(0, 10));
        mixed.add(new TrainingRow(new FeatureVector("z", SNAPSHOTS.get(1), List.of("other"), new double[] {1}), true));
        assertThrows(IllegalArgumentException.class, () -> trainer.train(mixed, REQUEST));
    }

    /** A fast configuration: one small logistic candidate. */
    private static TrainerConfig tinyConfig() {
        Properties properties = new Properties();
        properties.setProperty("config.version", "test-tiny");
        properties.setProperty("seed", "1");
        properties.setProperty("candidates", "logistic");
        properties.setProperty("rows.max", "100000");
        properties.setProperty("tiers.high.share", "0.1");
        properties.setProperty("tiers.elevated.share", "0.3");
        properties.setProperty("logistic.learner", "linear-sgd-logistic");
        properties.setProperty("logistic.epochs", "2");
        properties.setProperty("logistic.learning.rate", "0.1");
        properties.setProperty("logistic.epsilon", "0.1");
        properties.setProperty("logistic.minibatch", "16");
        return TrainerConfig.parse(properties, "test");
    }
}

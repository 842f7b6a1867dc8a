package io.paysignal.pipeline.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paysignal.core.definition.DelinquencyLabel;
import io.paysignal.core.feature.FeatureNames;
import io.paysignal.core.monitoring.PopulationStability;
import io.paysignal.core.monitoring.StabilityBand;
import io.paysignal.pipeline.io.ReaderConfig;
import io.paysignal.pipeline.io.SingleCsvFile;
import io.paysignal.pipeline.testsupport.HistoryFixtures;
import io.paysignal.pipeline.testsupport.SharedSparkSession;
import org.apache.spark.sql.Row;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spark's quantiles and bin counts against core's arithmetic on the same values, and what the report says. */
class DriftJobTest extends SharedSparkSession {

    private static final LocalDate BASE_DAY = LocalDate.parse("2025-09-30");
    private static final LocalDate CURRENT_DAY = LocalDate.parse("2025-12-31");
    private static final int ROWS = 400; // below 1000 rows Spark's quantile sketch is exact
    private static final String MOSTLY_ZERO = FeatureNames.names().get(0);
    private static final String SPREAD = FeatureNames.names().get(1);

    @TempDir
    Path tmp;

    private record Population(double[] scores, double[] mostlyZero, double[] spread) {
    }

    /** Scores in [0, 1], a feature that is 0 for about 70% of rows (ties at the edges) and a continuous one. */
    private static Population population(long seed, double scoreShift) {
        Random random = new Random(seed);
        double[] scores = new double[ROWS];
        double[] mostlyZero = new double[ROWS];
        double[] spread = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            scores[i] = Math.min(1, Math.max(0, random.nextDouble() * 0.5 + scoreShift));
            mostlyZero[i] = random.nextDouble() < 0.7 ? 0 : Math.floor(random.nextDouble() * 4) + 1;
            spread[i] = random.nextGaussian() * 100;
        }
        return new Population(scores, mostlyZero, spread);
    }

    private Path write(String name, LocalDate asOf, Population population, boolean asCsv) {
        Path dir = tmp.resolve(name);
        List<Row> rows = new ArrayList<>();
        double[][] features = new double[ROWS][];
        for (int i = 0; i < ROWS; i++) {
            rows.add(ScoreTables.score("C" + i, asOf, population.scores()[i], "low", "none", null, null));
            features[i] = new double[] {population.mostlyZero()[i], population.spread()[i]};
        }
        if (asCsv) {
            SingleCsvFile.write(spark.createDataFrame(rows, ScoreTable.SCHEMA), dir.toString(), ScoreTable.CSV_FILE,
                    ScoreTable.CSV_HEADER);
        } else {
            ScoreTables.writeParquet(spark, dir, rows);
        }
        ScoreTables.writeFeatures(spark, dir, asOf, List.of(MOSTLY_ZERO, SPREAD), features);
        return dir;
    }

    private DriftJob.Outcome drift(Path baseline, Path current, String labelsHistory, DelinquencyLabel label) {
        return DriftJob.run(spark, new DriftJob.Config(baseline.toString(), current.toString(), 10, 0.25, null,
                labelsHistory, label, ReaderConfig.defaults()));
    }

    @Test
    void sparkBinsAndCountsAgreeWithCoreOnTheSameValues() {
        Population base = population(1, 0);
        Population shifted = population(2, 0.2);

        DriftJob.Outcome outcome = drift(write("base", BASE_DAY, base, false), write("shifted", CURRENT_DAY, shifted, true),
                null, null);

        assertEquals(List.of(DriftJob.SCORE, MOSTLY_ZERO, SPREAD).size(), outcome.drifts().size());
        assertEquals(BASE_DAY, outcome.baselineAsOf());
        assertEquals(CURRENT_DAY, outcome.currentAsOf(), "the current side was read from scores.csv");
        assertSame(PopulationStability.of(base.scores(), shifted.scores(), 10), find(outcome, DriftJob.SCORE));
        assertSame(PopulationStability.of(base.mostlyZero(), shifted.mostlyZero(), 10), find(outcome, MOSTLY_ZERO));
        assertSame(PopulationStability.of(base.spread(), shifted.spread(), 10), find(outcome, SPREAD));
        assertTrue(find(outcome, MOSTLY_ZERO).bins().count() < 10, "ties at 0 merge the lower deciles");
    }

    @Test
    void aShiftedScoreBreachesTheThresholdAndSameDistributionsDoNot() {
        Path base = write("base2", BASE_DAY, population(3, 0), false);

        DriftJob.Outcome shifted = drift(base, write("moved", CURRENT_DAY, population(4, 0.2), false), null, null);
        DriftJob.Outcome same = drift(base, write("same", CURRENT_DAY, population(5, 0), false), null, null);

        assertEquals(StabilityBand.SIGNIFICANT, find(shifted, DriftJob.SCORE).band());
        assertEquals(1, shifted.breaches().size(), shifted.breaches().toString());
        assertTrue(shifted.breaches().get(0).startsWith("PSI of risk_score"), shifted.breaches().toString());
        assertEquals(List.of(), same.breaches());
        assertTrue(find(same, DriftJob.SCORE).index() < 0.1);
        assertTrue(same.notes().stream().anyMatch(n -> n.contains("features missing from a snapshot")));
    }

    @Test
    void labelMetricsForThePopulationsTheHistoryCovers() throws IOException {
        // On 2025-01-31 C1 (score 0.5) and C3 (0.01) are customers; with H = 30 C1's invoice A goes 30 days past
        // due unpaid on March 2, C3 paid: AUC 1. The history ends in March, too early for labels as of March 31.
        LocalDate january = LocalDate.parse("2025-01-31");
        LocalDate march = LocalDate.parse("2025-03-31");
        Path baseline = ScoreTables.writeParquet(spark, tmp.resolve("january"), List.of(
                ScoreTables.score("C1", january, 0.5, "high", "none", null, null),
                ScoreTables.score("C3", january, 0.01, "low", "none", null, null)));
        Path current = ScoreTables.writeParquet(spark, tmp.resolve("march"), List.of(
                ScoreTables.score("C1", march, 0.4, "high", "none", null, null),
                ScoreTables.score("C3", march, 0.02, "low", "none", null, null)));

        DriftJob.Outcome outcome = drift(baseline, current,
                HistoryFixtures.resource("/histories/portfolio-march-2025").toString(), new DelinquencyLabel(30, 30));

        assertEquals(1, outcome.metrics().size());
        DriftJob.PopulationMetrics metrics = outcome.metrics().get(0);
        assertEquals("baseline", metrics.population());
        assertEquals(2, metrics.metrics().count());
        assertEquals(1, metrics.metrics().positives());
        assertEquals(1.0, metrics.metrics().auc(), 1e-12);
        assertTrue(outcome.notes().stream().anyMatch(n -> n.contains("no label metrics for the current")),
                outcome.notes().toString());
        assertTrue(outcome.notes().stream().anyMatch(n -> n.contains("no CSI")), outcome.notes().toString());

        String written = DriftReport.write(spark.sparkContext().hadoopConfiguration(), outcome,
                tmp.resolve("report").toString());
        assertTrue(written.endsWith("report"));
        assertTrue(Files.readString(tmp.resolve("report/metrics.csv")).contains("baseline,2025-01-31,2,1,1.0,"));
        assertTrue(Files.readString(tmp.resolve("report/drift.csv")).startsWith(DriftReport.DRIFT_HEADER));
        assertTrue(DriftReport.text(outcome).contains("Label metrics"), DriftReport.text(outcome));
    }

    private static PopulationStability find(DriftJob.Outcome outcome, String variable) {
        return outcome.drifts().stream().filter(d -> d.variable().equals(variable)).findFirst().orElseThrow().stability();
    }

    private static void assertSame(PopulationStability expected, PopulationStability actual) {
        assertArrayEquals(expected.bins().edges(), actual.bins().edges(), 0.0);
        assertArrayEquals(expected.baselineCounts(), actual.baselineCounts());
        assertArrayEquals(expected.currentCounts(), actual.currentCounts());
        assertEquals(expected.index(), actual.index(), 1e-12);
    }

}

package io.paysignal.core.bundle;

import io.paysignal.core.testsupport.BundleFixtures;
import io.paysignal.core.testsupport.BundleFixtures.Learner;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PositiveClassScorerTest {

    @Test
    void xgboostRowsGoStraightToTheBoosterAndGiveExactlyTribuosProbabilities() {
        Model<Label> model = BundleFixtures.fit(Learner.XGBOOST, 11).model();
        PositiveClassScorer scorer = new PositiveClassScorer(model, BundleFixtures.FEATURES);
        List<double[]> rows = rowsWithZerosAndDuplicates(new Random(3), 300);

        double[] direct = scorer.positiveProbabilities(rows);

        assertTrue(scorer.feedsBoosterDirectly());
        double[] tribuo = tribuoProbabilities(model, BundleFixtures.FEATURES, rows);
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(tribuo[i], direct[i], 0.0, "row " + i);
        }
    }

    @Test
    void rowsInAnotherFeatureOrderThanTheModelsIdsAreMappedByName() {
        Model<Label> model = BundleFixtures.fit(Learner.XGBOOST, 5).model();
        List<String> reversed = new ArrayList<>(BundleFixtures.FEATURES);
        Collections.reverse(reversed);
        List<double[]> rows = rowsWithZerosAndDuplicates(new Random(9), 50);
        List<double[]> reversedRows = rows.stream().map(PositiveClassScorerTest::reverse).toList();

        double[] inOrder = new PositiveClassScorer(model, BundleFixtures.FEATURES).positiveProbabilities(rows);
        double[] inReverse = new PositiveClassScorer(model, reversed).positiveProbabilities(reversedRows);

        for (int i = 0; i < rows.size(); i++) {
            assertEquals(inOrder[i], inReverse[i], 0.0, "row " + i);
        }
    }

    @Test
    void otherLearnersKeepTribuosPath() {
        Model<Label> model = BundleFixtures.fit(Learner.LINEAR, 11).model();
        PositiveClassScorer scorer = new PositiveClassScorer(model, BundleFixtures.FEATURES);
        List<double[]> rows = rowsWithZerosAndDuplicates(new Random(4), 20);

        assertFalse(scorer.feedsBoosterDirectly());
        double[] tribuo = tribuoProbabilities(model, BundleFixtures.FEATURES, rows);
        double[] scored = scorer.positiveProbabilities(rows);
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(tribuo[i], scored[i], 0.0, "row " + i);
        }
    }

    @Test
    void aRowOfTheWrongWidthIsRefused() {
        PositiveClassScorer scorer = new PositiveClassScorer(BundleFixtures.fit(Learner.XGBOOST, 1).model(),
                BundleFixtures.FEATURES);

        assertThrows(IllegalArgumentException.class, () -> scorer.positiveProbabilities(List.of(new double[] {1, 2})));
    }

    private static List<double[]> rowsWithZerosAndDuplicates(Random random, int count) {
        List<double[]> rows = new ArrayList<>(BundleFixtures.rows(random, count));
        for (int i = 0; i < rows.size(); i += 3) {
            rows.get(i)[i % BundleFixtures.FEATURES.size()] = 0.0;
        }
        rows.add(new double[BundleFixtures.FEATURES.size()]);
        rows.add(rows.get(0).clone());
        return rows;
    }

    private static double[] tribuoProbabilities(Model<Label> model, List<String> names, List<double[]> rows) {
        String[] featureNames = names.toArray(String[]::new);
        List<Example<Label>> examples = new ArrayList<>();
        for (double[] row : rows) {
            examples.add(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, featureNames, row.clone()));
        }
        List<Prediction<Label>> predictions = model.predict(examples);
        return predictions.stream()
                .mapToDouble(p -> Math.min(1.0, Math.max(0.0, p.getOutputScores().get(PositiveClassScorer.POSITIVE).getScore())))
                .toArray();
    }

    private static double[] reverse(double[] row) {
        double[] reversed = new double[row.length];
        for (int i = 0; i < row.length; i++) {
            reversed[i] = row[row.length - 1 - i];
        }
        return reversed;
    }
}

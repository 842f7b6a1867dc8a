package io.paysignal.core.bundle;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.impl.ArrayExample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The one place that turns feature rows into Tribuo examples and a classification model's predictions into
 * the probability of label {@value #POSITIVE}. Training, validation and serving all go through it, so the
 * three cannot encode features differently.
 *
 * <p>For an XGBoost model it skips Tribuo's per-row example conversion, which builds an example per row, sorts its
 * named features and looks each name up in the feature map, and which cost about three quarters of scoring time
 * (one customer is 1 + up to 60 rows, for its reason codes). It fills the booster's sparse matrix straight from
 * the rows, exactly as Tribuo's {@code XGBoostTrainer.convertExamples} does (every known feature, zeros included,
 * in feature-id order, same column count), and reads the positive label's column of the booster's output. The
 * construction checks the two paths agree on a probe row and keeps Tribuo's path if they do not.
 */
public final class PositiveClassScorer {

    /** The label for a delinquent customer. */
    public static final String POSITIVE = "1";
    /** The label for a customer who is not delinquent. */
    public static final String NEGATIVE = "0";

    private final Model<Label> model;
    private final String[] featureNames;
    /** The booster and its column layout when the direct XGBoost path applies, else null. */
    private final DirectBooster direct;

    /**
     * @param model a classification model that predicts probabilities for label {@value #POSITIVE}
     * @param featureNames the order of the values in every row this scorer gets
     */
    public PositiveClassScorer(Model<Label> model, List<String> featureNames) {
        if (!model.generatesProbabilities()) {
            throw new IllegalArgumentException("model " + model.getName() + " does not produce probabilities");
        }
        boolean knowsPositive = model.getOutputIDInfo().getDomain().stream()
                .anyMatch(label -> label.getLabel().equals(POSITIVE));
        if (!knowsPositive) {
            throw new IllegalArgumentException("model does not predict label " + POSITIVE + ", only "
                    + model.getOutputIDInfo().getDomain());
        }
        this.model = model;
        this.featureNames = featureNames.toArray(String[]::new);
        this.direct = DirectBooster.of(model, this.featureNames);
    }

    /** A labelled training example for one row. */
    public static Example<Label> example(List<String> featureNames, double[] values, boolean delinquent) {
        return new ArrayExample<>(new Label(delinquent ? POSITIVE : NEGATIVE),
                featureNames.toArray(String[]::new), values.clone());
    }

    /** The probability of label {@value #POSITIVE} for each row, in order. */
    public double[] positiveProbabilities(List<double[]> rows) {
        for (double[] row : rows) {
            if (row.length != featureNames.length) {
                throw new IllegalArgumentException("expected " + featureNames.length + " values, got " + row.length);
            }
        }
        return direct != null ? direct.positiveProbabilities(rows) : throughTribuo(model, featureNames, rows);
    }

    private static double[] throughTribuo(Model<Label> model, String[] featureNames, List<double[]> rows) {
        List<Example<Label>> examples = new ArrayList<>(rows.size());
        for (double[] row : rows) {
            examples.add(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, featureNames, row.clone()));
        }
        List<Prediction<Label>> predictions = model.predict(examples);
        double[] probabilities = new double[predictions.size()];
        for (int i = 0; i < probabilities.length; i++) {
            Label positive = predictions.get(i).getOutputScores().get(POSITIVE);
            if (positive == null) {
                throw new IllegalStateException("prediction has no score for label " + POSITIVE);
            }
            // Clamp: float arithmetic inside a learner can overshoot [0, 1] by an ulp.
            probabilities[i] = Math.min(1.0, Math.max(0.0, positive.getScore()));
        }
        return probabilities;
    }

    /** True when predictions go straight to an XGBoost booster rather than through Tribuo's conversion. */
    boolean feedsBoosterDirectly() {
        return direct != null;
    }

    /**
     * An XGBoost model's booster fed directly: entry k of a row is the value at row position {@code positions[k]}
     * in model column {@code columns[k]}, in increasing column order; features the model never saw are left
     * out, as Tribuo leaves them out.
     */
    private record DirectBooster(Booster booster, int[] positions, int[] columns, int width, int positiveIndex) {

        static DirectBooster of(Model<Label> model, String[] featureNames) {
            if (!(model instanceof XGBoostModel<Label> trees) || trees.getInnerModels().size() != 1) {
                return null;
            }
            int width = model.getFeatureIDMap().size();
            Integer[] order = new Integer[featureNames.length];
            int known = 0;
            for (int j = 0; j < featureNames.length; j++) {
                if (model.getFeatureIDMap().getID(featureNames[j]) >= 0) {
                    order[known++] = j;
                }
            }
            Integer[] byId = Arrays.copyOf(order, known);
            Arrays.sort(byId, (a, b) -> Integer.compare(model.getFeatureIDMap().getID(featureNames[a]),
                    model.getFeatureIDMap().getID(featureNames[b])));
            int[] positions = new int[known];
            int[] columns = new int[known];
            for (int k = 0; k < known; k++) {
                positions[k] = byId[k];
                columns[k] = model.getFeatureIDMap().getID(featureNames[byId[k]]);
            }
            int positiveIndex = model.getOutputIDInfo().getID(new Label(POSITIVE));
            // getInnerModels() hands out a copy, which does not keep the model's thread setting: one thread, for
            // the reasons BundleReader gives.
            Booster booster = trees.getInnerModels().get(0);
            try {
                booster.setParam("nthread", 1);
            } catch (XGBoostError e) {
                return null;
            }
            DirectBooster direct = new DirectBooster(booster, positions, columns, width, positiveIndex);
            // Only when both paths give the same numbers on a probe row: anything else keeps Tribuo's path.
            double[] probe = new double[featureNames.length];
            for (int j = 0; j < probe.length; j++) {
                probe[j] = j % 3 == 0 ? 0.0 : j * 1.5;
            }
            try {
                double viaBooster = direct.positiveProbabilities(List.of(probe))[0];
                double viaTribuo = throughTribuo(model, featureNames, List.of(probe))[0];
                return viaBooster == viaTribuo ? direct : null;
            } catch (RuntimeException e) {
                return null;
            }
        }

        double[] positiveProbabilities(List<double[]> rows) {
            int n = rows.size();
            long[] headers = new long[n + 1];
            int[] indices = new int[n * columns.length];
            float[] data = new float[n * columns.length];
            int next = 0;
            for (int i = 0; i < n; i++) {
                double[] row = rows.get(i);
                for (int k = 0; k < columns.length; k++) {
                    indices[next] = columns[k];
                    data[next++] = (float) row[positions[k]];
                }
                headers[i + 1] = next;
            }
            DMatrix matrix = null;
            try {
                matrix = new DMatrix(headers, indices, data, DMatrix.SparseType.CSR, width);
                float[][] output = booster.predict(matrix);
                double[] probabilities = new double[n];
                for (int i = 0; i < n; i++) {
                    probabilities[i] = Math.min(1.0, Math.max(0.0, output[i][positiveIndex]));
                }
                return probabilities;
            } catch (XGBoostError e) {
                throw new IllegalStateException("XGBoost prediction failed: " + e.getMessage(), e);
            } finally {
                if (matrix != null) {
                    matrix.dispose();
                }
            }
        }
    }
}

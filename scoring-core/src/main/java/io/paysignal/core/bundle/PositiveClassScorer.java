package io.paysignal.core.bundle;

import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

import java.util.ArrayList;
import java.util.List;

/**
 * The one place that turns feature rows into Tribuo examples and a classification model's predictions into
 * the probability of label {@value #POSITIVE}. Training, validation and serving all go through it, so the
 * three cannot encode features differently.
 */
public final class PositiveClassScorer {

    /** The label for a delinquent customer. */
    public static final String POSITIVE = "1";
    /** The label for a customer who is not delinquent. */
    public static final String NEGATIVE = "0";

    private final Model<Label> model;
    private final String[] featureNames;

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
    }

    /** A labelled training example for one row. */
    public static Example<Label> example(List<String> featureNames, double[] values, boolean delinquent) {
        return new ArrayExample<>(new Label(delinquent ? POSITIVE : NEGATIVE),
                featureNames.toArray(String[]::new), values.clone());
    }

    /** The probability of label {@value #POSITIVE} for each row, in order. */
    public double[] positiveProbabilities(List<double[]> rows) {
        List<Example<Label>> examples = new ArrayList<>(rows.size());
        for (double[] row : rows) {
            if (row.length != featureNames.length) {
                throw new IllegalArgumentException("expected " + featureNames.length + " values, got " + row.length);
            }
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
}

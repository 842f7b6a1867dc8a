package io.paysignal.core.monitoring;

import io.paysignal.core.model.MetricSummary;

/**
 * How a model's metrics on a later population compare with a reference: the validation metrics recorded in
 * its bundle, or the metrics of a baseline population. Positive numbers are always a deterioration.
 *
 * @param reference where the reference numbers come from, e.g. {@code bundle validation} or {@code baseline}
 * @param before the reference metrics
 * @param after the later metrics
 */
public record MetricDecay(String reference, MetricSummary before, MetricSummary after) {

    public MetricDecay {
        if (reference == null || reference.isBlank() || before == null || after == null) {
            throw new IllegalArgumentException("a reference name and both metric summaries are required");
        }
    }

    /** AUC lost: before minus after (positive: worse ranking). */
    public double aucDrop() {
        return before.auc() - after.auc();
    }

    /** KS lost: before minus after. */
    public double ksDrop() {
        return before.ks() - after.ks();
    }

    /** Brier score gained: after minus before (positive: worse probabilities). */
    public double brierRise() {
        return after.brier() - before.brier();
    }

    /** Expected calibration error gained: after minus before (positive: worse calibration). */
    public double eceRise() {
        return after.ece() - before.ece();
    }
}

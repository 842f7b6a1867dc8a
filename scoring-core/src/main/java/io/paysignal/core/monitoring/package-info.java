/**
 * Model monitoring (docs/MONITORING.md): whether the population a model scores has moved away from a
 * baseline, and whether its discrimination and calibration have decayed.
 * {@link io.paysignal.core.monitoring.QuantileBins} cut a variable at its baseline deciles,
 * {@link io.paysignal.core.monitoring.PopulationStability} compares the baseline and current shares per bin
 * (PSI for the score, CSI for a feature) and {@link io.paysignal.core.monitoring.StabilityBand} names the usual
 * bands (below 0.1 stable, 0.1 to 0.25 moderate, above 0.25 significant);
 * {@link io.paysignal.core.monitoring.MetricDecay} compares AUC, KS, Brier and ECE with a reference.
 *
 * <p>Everything here works on counts and summaries, so the pipeline can bin and count in Spark and bring only
 * a few numbers per variable to the driver.
 */
package io.paysignal.core.monitoring;

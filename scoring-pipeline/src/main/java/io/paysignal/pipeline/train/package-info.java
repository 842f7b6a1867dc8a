/**
 * Model training: from labelled feature snapshots to a calibrated, published model bundle, plus the
 * evaluation report {@code riskctl evaluate} prints. Tribuo is used here and in {@code core.bundle} only;
 * Spark is not needed: the job collects (capped) training rows to the driver and hands them to
 * {@link io.paysignal.pipeline.train.ModelTrainer}.
 */
package io.paysignal.pipeline.train;

/**
 * Model-agnostic scoring mathematics: discrimination and calibration metrics ({@link
 * io.paysignal.core.model.BinaryMetrics}), the isotonic calibration that turns a model's raw probability into
 * the contract's risk score ({@link io.paysignal.core.model.IsotonicCalibration}), the tier cut-offs ({@link
 * io.paysignal.core.model.TierCutoffs}) and per-customer reason codes ({@link
 * io.paysignal.core.model.ReasonCodes}).
 *
 * <p>Nothing here knows Tribuo: everything works on {@code double} scores and {@code boolean} labels, so the
 * same code serves the trainer, the evaluator and the API. Tribuo stays behind {@code io.paysignal.core.bundle}.
 */
package io.paysignal.core.model;

/**
 * The response model: the probability that a contact on a given channel, at a given local hour and
 * weekday, reaches a given customer (outcome {@code reached} or {@code promise_to_pay}).
 *
 * <p>{@link io.paysignal.core.response.ResponseModel} is fitted from aggregated counts
 * ({@link io.paysignal.core.response.ResponseObservation}, which a Spark job can sum) with empirical-Bayes
 * shrinkage: channel rates toward the global rate, hour-of-day and weekday rates toward their channel,
 * segment rates toward the population. At decision time
 * {@link io.paysignal.core.response.CustomerResponse} shrinks the customer's own record toward those
 * population rates. {@link io.paysignal.core.response.ResponseModelSelection} chooses how much structure
 * the data supports by out-of-time log-loss, always against the global hour-of-day baseline
 * ({@link io.paysignal.core.response.ResponseEvaluation}).
 */
package io.paysignal.core.response;

/**
 * The sample-history generator behind {@code riskctl generate}: a per-customer simulation of invoicing,
 * payment behaviour (persistent lateness, financial-stress episodes, disputes, seasonality), an imperfect
 * legacy outreach policy and the customers' responsiveness, written as contract-true CSV tables plus the
 * generator's ground truth (true label probabilities and true response probabilities) under {@code truth/}.
 *
 * <p>Every customer is simulated from random streams derived from (seed, customer index), so the output is
 * byte-identical for the same arguments whatever the thread count, and customers stream to disk in order
 * in bounded memory.
 */
package io.paysignal.pipeline.generate;

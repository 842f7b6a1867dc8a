package io.paysignal.api.service;

import io.paysignal.core.history.CustomerHistory;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Decides the outreach for one scored customer at one instant: the seam to {@code io.paysignal.core.policy}.
 * Implementations must be thread-safe and honour the contract's rules (no outreach to a
 * {@code do_not_contact} customer, never an opted-out channel, inside the customer's contact hours, within
 * the contact-frequency limits given {@code history.contacts()}).
 */
@FunctionalInterface
public interface OutreachPlanner {

    /**
     * Plans the outreach.
     *
     * @param model the model that scored the customer (its bundle carries the outreach policy and response model)
     * @param history the customer's history (for a snapshot customer: {@code CustomerSnapshot.toHistory()})
     * @param asOf the date the score is for
     * @param score the model's score for the customer as of {@code asOf}
     * @param now the instant the decision is made; a recommended contact time is never before it
     */
    OutreachPlan plan(RiskModel model, CustomerHistory history, LocalDate asOf, ScoreResult score, Instant now);
}

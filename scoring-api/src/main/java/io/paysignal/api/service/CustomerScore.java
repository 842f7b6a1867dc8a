package io.paysignal.api.service;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * One customer's score row plus its outreach plan: what every scoring endpoint returns.
 *
 * @param customerId the customer
 * @param asOf the date the features and score are for
 * @param score the model's answer
 * @param outreach the recommended outreach
 * @param timezone the customer's zone, for showing {@code outreach.contactAt()} in local time
 * @param modelVersion the version of the model that scored
 */
public record CustomerScore(String customerId, LocalDate asOf, ScoreResult score, OutreachPlan outreach,
                            ZoneId timezone, String modelVersion) {

    public CustomerScore {
        if (customerId == null || asOf == null || score == null || outreach == null || timezone == null
                || modelVersion == null) {
            throw new IllegalArgumentException("every part of a customer score is required");
        }
    }
}

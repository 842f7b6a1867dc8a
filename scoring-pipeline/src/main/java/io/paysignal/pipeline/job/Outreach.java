package io.paysignal.pipeline.job;

import io.paysignal.core.bundle.OutreachSettings;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.model.ScoredRisk;
import io.paysignal.core.policy.OutreachDecision;
import io.paysignal.core.policy.OutreachPlanner;
import io.paysignal.core.response.ResponseModel;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The batch outreach step: for a customer scored as of T, the recommendation for the days after T, by the
 * bundle's policy and response model. No contact is proposed before the end of day T (UTC), the moment the
 * score's knowledge stops.
 */
public final class Outreach implements Serializable {

    private final OutreachPlanner planner;
    private final ResponseModel responseModel;

    public Outreach(OutreachSettings settings) {
        this.planner = new OutreachPlanner(settings.policy());
        this.responseModel = settings.responseModel();
    }

    /** The first instant a recommendation made as of {@code asOf} may name. */
    public static Instant earliestContact(LocalDate asOf) {
        return asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The recommendation for one scored customer. */
    public OutreachDecision decide(CustomerHistory history, LocalDate asOf, ScoredRisk risk) {
        return planner.decide(history, asOf, risk.tier(), earliestContact(asOf), responseModel);
    }
}

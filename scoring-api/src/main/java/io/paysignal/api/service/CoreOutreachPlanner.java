package io.paysignal.api.service;

import io.paysignal.core.bundle.OutreachSettings;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.policy.OutreachDecision;
import io.paysignal.core.response.ResponseModel;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The {@link OutreachPlanner} seam over scoring-core's planner: the same rules and response model as the
 * batch score table, decided for "now" instead of the day after the as-of date. A model that is not a
 * {@link BundleRiskModel} (no bundle settings) gets the default policy with an uninformed response model.
 */
public final class CoreOutreachPlanner implements OutreachPlanner {

    private static final OutreachSettings UNINFORMED = OutreachSettings.uninformed();

    @Override
    public OutreachPlan plan(RiskModel model, CustomerHistory history, LocalDate asOf, ScoreResult score, Instant now) {
        OutreachSettings settings = model instanceof BundleRiskModel bundle ? bundle.outreach() : UNINFORMED;
        ResponseModel responses = settings.responseModel();
        OutreachDecision decision = new io.paysignal.core.policy.OutreachPlanner(settings.policy())
                .decide(history, asOf, score.tier(), now, responses);
        return new OutreachPlan(decision.action().wireName(), decision.channel(), decision.contactAt(),
                decision.explanation());
    }
}

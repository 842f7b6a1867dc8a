package io.paysignal.api.service;

import io.paysignal.core.bundle.OutreachSettings;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.policy.OutreachConfig;
import io.paysignal.core.policy.OutreachDecision;
import io.paysignal.core.response.ResponseModel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@link OutreachPlanner} seam over scoring-core's planner: the same rules and response model as the
 * batch score table, decided for "now" instead of the day after the as-of date. A model that is not a
 * {@link BundleRiskModel} (no bundle settings) gets the default policy with an uninformed response model.
 */
public final class CoreOutreachPlanner implements OutreachPlanner {

    private static final OutreachSettings UNINFORMED = OutreachSettings.uninformed();

    /**
     * The core planner of the policy last planned with. The core planner caches its slot grids (pure
     * functions of the policy, a zone and a local date), so it is kept across requests rather than built per
     * request; a model reload brings another policy object and so another planner. Only the grids are cached,
     * never plans: a plan depends on "now".
     */
    private final AtomicReference<PolicyPlanner> current = new AtomicReference<>();

    @Override
    public OutreachPlan plan(RiskModel model, CustomerHistory history, LocalDate asOf, ScoreResult score, Instant now) {
        OutreachSettings settings = model instanceof BundleRiskModel bundle ? bundle.outreach() : UNINFORMED;
        ResponseModel responses = settings.responseModel();
        OutreachDecision decision = plannerFor(settings.policy()).decide(history, asOf, score.tier(), now, responses);
        return new OutreachPlan(decision.action().wireName(), decision.channel(), decision.contactAt(),
                decision.explanation());
    }

    private io.paysignal.core.policy.OutreachPlanner plannerFor(OutreachConfig policy) {
        PolicyPlanner known = current.get();
        if (known != null && known.policy() == policy) {
            return known.planner();
        }
        PolicyPlanner fresh = new PolicyPlanner(policy, new io.paysignal.core.policy.OutreachPlanner(policy));
        current.set(fresh);
        return fresh.planner();
    }

    private record PolicyPlanner(OutreachConfig policy, io.paysignal.core.policy.OutreachPlanner planner) {
    }
}

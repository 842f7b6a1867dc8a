package io.paysignal.api.http;

import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiName;
import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiPropertyType;
import io.paysignal.api.service.CustomerScore;
import io.paysignal.api.service.OutreachPlan;
import io.paysignal.api.service.ScoreResult;
import io.paysignal.core.model.ReasonCode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * One customer's score and outreach: the score table's row (DATA-CONTRACT section 4) plus the reasons and
 * the outreach explained in words, and the contact time in the customer's own zone.
 */
public record ScoreResponse(
        @OpenApiName("customer_id") String customerId,
        @OpenApiName("as_of") @OpenApiDescription("The as-of date T the features and score are for") LocalDate asOf,
        @OpenApiName("risk_score") @OpenApiDescription("Probability of the delinquency label, in [0, 1]")
        double riskScore,
        @OpenApiName("risk_tier") @OpenApiDescription("low, medium or high") String riskTier,
        @OpenApiName("reason_codes") @OpenApiDescription("Up to 3 reasons, strongest first")
        List<ScoreReason> reasonCodes,
        @OpenApiName("reason_codes_text") @OpenApiDescription("The codes ';'-joined, as in the score table")
        String reasonCodesText,
        @OpenApiDescription("none, reminder, payment_plan_offer or agent_call") String action,
        @OpenApiNullable @OpenApiDescription("email, sms, phone or letter; null when action is none")
        String channel,
        @OpenApiName("contact_at") @OpenApiNullable @OpenApiDescription("Recommended contact time, UTC")
        Instant contactAt,
        @OpenApiName("contact_at_local") @OpenApiNullable @OpenApiPropertyType(definedBy = Instant.class)
        @OpenApiDescription("The same instant in the customer's time zone, with its offset")
        OffsetDateTime contactAtLocal,
        @OpenApiDescription("The customer's IANA time zone") String timezone,
        @OpenApiName("outreach_explanation") @OpenApiDescription("Why this action, channel and time")
        String outreachExplanation,
        @OpenApiName("model_version") String modelVersion) {

    /**
     * One reason behind the score.
     *
     * @param code the score table's code
     * @param sentence the reason in words
     */
    public record ScoreReason(String code, String sentence) {
    }

    /** The response for a service result. */
    public static ScoreResponse of(CustomerScore score) {
        ScoreResult result = score.score();
        OutreachPlan plan = score.outreach();
        Instant contactAt = plan.contactAt();
        List<ScoreReason> reasons = new ArrayList<>(result.reasons().size());
        for (ReasonCode reason : result.reasons()) {
            reasons.add(new ScoreReason(reason.code(), reason.sentence()));
        }
        return new ScoreResponse(score.customerId(), score.asOf(), result.riskScore(), result.tier().wireName(),
                List.copyOf(reasons),
                result.reasonCodesText(), plan.action(), plan.channel() == null ? null : plan.channel().wireName(),
                contactAt, contactAt == null ? null : contactAt.atZone(score.timezone()).toOffsetDateTime(),
                score.timezone().getId(), plan.explanation(), score.modelVersion());
    }
}

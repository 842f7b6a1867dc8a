package io.paysignal.api.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.paysignal.api.service.CustomerScore;
import io.paysignal.api.service.OutreachPlan;
import io.paysignal.api.service.ScoreResult;
import io.paysignal.core.model.ReasonCode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes one {@link ScoreResponse} with the API mapper's own streaming generator, field by field, instead of
 * through bean serialization (property lookup, reflective accessors and java.time serializers per call cost
 * more than the by-id answer's outreach planning did).
 *
 * <p>Why the bytes are those {@code mapper.writerFor(ScoreResponse.class)} writes: the same generator (so the
 * same string escaping and number text: Jackson's {@code DoubleSerializer} calls
 * {@link JsonGenerator#writeNumber(double)} too), the snake_case names in record component order, nulls
 * written as {@code null}, and the java.time values in the text the JavaTimeModule writes with
 * {@code WRITE_DATES_AS_TIMESTAMPS} off: {@code LocalDate.toString()}, {@code Instant.toString()} (ISO_INSTANT)
 * and {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}. {@code ScoreResponseJsonTest} compares both byte for byte,
 * for responses and for service results written directly ({@link #write(CustomerScore)}).
 */
final class ScoreResponseJson {

    // Field names quoted and encoded once (the generator writes their bytes as they are; same text).
    private static final SerializedString CUSTOMER_ID = new SerializedString("customer_id");
    private static final SerializedString AS_OF = new SerializedString("as_of");
    private static final SerializedString RISK_SCORE = new SerializedString("risk_score");
    private static final SerializedString RISK_TIER = new SerializedString("risk_tier");
    private static final SerializedString REASON_CODES = new SerializedString("reason_codes");
    private static final SerializedString CODE = new SerializedString("code");
    private static final SerializedString SENTENCE = new SerializedString("sentence");
    private static final SerializedString REASON_CODES_TEXT = new SerializedString("reason_codes_text");
    private static final SerializedString ACTION = new SerializedString("action");
    private static final SerializedString CHANNEL = new SerializedString("channel");
    private static final SerializedString CONTACT_AT = new SerializedString("contact_at");
    private static final SerializedString CONTACT_AT_LOCAL = new SerializedString("contact_at_local");
    private static final SerializedString TIMEZONE = new SerializedString("timezone");
    private static final SerializedString OUTREACH_EXPLANATION = new SerializedString("outreach_explanation");
    private static final SerializedString MODEL_VERSION = new SerializedString("model_version");

    private final JsonFactory factory;

    ScoreResponseJson(ObjectMapper json) {
        this.factory = json.getFactory();
    }

    /** The response as UTF-8 JSON. */
    byte[] write(ScoreResponse response) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator gen = factory.createGenerator(out)) {
            List<ScoreResponse.ScoreReason> reasons = response.reasonCodes();
            writeHead(gen, response.customerId(), response.asOf(), response.riskScore(), response.riskTier());
            gen.writeFieldName(REASON_CODES);
            if (reasons == null) {
                gen.writeNull();
            } else {
                gen.writeStartArray();
                for (ScoreResponse.ScoreReason reason : reasons) {
                    if (reason == null) {
                        gen.writeNull();
                    } else {
                        writeReason(gen, reason.code(), reason.sentence());
                    }
                }
                gen.writeEndArray();
            }
            writeTail(gen, response.reasonCodesText(), response.action(), response.channel(), response.contactAt(),
                    response.contactAtLocal(), response.timezone(), response.outreachExplanation(),
                    response.modelVersion());
        }
        return out.toByteArray();
    }

    /**
     * The JSON of {@code ScoreResponse.of(score)}, written from the service result without building that
     * record and its list of reasons first (the by-id route's per-request path): every field is the value
     * {@link ScoreResponse#of} puts there, through the same generator calls as {@link #write(ScoreResponse)}.
     */
    byte[] write(CustomerScore score) throws IOException {
        ScoreResult result = score.score();
        OutreachPlan plan = score.outreach();
        Instant contactAt = plan.contactAt();
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator gen = factory.createGenerator(out)) {
            writeHead(gen, score.customerId(), score.asOf(), result.riskScore(), result.tier().wireName());
            gen.writeFieldName(REASON_CODES);
            gen.writeStartArray();
            for (ReasonCode reason : result.reasons()) {
                writeReason(gen, reason.code(), reason.sentence());
            }
            gen.writeEndArray();
            writeTail(gen, result.reasonCodesText(), plan.action(),
                    plan.channel() == null ? null : plan.channel().wireName(), contactAt,
                    contactAt == null ? null : contactAt.atZone(score.timezone()).toOffsetDateTime(),
                    score.timezone().getId(), plan.explanation(), score.modelVersion());
        }
        return out.toByteArray();
    }

    private static void writeHead(JsonGenerator gen, String customerId, LocalDate asOf, double riskScore,
                                  String riskTier) throws IOException {
        gen.writeStartObject();
        gen.writeFieldName(CUSTOMER_ID);
        gen.writeString(customerId);
        gen.writeFieldName(AS_OF);
        if (asOf == null) {
            gen.writeNull();
        } else {
            gen.writeString(asOf.toString());
        }
        gen.writeFieldName(RISK_SCORE);
        gen.writeNumber(riskScore);
        gen.writeFieldName(RISK_TIER);
        gen.writeString(riskTier);
    }

    private static void writeReason(JsonGenerator gen, String code, String sentence) throws IOException {
        gen.writeStartObject();
        gen.writeFieldName(CODE);
        gen.writeString(code);
        gen.writeFieldName(SENTENCE);
        gen.writeString(sentence);
        gen.writeEndObject();
    }

    private static void writeTail(JsonGenerator gen, String reasonCodesText, String action, String channel,
                                  Instant contactAt, OffsetDateTime contactAtLocal, String timezone,
                                  String explanation, String modelVersion) throws IOException {
        gen.writeFieldName(REASON_CODES_TEXT);
        gen.writeString(reasonCodesText);
        gen.writeFieldName(ACTION);
        gen.writeString(action);
        gen.writeFieldName(CHANNEL);
        gen.writeString(channel);
        gen.writeFieldName(CONTACT_AT);
        if (contactAt == null) {
            gen.writeNull();
        } else {
            gen.writeString(contactAt.toString());
        }
        gen.writeFieldName(CONTACT_AT_LOCAL);
        if (contactAtLocal == null) {
            gen.writeNull();
        } else {
            gen.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(contactAtLocal));
        }
        gen.writeFieldName(TIMEZONE);
        gen.writeString(timezone);
        gen.writeFieldName(OUTREACH_EXPLANATION);
        gen.writeString(explanation);
        gen.writeFieldName(MODEL_VERSION);
        gen.writeString(modelVersion);
        gen.writeEndObject();
    }
}

package io.paysignal.api.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.format.DateTimeFormatter;

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
 * and {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}. {@code ScoreResponseJsonTest} compares both byte for byte.
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
            gen.writeStartObject();
            gen.writeFieldName(CUSTOMER_ID);
            gen.writeString(response.customerId());
            gen.writeFieldName(AS_OF);
            if (response.asOf() == null) {
                gen.writeNull();
            } else {
                gen.writeString(response.asOf().toString());
            }
            gen.writeFieldName(RISK_SCORE);
            gen.writeNumber(response.riskScore());
            gen.writeFieldName(RISK_TIER);
            gen.writeString(response.riskTier());
            gen.writeFieldName(REASON_CODES);
            if (response.reasonCodes() == null) {
                gen.writeNull();
            } else {
                gen.writeStartArray();
                for (ScoreResponse.ScoreReason reason : response.reasonCodes()) {
                    if (reason == null) {
                        gen.writeNull();
                        continue;
                    }
                    gen.writeStartObject();
                    gen.writeFieldName(CODE);
            gen.writeString(reason.code());
                    gen.writeFieldName(SENTENCE);
            gen.writeString(reason.sentence());
                    gen.writeEndObject();
                }
                gen.writeEndArray();
            }
            gen.writeFieldName(REASON_CODES_TEXT);
            gen.writeString(response.reasonCodesText());
            gen.writeFieldName(ACTION);
            gen.writeString(response.action());
            gen.writeFieldName(CHANNEL);
            gen.writeString(response.channel());
            gen.writeFieldName(CONTACT_AT);
            if (response.contactAt() == null) {
                gen.writeNull();
            } else {
                gen.writeString(response.contactAt().toString());
            }
            gen.writeFieldName(CONTACT_AT_LOCAL);
            if (response.contactAtLocal() == null) {
                gen.writeNull();
            } else {
                gen.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(response.contactAtLocal()));
            }
            gen.writeFieldName(TIMEZONE);
            gen.writeString(response.timezone());
            gen.writeFieldName(OUTREACH_EXPLANATION);
            gen.writeString(response.outreachExplanation());
            gen.writeFieldName(MODEL_VERSION);
            gen.writeString(response.modelVersion());
            gen.writeEndObject();
        }
        return out.toByteArray();
    }
}

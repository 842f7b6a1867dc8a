package io.paysignal.api.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
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

    private final JsonFactory factory;

    ScoreResponseJson(ObjectMapper json) {
        this.factory = json.getFactory();
    }

    /** The response as UTF-8 JSON. */
    byte[] write(ScoreResponse response) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator gen = factory.createGenerator(out)) {
            gen.writeStartObject();
            gen.writeStringField("customer_id", response.customerId());
            gen.writeFieldName("as_of");
            if (response.asOf() == null) {
                gen.writeNull();
            } else {
                gen.writeString(response.asOf().toString());
            }
            gen.writeNumberField("risk_score", response.riskScore());
            gen.writeStringField("risk_tier", response.riskTier());
            gen.writeFieldName("reason_codes");
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
                    gen.writeStringField("code", reason.code());
                    gen.writeStringField("sentence", reason.sentence());
                    gen.writeEndObject();
                }
                gen.writeEndArray();
            }
            gen.writeStringField("reason_codes_text", response.reasonCodesText());
            gen.writeStringField("action", response.action());
            gen.writeStringField("channel", response.channel());
            gen.writeFieldName("contact_at");
            if (response.contactAt() == null) {
                gen.writeNull();
            } else {
                gen.writeString(response.contactAt().toString());
            }
            gen.writeFieldName("contact_at_local");
            if (response.contactAtLocal() == null) {
                gen.writeNull();
            } else {
                gen.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(response.contactAtLocal()));
            }
            gen.writeStringField("timezone", response.timezone());
            gen.writeStringField("outreach_explanation", response.outreachExplanation());
            gen.writeStringField("model_version", response.modelVersion());
            gen.writeEndObject();
        }
        return out.toByteArray();
    }
}

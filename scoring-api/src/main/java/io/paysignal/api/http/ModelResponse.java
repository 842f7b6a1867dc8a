package io.paysignal.api.http;

import io.javalin.openapi.OpenApiName;
import io.javalin.openapi.OpenApiNullable;
import io.paysignal.api.service.ModelInfo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The serving model, as {@code GET /v1/model} shows it. */
public record ModelResponse(
        String version,
        @OpenApiName("created_at") @OpenApiNullable Instant createdAt,
        @OpenApiName("training_window") TrainingWindow trainingWindow,
        @OpenApiName("feature_names") List<String> featureNames,
        Map<String, Double> metrics,
        Map<String, String> details) {

    /**
     * The as-of dates of the training snapshots.
     *
     * @param from the first, or null when the manifest does not say
     * @param to the last, or null when the manifest does not say
     */
    public record TrainingWindow(@OpenApiNullable LocalDate from, @OpenApiNullable LocalDate to) {
    }

    public static ModelResponse of(ModelInfo info) {
        return new ModelResponse(info.version(), info.createdAt(),
                new TrainingWindow(info.trainingFrom(), info.trainingTo()), info.featureNames(), info.metrics(),
                info.details());
    }
}

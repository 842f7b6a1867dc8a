package io.paysignal.api.http;

import io.javalin.openapi.OpenApiName;
import io.javalin.openapi.OpenApiNullable;

/**
 * A health probe's answer.
 *
 * @param status {@code live} or {@code ready}
 * @param modelVersion the serving model, when readiness is asked
 * @param snapshotCustomers customers loaded, when readiness is asked
 */
public record HealthResponse(String status,
                             @OpenApiName("model_version") @OpenApiNullable String modelVersion,
                             @OpenApiName("snapshot_customers") @OpenApiNullable Integer snapshotCustomers) {
}

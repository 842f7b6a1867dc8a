package io.paysignal.api.http;

import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiName;

import java.util.List;

/**
 * The body of {@code POST /v1/scores:batch}.
 *
 * @param customerIds the ids to score, 1 to the configured limit (1000 by default)
 */
public record BatchScoreRequest(
        @OpenApiName("customer_ids") @OpenApiDescription("1 to 1000 customer ids") List<String> customerIds) {
}

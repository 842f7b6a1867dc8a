package io.paysignal.api.http;

import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;
import io.paysignal.api.metrics.ApiMetrics;
import io.paysignal.api.problem.Problem;

/** Prometheus scrape endpoint. */
public final class MetricsHandler {

    private final ApiMetrics metrics;

    public MetricsHandler(ApiMetrics metrics) {
        this.metrics = metrics;
    }

    @OpenApi(path = "/metrics", methods = HttpMethod.GET, tags = "health", operationId = "metrics",
            summary = "Prometheus metrics (needs a key unless the service runs with open metrics)",
            security = {@OpenApiSecurity(name = "ApiKey"), @OpenApiSecurity(name = "Bearer")},
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(type = "string", mimeType = "text/plain")),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE)),
                @OpenApiResponse(status = "403", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE))})
    public void scrape(Context ctx) {
        ctx.contentType(ApiMetrics.contentType()).result(metrics.scrape());
    }
}

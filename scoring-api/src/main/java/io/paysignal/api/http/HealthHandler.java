package io.paysignal.api.http;

import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiResponse;
import io.paysignal.api.problem.Problem;
import io.paysignal.api.service.Readiness;
import io.paysignal.api.service.ScoringService;
import io.paysignal.api.service.ServiceUnavailableException;

/** Liveness and readiness probes; open to everyone. */
public final class HealthHandler {

    private final ScoringService service;

    public HealthHandler(ScoringService service) {
        this.service = service;
    }

    @OpenApi(path = "/health/live", methods = HttpMethod.GET, tags = "health", operationId = "live",
            summary = "200 while the process serves HTTP",
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = HealthResponse.class)))
    public void live(Context ctx) {
        ctx.json(new HealthResponse("live", null, null));
    }

    @OpenApi(path = "/health/ready", methods = HttpMethod.GET, tags = "health", operationId = "ready",
            summary = "200 once a model and the snapshot are loaded, else 503",
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = HealthResponse.class)),
                @OpenApiResponse(status = "503", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE))})
    public void ready(Context ctx) {
        Readiness readiness = service.readiness();
        if (!readiness.ready()) {
            throw new ServiceUnavailableException(readiness.modelVersion() == null && readiness.snapshotCustomers() < 0
                    ? "neither the snapshot nor a model is loaded yet"
                    : readiness.modelVersion() == null ? "no model is loaded yet" : "the snapshot is still loading");
        }
        ctx.json(new HealthResponse("ready", readiness.modelVersion(), readiness.snapshotCustomers()));
    }
}

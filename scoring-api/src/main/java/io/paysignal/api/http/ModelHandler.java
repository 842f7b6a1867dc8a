package io.paysignal.api.http;

import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;
import io.paysignal.api.problem.Problem;
import io.paysignal.api.service.ScoringService;

/** The model endpoints: the serving model, the registry's versions, and the admin reload. */
public final class ModelHandler {

    private final ScoringService service;

    public ModelHandler(ScoringService service) {
        this.service = service;
    }

    @OpenApi(path = "/v1/model", methods = HttpMethod.GET, tags = "model", operationId = "currentModel",
            summary = "The serving model: version, training window, metrics",
            security = {@OpenApiSecurity(name = "ApiKey"), @OpenApiSecurity(name = "Bearer")},
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = ModelResponse.class)),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE)),
                @OpenApiResponse(status = "403", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE)),
                @OpenApiResponse(status = "503", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE))})
    public void current(Context ctx) {
        ctx.json(ModelResponse.of(service.currentModel()));
    }

    @OpenApi(path = "/v1/models", methods = HttpMethod.GET, tags = "model", operationId = "listModels",
            summary = "The registry's versions, marking CURRENT and the serving one",
            security = {@OpenApiSecurity(name = "ApiKey"), @OpenApiSecurity(name = "Bearer")},
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = ModelListResponse.class)),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE)),
                @OpenApiResponse(status = "403", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE)),
                @OpenApiResponse(status = "500", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE))})
    public void list(Context ctx) {
        ctx.json(ModelListResponse.of(service.versions()));
    }

    @OpenApi(path = "/admin/reload", methods = HttpMethod.POST, tags = "admin", operationId = "reloadModel",
            summary = "Load the registry's CURRENT version, validate it (schema, canary scores) and swap it in;"
                    + " on failure the previous model keeps serving",
            security = {@OpenApiSecurity(name = "ApiKey"), @OpenApiSecurity(name = "Bearer")},
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = ReloadResponse.class)),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE)),
                @OpenApiResponse(status = "403", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE)),
                @OpenApiResponse(status = "409", description = "Another reload is running",
                        content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE)),
                @OpenApiResponse(status = "422", description = "The new version failed validation; nothing changed",
                        content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE)),
                @OpenApiResponse(status = "503", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE))})
    public void reload(Context ctx) {
        ctx.json(ReloadResponse.of(service.reload()));
    }
}

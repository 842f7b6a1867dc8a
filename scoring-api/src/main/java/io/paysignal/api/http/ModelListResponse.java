package io.paysignal.api.http;

import io.javalin.openapi.OpenApiNullable;
import io.paysignal.api.service.ModelVersion;

import java.util.List;

/**
 * The registry's versions, as {@code GET /v1/models} shows them.
 *
 * @param versions every version folder, sorted by name
 * @param current the version the registry's CURRENT names, or null
 * @param serving the version answering requests, or null
 */
public record ModelListResponse(List<ModelVersion> versions, @OpenApiNullable String current,
                                @OpenApiNullable String serving) {

    public static ModelListResponse of(List<ModelVersion> versions) {
        String current = versions.stream().filter(ModelVersion::current).map(ModelVersion::version)
                .findFirst().orElse(null);
        String serving = versions.stream().filter(ModelVersion::serving).map(ModelVersion::version)
                .findFirst().orElse(null);
        return new ModelListResponse(versions, current, serving);
    }
}

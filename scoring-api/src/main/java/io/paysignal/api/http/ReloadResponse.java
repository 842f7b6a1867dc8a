package io.paysignal.api.http;

import io.javalin.openapi.OpenApiName;
import io.javalin.openapi.OpenApiNullable;
import io.paysignal.api.service.ReloadOutcome;

/**
 * A successful {@code POST /admin/reload}.
 *
 * @param previousVersion the version served before, or null
 * @param version the version served now
 */
public record ReloadResponse(@OpenApiName("previous_version") @OpenApiNullable String previousVersion,
                             String version) {

    public static ReloadResponse of(ReloadOutcome outcome) {
        return new ReloadResponse(outcome.previousVersion(), outcome.version());
    }
}

package io.paysignal.api.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiNullable;

import java.util.List;

/**
 * An RFC 7807 (RFC 9457) problem document, sent as {@code application/problem+json} for every error.
 *
 * @param type the problem type URI ({@link ProblemType#uri()}), or {@code about:blank} for plain HTTP errors
 * @param title the type's fixed summary
 * @param status the HTTP status code
 * @param detail what went wrong in this occurrence
 * @param instance the request path it happened on
 * @param errors field-level problems, or null when there are none
 */
public record Problem(
        @OpenApiDescription("Problem type URI: urn:paysignal:problem:<slug>, or about:blank") String type,
        String title,
        int status,
        String detail,
        @OpenApiDescription("The request path") String instance,
        @OpenApiNullable @OpenApiDescription("Field-level problems (JSONPath and reason code)")
        @JsonInclude(JsonInclude.Include.NON_NULL) List<FieldError> errors) {

    /** The media type problems are sent as. */
    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        if (type == null || title == null || detail == null) {
            throw new IllegalArgumentException("type, title and detail are required");
        }
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a problem has an error status, not " + status);
        }
        errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    /** A problem of a known type. */
    public static Problem of(ProblemType type, String detail, String instance, List<FieldError> errors) {
        return new Problem(type.uri().toString(), type.title(), type.status(), detail, instance, errors);
    }
}

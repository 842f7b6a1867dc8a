package io.paysignal.api.problem;

import java.net.URI;

/**
 * The problem types this API answers with. Each has a stable {@code type} URI,
 * {@code urn:paysignal:problem:<slug>}, documented in {@code scoring-api/README.md}; clients branch on the
 * URI, never on {@code title} or {@code detail}.
 */
public enum ProblemType {
    MALFORMED_JSON("malformed-json", "Malformed JSON", 400),
    INVALID_REQUEST("invalid-request", "Invalid request", 400),
    CONTRACT_VIOLATION("contract-violation", "History breaks the data contract", 400),
    UNAUTHORIZED("unauthorized", "API key required", 401),
    FORBIDDEN("forbidden", "API key lacks the role", 403),
    UNKNOWN_CUSTOMER("unknown-customer", "Unknown customer", 404),
    NOT_FOUND("not-found", "No such resource", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
    RELOAD_IN_PROGRESS("reload-in-progress", "Reload in progress", 409),
    BODY_TOO_LARGE("body-too-large", "Request body too large", 413),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
    MODEL_REJECTED("model-rejected", "Model version rejected", 422),
    INTERNAL_ERROR("internal-error", "Internal error", 500),
    NOT_READY("not-ready", "Service not ready", 503);

    /** The prefix of every type URI. */
    public static final String URI_PREFIX = "urn:paysignal:problem:";

    private final String slug;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    /** The {@code type} member: {@code urn:paysignal:problem:<slug>}. */
    public URI uri() {
        return URI.create(URI_PREFIX + slug);
    }

    /** The short, fixed summary of the type. */
    public String title() {
        return title;
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }
}

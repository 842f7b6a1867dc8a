package io.paysignal.api.problem;

import java.util.List;

/**
 * Thrown by request handling to answer with a problem; {@link ProblemMapper} renders it. Handlers never build
 * error bodies themselves.
 */
public final class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<FieldError> errors;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ProblemException(ProblemType type, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    /** A 400 naming one field. */
    public static ProblemException invalidField(String path, String reason, String detail) {
        return new ProblemException(ProblemType.INVALID_REQUEST, detail, List.of(new FieldError(path, reason)));
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }
}

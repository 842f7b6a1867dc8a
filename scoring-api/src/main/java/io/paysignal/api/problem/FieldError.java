package io.paysignal.api.problem;

/**
 * One field-level problem in a request.
 *
 * @param path where: a JSONPath into the body ({@code $.invoices[2].due_date}), or the parameter's name
 *             ({@code customer_id}) for path and query parameters
 * @param reason what: a stable, machine-readable code, e.g. {@code unparseable_date:due_date}; row rules use
 *               the same codes as the pipeline's {@code rejects.csv}
 */
public record FieldError(String path, String reason) {

    public FieldError {
        if (path == null || reason == null) {
            throw new IllegalArgumentException("path and reason are required");
        }
    }
}

package io.paysignal.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paysignal.api.problem.FieldError;
import io.paysignal.api.problem.ProblemException;
import io.paysignal.api.problem.ProblemType;

import java.util.ArrayList;
import java.util.List;

/** Reads the ids of {@code POST /v1/scores:batch}: {@code {"customer_ids": ["c1", ...]}}, 1 to a limit. */
final class BatchRequestParser {

    private static final String PATH = "$.customer_ids";

    private BatchRequestParser() {
    }

    static List<String> customerIds(ObjectNode body, int limit) {
        JsonNode node = body.get("customer_ids");
        if (node == null || node.isNull()) {
            throw ProblemException.invalidField(PATH, "missing_value:customer_ids", "customer_ids is required.");
        }
        if (!(node instanceof ArrayNode array)) {
            throw ProblemException.invalidField(PATH, "expected_array", "customer_ids must be an array of strings.");
        }
        if (array.isEmpty()) {
            throw ProblemException.invalidField(PATH, "empty", "customer_ids must hold at least one id.");
        }
        if (array.size() > limit) {
            throw ProblemException.invalidField(PATH, "too_many_ids", "At most " + limit
                    + " customer ids per batch; this one has " + array.size() + ".");
        }
        List<String> ids = new ArrayList<>(array.size());
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode id = array.get(i);
            if (id.isTextual() && !id.textValue().isBlank()) {
                ids.add(id.textValue());
            } else {
                errors.add(new FieldError(PATH + "[" + i + "]", "expected_string"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "Every customer id must be a non-blank string.",
                    errors.subList(0, Math.min(errors.size(), InlineHistoryParser.MAX_ERRORS)));
        }
        return ids;
    }
}

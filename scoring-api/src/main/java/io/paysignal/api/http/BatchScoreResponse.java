package io.paysignal.api.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiName;
import io.javalin.openapi.OpenApiNullable;
import io.paysignal.api.problem.Problem;

import java.util.List;

/**
 * The answer to a batch: one item per requested id, in request order, each a score or a problem.
 *
 * @param results the items
 * @param scored how many items hold a score
 * @param failed how many hold a problem
 */
public record BatchScoreResponse(List<BatchItem> results, int scored, int failed) {

    /**
     * One id's outcome.
     *
     * @param customerId the id as requested
     * @param status 200 with a score, else the status the id would get on its own (404 unknown customer)
     * @param score the score, when status is 200
     * @param error the problem, otherwise
     */
    public record BatchItem(
            @OpenApiName("customer_id") String customerId,
            @OpenApiDescription("200 with a score, else the status of the problem (404: unknown customer)")
            int status,
            @OpenApiNullable @JsonInclude(JsonInclude.Include.NON_NULL) ScoreResponse score,
            @OpenApiNullable @JsonInclude(JsonInclude.Include.NON_NULL) Problem error) {
    }

    /** A response over the items, counting outcomes. */
    public static BatchScoreResponse of(List<BatchItem> items) {
        int scored = (int) items.stream().filter(item -> item.score() != null).count();
        return new BatchScoreResponse(items, scored, items.size() - scored);
    }
}

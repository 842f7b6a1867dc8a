package io.paysignal.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;
import io.paysignal.api.metrics.ApiMetrics;
import io.paysignal.api.problem.Problem;
import io.paysignal.api.problem.ProblemMapper;
import io.paysignal.api.service.BatchEntry;
import io.paysignal.api.service.CustomerScore;
import io.paysignal.api.service.ScoringService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The scoring endpoints: a snapshot customer, an inline history, a batch of snapshot customers. */
public final class ScoreHandler {

    private final ScoreResponseJson scoreJson;
    private final ScoringService service;
    private final JsonBodyReader bodies;
    private final InlineHistoryParser histories;
    private final ProblemMapper problems;
    private final ApiMetrics metrics;
    private final int batchLimit;

    /**
     * @param json the API's mapper; single scores are written with a writer bound to {@link ScoreResponse} once,
     *             straight to bytes
     */
    public ScoreHandler(ObjectMapper json, ScoringService service, JsonBodyReader bodies, InlineHistoryParser histories,
                        ProblemMapper problems, ApiMetrics metrics, int batchLimit) {
        this.scoreJson = new ScoreResponseJson(json);
        this.service = service;
        this.bodies = bodies;
        this.histories = histories;
        this.problems = problems;
        this.metrics = metrics;
        this.batchLimit = batchLimit;
    }

    @OpenApi(path = "/v1/customers/{customer_id}/score", methods = HttpMethod.GET, tags = "scoring",
            operationId = "scoreCustomer",
            summary = "Score a customer from the loaded snapshot and plan outreach from now",
            pathParams = @OpenApiParam(name = "customer_id", required = true, description = "The customer's id"),
            security = {@OpenApiSecurity(name = "ApiKey"), @OpenApiSecurity(name = "Bearer")},
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = ScoreResponse.class)),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE)),
                @OpenApiResponse(status = "403", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE)),
                @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE)),
                @OpenApiResponse(status = "500", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE)),
                @OpenApiResponse(status = "503", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE))})
    public void customerScore(Context ctx) {
        render(ctx, "customer", service.scoreCustomer(ctx.pathParam("customer_id")));
    }

    @OpenApi(path = "/v1/score", methods = HttpMethod.POST, tags = "scoring", operationId = "scoreHistory",
            summary = "Score an inline history (data-contract rows as JSON) and plan outreach from now",
            security = {@OpenApiSecurity(name = "ApiKey"), @OpenApiSecurity(name = "Bearer")},
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = InlineScoreRequest.class)),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = ScoreResponse.class)),
                @OpenApiResponse(status = "400", description = "Malformed JSON, wrong types, or rows breaking the data contract",
                        content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE)),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE)),
                @OpenApiResponse(status = "403", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE)),
                @OpenApiResponse(status = "413", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE)),
                @OpenApiResponse(status = "415", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE)),
                @OpenApiResponse(status = "500", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE)),
                @OpenApiResponse(status = "503", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE))})
    public void inlineScore(Context ctx) {
        InlineHistoryParser.InlineHistory inline = histories.parse(bodies.readObject(ctx));
        render(ctx, "inline", service.scoreHistory(inline.history(), inline.asOf()));
    }

    @OpenApi(path = "/v1/scores:batch", methods = HttpMethod.POST, tags = "scoring", operationId = "scoreBatch",
            summary = "Score up to 1000 snapshot customers; each id gets a score or its own problem",
            security = {@OpenApiSecurity(name = "ApiKey"), @OpenApiSecurity(name = "Bearer")},
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = BatchScoreRequest.class)),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = BatchScoreResponse.class)),
                @OpenApiResponse(status = "400", description = "Malformed JSON, no ids, or more ids than the limit",
                        content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE)),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE)),
                @OpenApiResponse(status = "403", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE)),
                @OpenApiResponse(status = "413", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE)),
                @OpenApiResponse(status = "415", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE)),
                @OpenApiResponse(status = "500", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE)),
                @OpenApiResponse(status = "503", content = @OpenApiContent(from = Problem.class, mimeType = Problem.MEDIA_TYPE))})
    public void batchScore(Context ctx) {
        List<String> ids = BatchRequestParser.customerIds(bodies.readObject(ctx), batchLimit);
        List<BatchEntry> entries = service.scoreBatch(ids);
        BatchScoreResponse response = BatchScoreResponse.of(entries.stream().map(entry -> item(entry, ctx.path())).toList());
        metrics.scoresServed("batch", response.scored());
        ctx.json(response);
    }

    /**
     * Answers one customer's score and counts it under {@code endpoint}. The body is written to the response
     * stream in one write rather than set as the result: Javalin copies a result through a fresh 32 KB buffer
     * (its response buffer size) per request, which cost more than writing the JSON did. One write of the whole
     * body keeps what the client gets the same: the compression decision is taken on the first write's length,
     * as for the copied result, and Jetty still sends a Content-Length when the stream closes.
     */
    private void render(Context ctx, String endpoint, CustomerScore score) {
        metrics.scoresServed(endpoint, 1);
        byte[] body;
        try {
            body = scoreJson.write(score); // the bytes of ScoreResponse.of(score), without building it
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the score of " + score.customerId() + " as JSON", e);
        }
        ctx.contentType(ContentType.APPLICATION_JSON);
        try {
            ctx.outputStream().write(body);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot send the score of " + score.customerId(), e);
        }
    }

    private BatchScoreResponse.BatchItem item(BatchEntry entry, String instance) {
        if (entry.score() != null) {
            return new BatchScoreResponse.BatchItem(entry.customerId(), 200, ScoreResponse.of(entry.score()), null);
        }
        Problem problem = problems.toProblem(entry.failure(), instance);
        return new BatchScoreResponse.BatchItem(entry.customerId(), problem.status(), null, problem);
    }
}

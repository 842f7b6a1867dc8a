package io.paysignal.api.problem;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.HttpResponseException;
import io.javalin.http.NotFoundResponse;
import io.paysignal.api.http.ApiJson;
import io.paysignal.api.service.ModelRejectedException;
import io.paysignal.api.service.ReloadInProgressException;
import io.paysignal.api.service.ServiceUnavailableException;
import io.paysignal.api.service.UnknownCustomerException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProblemMapperTest {

    private final ProblemMapper mapper = new ProblemMapper(ApiJson.mapper());

    @Test
    void mapsEachKnownFailureToItsTypeAndStatus() {
        assertProblem(new UnknownCustomerException("c9"), ProblemType.UNKNOWN_CUSTOMER, 404);
        assertProblem(new ServiceUnavailableException("no model is loaded yet"), ProblemType.NOT_READY, 503);
        assertProblem(new ModelRejectedException("v2", "feature schema mismatch"), ProblemType.MODEL_REJECTED, 422);
        assertProblem(new ReloadInProgressException(), ProblemType.RELOAD_IN_PROGRESS, 409);
        assertProblem(new ProblemException(ProblemType.BODY_TOO_LARGE, "too big"), ProblemType.BODY_TOO_LARGE, 413);
        assertProblem(new NotFoundResponse("Endpoint GET /x not found"), ProblemType.NOT_FOUND, 404);
        assertProblem(new HttpResponseException(413, "Content Too Large"), ProblemType.BODY_TOO_LARGE, 413);
        assertProblem(new BadRequestResponse("bad"), ProblemType.INVALID_REQUEST, 400);
    }

    @Test
    void keepsFieldErrorsOfAProblemException() {
        Problem problem = mapper.toProblem(ProblemException.invalidField("$.customer_ids", "too_many_ids", "Too many."), "/v1/x");

        assertEquals(List.of(new FieldError("$.customer_ids", "too_many_ids")), problem.errors());
        assertEquals("/v1/x", problem.instance());
    }

    @Test
    void anUnexpectedExceptionIsA500ThatRevealsNothing() {
        Problem problem = mapper.toProblem(new IllegalStateException("password=hunter2 at db01"), "/v1/score");

        assertEquals(500, problem.status());
        assertEquals(ProblemType.INTERNAL_ERROR.uri().toString(), problem.type());
        assertFalse(problem.detail().contains("hunter2"));
        assertFalse(problem.detail().contains("IllegalStateException"));
        assertTrue(problem.detail().contains("incident"));
    }

    @Test
    void anUnusualHttpStatusKeepsItsStatusWithAboutBlank() {
        Problem problem = mapper.toProblem(new HttpResponseException(418, "teapot"), "/brew");

        assertEquals(418, problem.status());
        assertEquals("about:blank", problem.type());
    }

    @Test
    void echoedIdsAreCutAndControlCharactersReplaced() {
        Problem problem = mapper.toProblem(new UnknownCustomerException("x\n\u0000" + "y".repeat(500)), "/v1/c");

        assertFalse(problem.detail().contains("\n"));
        assertTrue(problem.detail().length() < 200, problem.detail());
    }

    @Test
    void serializesTheRfc7807MembersAndOmitsEmptyErrors() throws Exception {
        JsonNode json = ApiJson.mapper().readTree(ApiJson.mapper().writeValueAsString(
                Problem.of(ProblemType.UNKNOWN_CUSTOMER, "No customer 'c9'.", "/v1/customers/c9/score", List.of())));

        assertEquals("urn:paysignal:problem:unknown-customer", json.get("type").asText());
        assertEquals("Unknown customer", json.get("title").asText());
        assertEquals(404, json.get("status").asInt());
        assertEquals("No customer 'c9'.", json.get("detail").asText());
        assertEquals("/v1/customers/c9/score", json.get("instance").asText());
        assertFalse(json.has("errors"));
        assertNull(Problem.of(ProblemType.NOT_FOUND, "x", "/", List.of()).errors());
    }

    private void assertProblem(Exception exception, ProblemType type, int status) {
        Problem problem = mapper.toProblem(exception, "/somewhere");
        assertEquals(type.uri().toString(), problem.type(), exception.toString());
        assertEquals(status, problem.status());
        assertEquals(type.title(), problem.title());
        assertEquals("/somewhere", problem.instance());
    }
}

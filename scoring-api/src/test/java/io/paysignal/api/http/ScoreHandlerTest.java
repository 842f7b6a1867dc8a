package io.paysignal.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.paysignal.api.service.OutreachPlanner;
import io.paysignal.api.service.ScoreResult;
import io.paysignal.api.service.ScoringComponents;
import io.paysignal.api.testsupport.BusinessHoursPlanner;
import io.paysignal.api.testsupport.Customers;
import io.paysignal.api.testsupport.LedgerFeatureSource;
import io.paysignal.api.testsupport.PropertiesModelReader;
import io.paysignal.api.testsupport.RunningApi;
import io.paysignal.api.testsupport.RunningApi.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScoreHandlerTest {

    /** The planner fails for this customer, to show what an unexpected failure looks like. */
    private static final String FAILING_CUSTOMER = "c13";

    @TempDir
    static Path dir;
    static RunningApi api;

    @BeforeAll
    static void start() {
        OutreachPlanner real = new BusinessHoursPlanner();
        OutreachPlanner failingForOne = (model, history, asOf, score, now) -> {
            if (history.customerId().equals(FAILING_CUSTOMER)) {
                throw new IllegalStateException("planner exploded with secret internals");
            }
            return real.plan(model, history, asOf, score, now);
        };
        api = RunningApi.start(dir, UnaryOperator.identity(),
                new ScoringComponents(new PropertiesModelReader(), new LedgerFeatureSource(), failingForOne));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void scoresASnapshotCustomerWithTheServingModelAndPlansOutreach() throws Exception {
        Reply reply = api.get("/v1/customers/c3/score", RunningApi.SCORER_KEY);

        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/json"), reply.contentType());
        JsonNode body = reply.json();
        ScoreResult expected = new PropertiesModelReader().read(api.registry.resolve("v1"))
                .score(Customers.snapshot(3).features());
        assertEquals("c3", body.get("customer_id").asText());
        assertEquals("2026-03-01", body.get("as_of").asText());
        assertEquals(expected.riskScore(), body.get("risk_score").asDouble(), 1e-12);
        assertEquals("high", body.get("risk_tier").asText());
        assertEquals(expected.reasons().size(), body.get("reason_codes").size());
        assertEquals(expected.reasons().get(0).code(), body.get("reason_codes").get(0).get("code").asText());
        assertFalse(body.get("reason_codes").get(0).get("sentence").asText().isBlank());
        assertEquals(expected.reasonCodesText(), body.get("reason_codes_text").asText());
        assertEquals("agent_call", body.get("action").asText());
        assertEquals("phone", body.get("channel").asText());
        assertEquals("2026-03-02T16:00:00Z", body.get("contact_at").asText());
        assertEquals("2026-03-02T10:00:00-06:00", body.get("contact_at_local").asText());
        assertEquals("America/Chicago", body.get("timezone").asText());
        assertFalse(body.get("outreach_explanation").asText().isBlank());
        assertEquals("v1", body.get("model_version").asText());
    }

    @Test
    void aDoNotContactCustomerGetsNoActionChannelOrTime() {
        JsonNode body = api.get("/v1/customers/c15/score", RunningApi.SCORER_KEY).json();

        assertEquals("high", body.get("risk_tier").asText());
        assertEquals("none", body.get("action").asText());
        assertTrue(body.get("channel").isNull());
        assertTrue(body.get("contact_at").isNull());
        assertTrue(body.get("contact_at_local").isNull());
    }

    @Test
    void anUnknownCustomerIsA404Problem() {
        Reply reply = api.get("/v1/customers/nobody/score", RunningApi.SCORER_KEY);

        assertEquals(404, reply.status());
        assertEquals("unknown-customer", reply.problemType());
        assertEquals("/v1/customers/nobody/score", reply.json().get("instance").asText());
        assertTrue(reply.json().get("detail").asText().contains("nobody"));
    }

    @Test
    void anUnexpectedFailureIsA500WithAGenericDetail() {
        Reply reply = api.get("/v1/customers/" + FAILING_CUSTOMER + "/score", RunningApi.SCORER_KEY);

        assertEquals(500, reply.status());
        assertEquals("internal-error", reply.problemType());
        assertFalse(reply.body().contains("secret"), reply.body());
        assertFalse(reply.body().contains("IllegalStateException"), reply.body());
        assertEquals(200, api.get("/v1/customers/c3/score", RunningApi.SCORER_KEY).status(), "server still serves");
    }

    @Test
    void scoresAnInlineHistoryAsOfTheGivenDate() {
        Reply reply = api.postJson("/v1/score", """
                {"as_of": "2026-03-01",
                 "customer": {"customer_id": "new-1", "timezone": "Europe/Berlin", "do_not_contact": false,
                              "credit_limit": 2500.50},
                 "invoices": [
                   {"invoice_id": "i1", "issue_date": "2026-01-01", "due_date": "2026-01-31", "amount": 300},
                   {"invoice_id": "i2", "customer_id": "new-1", "issue_date": "2025-12-01",
                    "due_date": "2025-12-31", "amount": "120.00", "disputed": true}],
                 "payments": [{"invoice_id": "i2", "payment_date": "2026-01-05", "amount": 20.5}],
                 "contacts": [{"contact_time": "2026-02-25T10:00:00+01:00", "channel": "email",
                               "outcome": "no_response"}],
                 "unknown_extra_field": 1}
                """);

        assertEquals(200, reply.status(), reply.body());
        JsonNode body = reply.json();
        assertEquals("new-1", body.get("customer_id").asText());
        assertEquals("2026-03-01", body.get("as_of").asText());
        // open: i1 (29 dpd, 300) and i2 (60 dpd, 99.5): z = -3 + 0.4 + 0.3995 + 3 + 0.1
        double expected = 1 / (1 + Math.exp(-(-3 + 0.2 * 2 + 0.001 * 399.5 + 0.05 * 60 + 0.1 * 1)));
        assertEquals(expected, body.get("risk_score").asDouble(), 1e-9);
        assertEquals("Europe/Berlin", body.get("timezone").asText());
    }

    @Test
    void anInlineHistoryWithoutADateIsScoredAsOfTodayInUtc() {
        Reply reply = api.postJson("/v1/score", "{\"customer\": {\"customer_id\": \"x\"}}");

        assertEquals(200, reply.status(), reply.body());
        assertEquals("2026-03-02", reply.json().get("as_of").asText());
        assertEquals("low", reply.json().get("risk_tier").asText());
    }

    @Test
    void inlineRowsBreakingTheContractAreListedByPathAndReason() {
        Reply reply = api.postJson("/v1/score", """
                {"customer": {"customer_id": "x", "timezone": "Mars/Base"},
                 "invoices": [
                   {"invoice_id": "i1", "issue_date": "2026-01-01", "due_date": "2026-01-31", "amount": 10},
                   {"invoice_id": "i2", "issue_date": "2026-01-01", "due_date": "31/01/2026", "amount": 10},
                   {"invoice_id": "i1", "issue_date": "2026-01-01", "due_date": "2026-01-31", "amount": 10},
                   {"invoice_id": "i3", "customer_id": "someone-else", "issue_date": "2026-01-01",
                    "due_date": "2026-01-31", "amount": 10},
                   {"invoice_id": "i4", "issue_date": "2026-01-01", "due_date": "2026-01-31", "amount": -5}],
                 "payments": [{"invoice_id": "nope", "payment_date": "2026-01-05", "amount": 1}],
                 "contacts": [{"contact_time": "2026-02-25T10:00:00", "channel": "email"}]}
                """);

        assertEquals(400, reply.status(), reply.body());
        assertEquals("contract-violation", reply.problemType());
        List<String> errors = errors(reply.json());
        assertTrue(errors.contains("$.customer.timezone unknown_timezone"), errors.toString());
        assertTrue(errors.contains("$.invoices[1].due_date unparseable_date:due_date"), errors.toString());
        assertTrue(errors.contains("$.invoices[2].invoice_id duplicate_key"), errors.toString());
        assertTrue(errors.contains("$.invoices[4].amount non_positive_amount:amount"), errors.toString());
        assertTrue(errors.contains("$.payments[0].invoice_id unknown_invoice"), errors.toString());
        assertTrue(errors.contains("$.contacts[0].contact_time unparseable_timestamp:contact_time"), errors.toString());
    }

    @Test
    void inlineInvoicesOfAnotherCustomerAreRejected() {
        Reply reply = api.postJson("/v1/score", """
                {"customer": {"customer_id": "x"},
                 "invoices": [{"invoice_id": "i3", "customer_id": "someone-else", "issue_date": "2026-01-01",
                               "due_date": "2026-01-31", "amount": 10}]}
                """);

        assertEquals(400, reply.status());
        assertEquals(List.of("$.invoices[0].customer_id unknown_customer"), errors(reply.json()));
    }

    @Test
    void anUnparseableAsOfIsRejected() {
        Reply reply = api.postJson("/v1/score", "{\"as_of\": \"yesterday\", \"customer\": {\"customer_id\": \"x\"}}");

        assertEquals(400, reply.status());
        assertEquals(List.of("$.as_of unparseable_date:as_of"), errors(reply.json()));
    }

    @Test
    void wrongJsonTypesAreRejectedWithTheirPath() {
        Reply reply = api.postJson("/v1/score", """
                {"customer": {"customer_id": "x", "segment": {"nested": true}},
                 "invoices": {"not": "a list"}, "payments": [7]}
                """);

        assertEquals(400, reply.status());
        assertEquals("invalid-request", reply.problemType());
        assertEquals(List.of("$.customer.segment expected_scalar", "$.invoices expected_array",
                "$.payments[0] expected_object"), errors(reply.json()));
    }

    @Test
    void aHugeNumberIsRejectedNotExpanded() {
        Reply reply = api.postJson("/v1/score", """
                {"customer": {"customer_id": "x", "credit_limit": 1e999999999}}
                """);

        assertEquals(400, reply.status());
        assertEquals(List.of("$.customer.credit_limit number_out_of_range"), errors(reply.json()));
    }

    @Test
    void aMissingCustomerIsRejected() {
        Reply reply = api.postJson("/v1/score", "{\"invoices\": []}");

        assertEquals(400, reply.status());
        assertEquals(List.of("$.customer missing_value:customer"), errors(reply.json()));
    }

    @Test
    void aBatchReturnsAScoreOrAProblemPerIdInRequestOrder() {
        Reply reply = api.postJson("/v1/scores:batch",
                "{\"customer_ids\": [\"c3\", \"nobody\", \"c6\", \"" + FAILING_CUSTOMER + "\", \"c3\"]}");

        assertEquals(200, reply.status(), reply.body());
        JsonNode body = reply.json();
        assertEquals(3, body.get("scored").asInt());
        assertEquals(2, body.get("failed").asInt());
        JsonNode results = body.get("results");
        assertEquals(List.of("c3", "nobody", "c6", FAILING_CUSTOMER, "c3"),
                IntStream.range(0, 5).mapToObj(i -> results.get(i).get("customer_id").asText()).toList());
        assertEquals(200, results.get(0).get("status").asInt());
        assertEquals("high", results.get(0).get("score").get("risk_tier").asText());
        assertFalse(results.get(0).has("error"));
        assertEquals(404, results.get(1).get("status").asInt());
        assertEquals("urn:paysignal:problem:unknown-customer", results.get(1).get("error").get("type").asText());
        assertFalse(results.get(1).has("score"));
        assertEquals("medium", results.get(2).get("score").get("risk_tier").asText());
        assertEquals(500, results.get(3).get("status").asInt());
        assertFalse(results.get(3).toString().contains("secret"));
    }

    @Test
    void aBatchOfMoreThanTheLimitIsRejectedNamingTheField() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            ids.add("\"c" + i + "\"");
        }
        Reply reply = api.postJson("/v1/scores:batch", "{\"customer_ids\": [" + String.join(",", ids) + "]}");

        assertEquals(400, reply.status());
        assertEquals("invalid-request", reply.problemType());
        assertEquals(List.of("$.customer_ids too_many_ids"), errors(reply.json()));
    }

    @Test
    void aBatchOfExactlyTheLimitIsServed() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ids.add("\"c" + (i % 45) + "\"");
        }
        Reply reply = api.postJson("/v1/scores:batch", "{\"customer_ids\": [" + String.join(",", ids) + "]}");

        assertEquals(200, reply.status());
        assertEquals(1000, reply.json().get("results").size());
    }

    @Test
    void aBatchWithoutIdsOrWithNonStringIdsIsRejected() {
        assertEquals(List.of("$.customer_ids empty"),
                errors(api.postJson("/v1/scores:batch", "{\"customer_ids\": []}").json()));
        assertEquals(List.of("$.customer_ids missing_value:customer_ids"),
                errors(api.postJson("/v1/scores:batch", "{}").json()));
        assertEquals(List.of("$.customer_ids[1] expected_string", "$.customer_ids[2] expected_string"),
                errors(api.postJson("/v1/scores:batch", "{\"customer_ids\": [\"c1\", 7, \"  \"]}").json()));
    }

    static List<String> errors(JsonNode problem) {
        List<String> errors = new ArrayList<>();
        problem.path("errors").forEach(error -> errors.add(error.get("path").asText() + " " + error.get("reason").asText()));
        return errors;
    }
}

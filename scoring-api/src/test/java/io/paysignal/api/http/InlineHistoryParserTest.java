package io.paysignal.api.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paysignal.api.problem.FieldError;
import io.paysignal.api.problem.ProblemException;
import io.paysignal.api.problem.ProblemType;
import io.paysignal.core.history.Channel;
import io.paysignal.core.history.ContactOutcome;
import io.paysignal.core.history.CustomerHistory;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InlineHistoryParserTest {

    private final InlineHistoryParser parser = new InlineHistoryParser("EUR");

    @Test
    void turnsJsonScalarsIntoContractCells() throws Exception {
        List<FieldError> errors = new ArrayList<>();
        Function<String, String> cells = InlineHistoryParser.cells(object("""
                {"s": "text", "i": 12, "big": 123456789012345678901234567890, "d": 0.10, "e": 1.5e3,
                 "t": true, "f": false, "n": null}"""), "$.row", errors);

        assertEquals(List.of(), errors);
        assertEquals("text", cells.apply("s"));
        assertEquals("12", cells.apply("i"));
        assertEquals("123456789012345678901234567890", cells.apply("big"));
        assertEquals(0.1, Double.parseDouble(cells.apply("d")));
        assertEquals("1500", cells.apply("e"));
        assertEquals("true", cells.apply("t"));
        assertEquals("false", cells.apply("f"));
        assertNull(cells.apply("n"));
        assertNull(cells.apply("absent"));
    }

    @Test
    void refusesNestedValuesAndNamesOddKeysSafely() throws Exception {
        List<FieldError> errors = new ArrayList<>();
        Function<String, String> cells = InlineHistoryParser.cells(object("""
                {"list": [1], "obj": {}, "we'ird key": []}"""), "$.row", errors);

        assertNull(cells);
        assertEquals(List.of(new FieldError("$.row.list", "expected_scalar"), new FieldError("$.row.obj", "expected_scalar"),
                new FieldError("$.row['we\\'ird key']", "expected_scalar")), errors);
    }

    @Test
    void parsesAFullHistoryWithContractDefaults() throws Exception {
        InlineHistoryParser.InlineHistory parsed = parser.parse(object("""
                {"as_of": "2026-03-01",
                 "customer": {"customer_id": " c1 ", "timezone": "America/Chicago", "preferred_channel": "SMS",
                              "do_not_contact": "TRUE"},
                 "invoices": [{"invoice_id": "i1", "issue_date": "2026-01-01", "due_date": "2026-01-31",
                               "amount": 100}],
                 "payments": [{"invoice_id": "i1", "payment_date": "2026-01-10", "amount": "25.5"}],
                 "contacts": [{"contact_time": "2026-02-01T10:00:00Z", "channel": "phone", "outcome": "reached"}]}
                """));

        CustomerHistory history = parsed.history();
        assertEquals(LocalDate.of(2026, 3, 1), parsed.asOf());
        assertEquals("c1", history.customerId());
        assertEquals(ZoneId.of("America/Chicago"), history.customer().timezone());
        assertEquals(Channel.SMS, history.customer().preferredChannel());
        assertTrue(history.customer().doNotContact());
        assertEquals("unknown", history.customer().segment());
        assertEquals("c1", history.invoices().get(0).customerId());
        assertEquals("EUR", history.invoices().get(0).currency());
        assertEquals(25.5, history.payments().get(0).amount());
        assertEquals(Instant.parse("2026-02-01T10:00:00Z"), history.contacts().get(0).contactTime());
        assertEquals(ContactOutcome.REACHED, history.contacts().get(0).outcome());
    }

    @Test
    void reportsCrossRowRulesWithTheirPaths() throws Exception {
        ProblemException e = assertThrows(ProblemException.class, () -> parser.parse(object("""
                {"customer": {"customer_id": "c1"},
                 "invoices": [{"invoice_id": "i1", "issue_date": "2026-01-01", "due_date": "2026-01-31", "amount": 1},
                              {"invoice_id": "i1", "issue_date": "2026-01-02", "due_date": "2026-02-28", "amount": 5}],
                 "payments": [{"payment_id": "p", "invoice_id": "i1", "payment_date": "2026-01-10", "amount": 1},
                              {"payment_id": "p", "invoice_id": "i1", "payment_date": "2026-01-11", "amount": 1},
                              {"payment_id": "q", "invoice_id": "i9", "payment_date": "2026-01-11", "amount": 1}],
                 "contacts": [{"contact_id": "k", "customer_id": "c2", "contact_time": "2026-02-01T10:00:00Z",
                               "channel": "email"},
                              {"contact_id": "k", "contact_time": "2026-02-01T10:00:00Z", "channel": "email"},
                              {"contact_id": "k", "contact_time": "2026-02-01T10:00:00Z", "channel": "email"}]}
                """)));

        assertEquals(ProblemType.CONTRACT_VIOLATION, e.type());
        assertEquals(List.of(new FieldError("$.invoices[1].invoice_id", "duplicate_key"),
                new FieldError("$.payments[2].invoice_id", "unknown_invoice"),
                new FieldError("$.contacts[0].customer_id", "unknown_customer")), e.errors());
    }

    @Test
    void keepsRepeatedPaymentAndContactIdsAsThePipelineDoes() throws Exception {
        // Only customer_id and invoice_id are unique keys in the contract: one remittance may pay two invoices.
        InlineHistoryParser.InlineHistory parsed = parser.parse(object("""
                {"customer": {"customer_id": "c1"},
                 "invoices": [{"invoice_id": "i1", "issue_date": "2026-01-01", "due_date": "2026-01-31", "amount": 1},
                              {"invoice_id": "i2", "issue_date": "2026-01-01", "due_date": "2026-01-31", "amount": 2}],
                 "payments": [{"payment_id": "p", "invoice_id": "i1", "payment_date": "2026-01-10", "amount": 1},
                              {"payment_id": "p", "invoice_id": "i2", "payment_date": "2026-01-10", "amount": 2}],
                 "contacts": [{"contact_id": "k", "contact_time": "2026-02-01T10:00:00Z", "channel": "email"},
                              {"contact_id": "k", "contact_time": "2026-02-02T10:00:00Z", "channel": "sms"}]}
                """));

        assertEquals(2, parsed.history().payments().size());
        assertEquals(2, parsed.history().contacts().size());
    }

    @Test
    void reasonsWithoutAColumnPointAtTheColumnTheyConcern() throws Exception {
        ProblemException e = assertThrows(ProblemException.class, () -> parser.parse(object("""
                {"customer": {"customer_id": "c1"},
                 "invoices": [{"invoice_id": "i1", "issue_date": "2026-02-01", "due_date": "2026-01-31", "amount": 1}],
                 "contacts": [{"contact_time": "2026-02-01T10:00:00Z", "channel": "email", "outcome": "maybe"}]}
                """)));

        assertEquals(List.of(new FieldError("$.invoices[0].due_date", "due_before_issue"),
                new FieldError("$.contacts[0].outcome", "unknown_outcome")), e.errors());
    }

    @Test
    void listsAtMostAHundredErrors() throws Exception {
        StringBuilder invoices = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            invoices.append(i == 0 ? "" : ",").append("{\"invoice_id\": \"i").append(i).append("\"}");
        }
        ProblemException e = assertThrows(ProblemException.class, () -> parser.parse(object(
                "{\"customer\": {\"customer_id\": \"c1\"}, \"invoices\": [" + invoices + "]}")));

        assertEquals(100, e.errors().size());
        assertTrue(e.getMessage().contains("first 100"), e.getMessage());
    }

    private static ObjectNode object(String json) throws Exception {
        return (ObjectNode) ApiJson.mapper().readTree(json);
    }
}

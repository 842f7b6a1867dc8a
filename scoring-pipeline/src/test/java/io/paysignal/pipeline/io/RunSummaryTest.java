package io.paysignal.pipeline.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunSummaryTest {

    private static final RunSummary SUMMARY = new RunSummary(List.of(
            new RunSummary.TableCounts("customers", "customers.csv", 100, 97,
                    Map.of("unknown_timezone", 1L, "duplicate_key", 2L)),
            new RunSummary.TableCounts("invoices", "invoices.parquet", 300, 296, Map.of("unknown_customer", 4L)),
            new RunSummary.TableCounts("payments", "payments.csv", 0, 0, Map.of()),
            new RunSummary.TableCounts("contacts", null, 0, 0, Map.of())));

    @Test
    void totalsAddUpOverTables() {
        assertEquals(400, SUMMARY.inputRows());
        assertEquals(393, SUMMARY.acceptedRows());
        assertEquals(7, SUMMARY.rejectedRows());
        assertEquals(7.0 / 400, SUMMARY.rejectShare());
    }

    @Test
    void rendersReadableLinesWithReasonsSortedByName() {
        assertEquals(List.of(
                "customers (customers.csv): 100 rows, 97 accepted, 3 rejected",
                "  duplicate_key: 2",
                "  unknown_timezone: 1",
                "invoices (invoices.parquet): 300 rows, 296 accepted, 4 rejected",
                "  unknown_customer: 4",
                "payments (payments.csv): 0 rows, 0 accepted, 0 rejected",
                "contacts: absent",
                "total: 400 rows, 393 accepted, 7 rejected (1.75%)"), SUMMARY.textLines());
    }

    @Test
    void rendersJsonWithPerTableAndPerReasonCounts() throws Exception {
        JsonNode json = new ObjectMapper().readTree(SUMMARY.toJson());
        assertEquals(400, json.get("input_rows").asLong());
        assertEquals(7, json.get("rejected_rows").asLong());
        assertEquals(0.0175, json.get("reject_share").asDouble(), 1e-12);
        JsonNode customers = json.get("tables").get("customers");
        assertEquals("customers.csv", customers.get("source").asText());
        assertEquals(97, customers.get("accepted_rows").asLong());
        assertEquals(2, customers.get("rejects_by_reason").get("duplicate_key").asLong());
        assertEquals(true, json.get("tables").get("contacts").get("source").isNull());
    }

    @Test
    void topReasonsAreTheMostFrequentFirst() {
        assertEquals(List.of("invoices/unknown_customer 4", "customers/duplicate_key 2"), SUMMARY.topReasons(2));
    }

    @Test
    void emptyHistoryHasNoRejectShare() {
        assertEquals(0.0, new RunSummary(List.of()).rejectShare());
    }

    @Test
    void countsThatDoNotAddUpAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new RunSummary.TableCounts("customers", "customers.csv", 10, 9, Map.of("duplicate_key", 2L)));
    }

    @Test
    void percentKeepsEnoughDecimalsToTellShareFromLimit() {
        assertEquals("1%", RunSummary.percent(0.01));
        assertEquals("1.004%", RunSummary.percent(0.01004));
        assertEquals("62.903%", RunSummary.percent(39.0 / 62));
    }
}

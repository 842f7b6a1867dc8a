package io.paysignal.pipeline.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluationReportTest {

    private static final double[] SCORES = {0.05, 0.05, 0.15, 0.35, 0.55, 0.95};
    private static final boolean[] LABELS = {false, true, false, false, true, true};

    @Test
    void theTextShowsTheHeadlineMetricsTheCalibrationTableAndLift() {
        String text = EvaluationReport.of("20260115-100000-abc", LocalDate.of(2026, 1, 15), SCORES, LABELS).toText();
        assertTrue(text.startsWith("Evaluation of model 20260115-100000-abc as of 2026-01-15\n"), text);
        assertTrue(text.contains("customers 6, delinquent 3 (50.0%)"), text);
        // AUC by hand: of 9 (pos, neg) pairs, 6.5 are ordered correctly (the 0.05 tie counts one half).
        assertTrue(text.contains("AUC    0.7222"), text);
        assertTrue(text.contains("Brier  "), text);
        assertTrue(text.contains("ECE    "), text);
        assertTrue(text.contains("  [0.0, 0.1)            2      0.0500         0.5000"), text);
        assertTrue(text.contains("  [0.9, 1.0]            1      0.9500         1.0000"), text);
        assertTrue(text.contains("Lift by decile (highest scores first)"), text);
    }

    @Test
    void theJsonCarriesTheSameUnroundedNumbers() throws Exception {
        EvaluationReport report = EvaluationReport.of("v1", LocalDate.of(2026, 1, 15), SCORES, LABELS);
        JsonNode json = new ObjectMapper().readTree(report.toJson());
        assertEquals("v1", json.get("modelVersion").asText());
        assertEquals("2026-01-15", json.get("asOf").asText());
        assertEquals(report.metrics().summary().auc(), json.at("/metrics/summary/auc").asDouble(), 0.0);
        assertEquals(report.metrics().summary().ece(), json.at("/metrics/summary/ece").asDouble(), 0.0);
        assertEquals(report.metrics().calibration().size(), json.at("/metrics/calibration").size());
        assertEquals(report.metrics().deciles().size(), json.at("/metrics/deciles").size());
    }

    @Test
    void scoresWithOnlyOneLabelCannotBeEvaluated() {
        assertThrows(IllegalArgumentException.class, () -> EvaluationReport.of("v1", LocalDate.of(2026, 1, 15),
                new double[] {0.1, 0.2}, new boolean[] {false, false}));
    }
}

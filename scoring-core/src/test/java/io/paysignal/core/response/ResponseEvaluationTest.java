package io.paysignal.core.response;

import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.testsupport.SyntheticResponses;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResponseEvaluationTest {

    private static final Instant SPLIT = SyntheticResponses.START.plusDays(90).atStartOfDay(ZoneOffset.UTC)
            .toInstant();
    private static final Instant END = SyntheticResponses.START.plusDays(130).atStartOfDay(ZoneOffset.UTC)
            .toInstant();

    @Test
    void customerLevelModelBeatsTheHourOfDayBaselineWhenCustomersHaveTheirOwnBestHours() {
        List<CustomerHistory> histories = SyntheticResponses.histories(400, 60, 120, 11);
        List<ResponseObservation> training = ResponseObservation.aggregate(histories, SPLIT);
        ResponseModel baseline = ResponseModel.fit(training, ResponseModelSettings.hourOfDayBaseline());
        ResponseModel full = ResponseModel.fit(training, ResponseModelSettings.full(10));
        ResponseEvaluation evaluation = ResponseEvaluation.evaluate(full, baseline, histories, SPLIT, END);
        System.out.printf(Locale.ROOT, "synthetic OOT (%d held out, %d reached): %s log-loss %.4f AUC %.4f; "
                        + "hour-of-day baseline log-loss %.4f AUC %.4f%n", evaluation.heldOut(),
                evaluation.positives(), evaluation.model(), evaluation.logLoss(), evaluation.auc(),
                evaluation.baselineLogLoss(), evaluation.baselineAuc());
        assertTrue(evaluation.heldOut() > 4000, "held out " + evaluation.heldOut());
        assertTrue(evaluation.beatsBaseline(), evaluation.toString());
        assertTrue(evaluation.auc() > evaluation.baselineAuc() + 0.1, evaluation.toString());
    }

    @Test
    void baselineEvaluatedAgainstItselfTies() {
        List<CustomerHistory> histories = SyntheticResponses.histories(50, 20, 120, 5);
        ResponseModel baseline = ResponseModel.fit(ResponseObservation.aggregate(histories, SPLIT),
                ResponseModelSettings.hourOfDayBaseline());
        ResponseEvaluation evaluation = ResponseEvaluation.evaluate(baseline, baseline, histories, SPLIT, END);
        assertEquals(evaluation.baselineLogLoss(), evaluation.logLoss(), 0);
        assertEquals(evaluation.baselineAuc(), evaluation.auc(), 0);
    }

    @Test
    void aucCountsTiesAsHalf() {
        assertEquals(1.0, ResponseEvaluation.auc(List.of(new double[] {0.9, 1}, new double[] {0.1, 0})), 0);
        assertEquals(0.0, ResponseEvaluation.auc(List.of(new double[] {0.1, 1}, new double[] {0.9, 0})), 0);
        assertEquals(0.5, ResponseEvaluation.auc(List.of(new double[] {0.5, 1}, new double[] {0.5, 0})), 0);
        assertEquals(0.875, ResponseEvaluation.auc(List.of(new double[] {0.8, 1}, new double[] {0.5, 1},
                new double[] {0.5, 0}, new double[] {0.2, 0})), 1e-12);
        assertTrue(Double.isNaN(ResponseEvaluation.auc(List.of(new double[] {0.8, 1}))));
    }

    @Test
    void logLossIsTheMeanNegativeLogLikelihood() {
        double expected = -(Math.log(0.8) + Math.log(1 - 0.4)) / 2;
        assertEquals(expected, ResponseEvaluation.logLoss(List.of(new double[] {0.8, 1}, new double[] {0.4, 0})),
                1e-12);
    }

    @Test
    void emptyHoldOutIsRefused() {
        List<CustomerHistory> histories = SyntheticResponses.histories(5, 5, 30, 1);
        ResponseModel model = ResponseModel.fit(List.of(), ResponseModelSettings.hourOfDayBaseline());
        assertThrows(IllegalArgumentException.class,
                () -> ResponseEvaluation.evaluate(model, model, histories, END, END.plusSeconds(3600)));
    }
}

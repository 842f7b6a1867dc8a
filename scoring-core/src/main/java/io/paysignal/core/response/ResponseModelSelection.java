package io.paysignal.core.response;

import io.paysignal.core.history.CustomerHistory;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Chooses the response-model structure the data supports: every candidate is fitted on observations before
 * a split and scored out of time on the contacts after it ({@link ResponseEvaluation}); the lowest log-loss
 * wins, AUC breaking ties. The global hour-of-day baseline is always a candidate, so a richer model is only
 * chosen when it predicts later contacts better than hour of day alone.
 *
 * <p>The chosen settings are then refitted by the caller on all observations up to the training date (see
 * {@link #refit}), and the selection record goes into the model bundle next to the model.
 *
 * @param chosen the winning settings
 * @param chosenEvaluation its out-of-time evaluation
 * @param candidates every candidate's evaluation, in the order tried
 */
public record ResponseModelSelection(ResponseModelSettings chosen, ResponseEvaluation chosenEvaluation,
                                     List<ResponseEvaluation> candidates) implements Serializable {

    public ResponseModelSelection {
        if (chosen == null || chosenEvaluation == null) {
            throw new IllegalArgumentException("chosen settings and evaluation are required");
        }
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    /**
     * Fits and scores each candidate.
     *
     * @param training aggregated observations of contacts made before {@code split} only (the caller's
     *                 promise: a later contact here leaks the held-out outcomes into the fit)
     * @param histories customers whose contacts in {@code [split, end)} are held out
     * @param split start of the held-out period
     * @param end end of the held-out period, exclusive
     * @param candidateSettings structures to compare; the hour-of-day baseline is added when missing
     */
    public static ResponseModelSelection select(Collection<ResponseObservation> training,
                                                Collection<CustomerHistory> histories, Instant split, Instant end,
                                                List<ResponseModelSettings> candidateSettings) {
        ResponseModel baseline = ResponseModel.fit(training, ResponseModelSettings.hourOfDayBaseline());
        List<ResponseModelSettings> settingsList = new ArrayList<>(candidateSettings);
        if (!settingsList.contains(ResponseModelSettings.hourOfDayBaseline())) {
            settingsList.add(0, ResponseModelSettings.hourOfDayBaseline());
        }
        List<ResponseEvaluation> evaluations = new ArrayList<>();
        ResponseModelSettings best = null;
        ResponseEvaluation bestEvaluation = null;
        for (ResponseModelSettings settings : settingsList) {
            ResponseModel model = ResponseModel.fit(training, settings);
            ResponseEvaluation evaluation = ResponseEvaluation.evaluate(model, baseline, histories, split, end);
            evaluations.add(evaluation);
            if (bestEvaluation == null || isBetter(evaluation, bestEvaluation)) {
                best = settings;
                bestEvaluation = evaluation;
            }
        }
        return new ResponseModelSelection(best, bestEvaluation, evaluations);
    }

    /** The chosen structure fitted on {@code allObservations} (everything up to the training date). */
    public ResponseModel refit(Collection<ResponseObservation> allObservations) {
        return ResponseModel.fit(allObservations, chosen);
    }

    private static boolean isBetter(ResponseEvaluation candidate, ResponseEvaluation incumbent) {
        if (candidate.logLoss() != incumbent.logLoss()) {
            return candidate.logLoss() < incumbent.logLoss();
        }
        return candidate.auc() > incumbent.auc();
    }
}

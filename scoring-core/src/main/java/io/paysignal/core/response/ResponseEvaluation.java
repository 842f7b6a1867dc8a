package io.paysignal.core.response;

import io.paysignal.core.history.Contact;
import io.paysignal.core.history.CustomerHistory;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Out-of-time quality of a response model against the global hour-of-day baseline, both fitted on contacts
 * before a split instant and scored on the contacts in {@code [split, end)}. Each held-out contact is
 * predicted from its customer's contacts before the split only, as a decision made at the split would be.
 *
 * @param model the evaluated model's {@link ResponseModelSettings#describe()}
 * @param heldOut held-out contacts scored
 * @param positives of those, how many reached the customer
 * @param logLoss the model's mean log-loss (natural log; lower is better)
 * @param auc the model's ROC AUC (ties count one half); NaN when all held-out outcomes are equal
 * @param baselineLogLoss the baseline's mean log-loss
 * @param baselineAuc the baseline's ROC AUC
 */
public record ResponseEvaluation(String model, long heldOut, long positives, double logLoss, double auc,
                                 double baselineLogLoss, double baselineAuc) implements Serializable {

    public ResponseEvaluation {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("model name must not be blank");
        }
        if (heldOut < 1 || positives < 0 || positives > heldOut) {
            throw new IllegalArgumentException("need at least one held-out contact and 0 <= positives <= heldOut");
        }
    }

    /** True when the model's log-loss is strictly below the baseline's. */
    public boolean beatsBaseline() {
        return logLoss < baselineLogLoss;
    }

    /**
     * Scores {@code model} and {@code baseline} on every contact in {@code [split, end)} of the given histories.
     *
     * @throws IllegalArgumentException when no contact lies in {@code [split, end)}
     */
    public static ResponseEvaluation evaluate(ResponseModel model, ResponseModel baseline,
                                              Collection<CustomerHistory> histories, Instant split, Instant end) {
        if (model == null || baseline == null || histories == null || split == null || end == null) {
            throw new IllegalArgumentException("model, baseline, histories, split and end are required");
        }
        List<double[]> modelScores = new ArrayList<>();
        List<double[]> baselineScores = new ArrayList<>();
        for (CustomerHistory history : histories) {
            List<Contact> before = new ArrayList<>();
            List<Contact> heldOut = new ArrayList<>();
            for (Contact contact : history.contacts()) {
                if (contact.contactTime().isBefore(split)) {
                    before.add(contact);
                } else if (contact.contactTime().isBefore(end)) {
                    heldOut.add(contact);
                }
            }
            if (heldOut.isEmpty()) {
                continue;
            }
            CustomerResponse byModel = model.forCustomer(history.customer(), before);
            CustomerResponse byBaseline = baseline.forCustomer(history.customer(), before);
            for (Contact contact : heldOut) {
                double label = contact.outcome().reachedCustomer() ? 1 : 0;
                modelScores.add(new double[] {byModel.probability(contact.channel(), contact.contactTime()), label});
                baselineScores.add(new double[] {
                        byBaseline.probability(contact.channel(), contact.contactTime()), label});
            }
        }
        if (modelScores.isEmpty()) {
            throw new IllegalArgumentException("no held-out contact in [" + split + ", " + end + ")");
        }
        long positives = modelScores.stream().filter(pair -> pair[1] == 1).count();
        return new ResponseEvaluation(model.settings().describe(), modelScores.size(), positives,
                logLoss(modelScores), auc(modelScores), logLoss(baselineScores), auc(baselineScores));
    }

    /** Mean negative log-likelihood of {probability, label} pairs. */
    static double logLoss(List<double[]> scored) {
        double total = 0;
        for (double[] pair : scored) {
            double p = ResponseModel.clip(pair[0]);
            total -= pair[1] == 1 ? Math.log(p) : Math.log(1 - p);
        }
        return total / scored.size();
    }

    /** ROC AUC by the rank-sum (Mann-Whitney) formula, ties at their mean rank; NaN without both classes. */
    static double auc(List<double[]> scored) {
        double[][] sorted = scored.toArray(double[][]::new);
        Arrays.sort(sorted, (a, b) -> Double.compare(a[0], b[0]));
        long positives = 0;
        double positiveRankSum = 0;
        int i = 0;
        while (i < sorted.length) {
            int j = i;
            while (j < sorted.length && sorted[j][0] == sorted[i][0]) {
                j++;
            }
            double meanRank = (i + 1 + j) / 2.0;
            for (int k = i; k < j; k++) {
                if (sorted[k][1] == 1) {
                    positives++;
                    positiveRankSum += meanRank;
                }
            }
            i = j;
        }
        long negatives = sorted.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}

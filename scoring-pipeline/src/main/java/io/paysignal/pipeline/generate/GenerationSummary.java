package io.paysignal.pipeline.generate;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * What a generator run wrote: row counts per table and, per truth as-of date, the realized label rate and
 * how well the true probabilities rank the realized labels.
 *
 * @param customers rows in customers.csv
 * @param invoices rows in invoices.csv
 * @param payments rows in payments.csv
 * @param contacts rows in contacts.csv
 * @param truth one entry per truth as-of date
 * @param seconds wall-clock time of the run
 */
public record GenerationSummary(long customers, long invoices, long payments, long contacts,
                                List<TruthSummary> truth, double seconds) {

    public GenerationSummary {
        truth = List.copyOf(truth);
    }

    /**
     * @param asOf the as-of date
     * @param meanProbability mean true probability over all customers
     * @param labelled customers whose realized label the history observes (0 when as-of + H is past the end)
     * @param positives realized label 1 among them
     * @param auc AUC of the true probabilities against the realized labels, NaN when not observable
     */
    public record TruthSummary(LocalDate asOf, double meanProbability, long labelled, long positives, double auc) {

        /** Share of labelled customers with label 1, NaN when none are labelled. */
        public double prevalence() {
            return labelled == 0 ? Double.NaN : (double) positives / labelled;
        }
    }

    /** Customers generated per second. */
    public double customersPerSecond() {
        return seconds > 0 ? customers / seconds : Double.NaN;
    }

    /** A few human-readable lines for the command line. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "customers %d, invoices %d, payments %d, contacts %d in %.1f s (%.0f customers/s)%n",
                customers, invoices, payments, contacts, seconds, customersPerSecond()));
        for (TruthSummary summary : truth) {
            text.append(String.format(Locale.ROOT, "as of %s: mean true probability %.4f", summary.asOf(),
                    summary.meanProbability()));
            if (summary.labelled() > 0) {
                text.append(String.format(Locale.ROOT, ", realized label prevalence %.4f (%d of %d), truth AUC %.4f",
                        summary.prevalence(), summary.positives(), summary.labelled(), summary.auc()));
            } else {
                text.append(", labels not observable (as-of + horizon is after the end)");
            }
            text.append(System.lineSeparator());
        }
        return text.toString();
    }
}

package io.paysignal.pipeline.job;

import java.util.Locale;

/** What {@code riskctl segments} prints when it is done. */
public final class KpiSummary {

    private KpiSummary() {
    }

    /** A few lines for people: coverage, labels, and the KPIs of the month ending on T. */
    public static String text(SegmentsJob.Outcome outcome, SegmentsJob.Config config) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "segments as of %s: %d customers in %d segment rows (amounts %s)%n",
                config.asOf(), outcome.customers(), outcome.segmentRows(),
                SegmentsJob.amountsDescription(config.reporting())));
        if (outcome.scoredWithoutHistory() > 0 || outcome.historyWithoutScore() > 0) {
            text.append(String.format(Locale.ROOT, "left out: %d scored customers not in the history, %d history"
                    + " customers without a score%n", outcome.scoredWithoutHistory(), outcome.historyWithoutScore()));
        }
        text.append(outcome.labelsObserved()
                ? String.format(Locale.ROOT, "observed label rates: the history covers T + %d days%n",
                        config.label().horizonDays())
                : String.format(Locale.ROOT, "observed label rates: none, the history does not reach %s (T + %d days)%n",
                        config.label().observedThrough(config.asOf()), config.label().horizonDays()));
        if (outcome.latest().isEmpty()) {
            text.append("KPIs: the history does not cover the month ending on T\n");
        }
        for (KpiReport report : outcome.latest()) {
            text.append("KPIs ").append(report.summaryLine()).append('\n');
        }
        text.append("written to ").append(outcome.out()).append('\n');
        return text.toString();
    }
}

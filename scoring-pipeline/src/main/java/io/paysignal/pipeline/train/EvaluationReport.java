package io.paysignal.pipeline.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.paysignal.core.model.BinaryMetrics;
import io.paysignal.core.model.CalibrationBin;
import io.paysignal.core.model.DecileLift;
import io.paysignal.core.model.MetricSummary;

import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Locale;

/**
 * What {@code riskctl evaluate} prints: a model's risk scores as of a date against the labels observed over
 * the horizon after it, as text for people and as JSON for scripts.
 *
 * @param modelVersion the bundle version that made the scores
 * @param asOf the as-of date T the scores are for
 * @param metrics AUC, KS, Brier, ECE, the calibration table and lift by decile
 */
public record EvaluationReport(String modelVersion, LocalDate asOf, BinaryMetrics metrics) {

    public EvaluationReport {
        if (modelVersion == null || modelVersion.isBlank() || asOf == null || metrics == null) {
            throw new IllegalArgumentException("model version, as-of date and metrics are required");
        }
    }

    /**
     * Builds a report from scores and labels.
     *
     * @throws IllegalArgumentException when the labels are all the same (AUC and KS are then undefined)
     */
    public static EvaluationReport of(String modelVersion, LocalDate asOf, double[] riskScores, boolean[] labels) {
        return new EvaluationReport(modelVersion, asOf, BinaryMetrics.of(riskScores, labels));
    }

    /** The report as aligned plain text. */
    public String toText() {
        MetricSummary s = metrics.summary();
        StringBuilder out = new StringBuilder();
        out.append(format("Evaluation of model %s as of %s%n", modelVersion, asOf));
        out.append(format("customers %d, delinquent %d (%.1f%%)%n%n", s.count(), s.positives(),
                100.0 * s.baseRate()));
        out.append(format("AUC    %.4f%n", s.auc()));
        out.append(format("KS     %.4f%n", s.ks()));
        out.append(format("Brier  %.4f%n", s.brier()));
        out.append(format("ECE    %.4f  (%d equal-width score bins)%n%n", s.ece(), BinaryMetrics.CALIBRATION_BINS));
        out.append("Calibration\n");
        out.append(format("  %-12s %10s %11s %14s%n", "score", "customers", "mean score", "observed rate"));
        for (CalibrationBin bin : metrics.calibration()) {
            String range = format("[%.1f, %.1f%s", bin.lower(), bin.upper(), bin.upper() >= 1.0 ? "]" : ")");
            out.append(format("  %-12s %10d %11.4f %14.4f%n", range, bin.count(), bin.meanScore(),
                    bin.observedRate()));
        }
        out.append("\nLift by decile (highest scores first)\n");
        out.append(format("  %-6s %10s %11s %9s %7s %8s %17s%n", "decile", "customers", "delinquent", "rate",
                "lift", "capture", "score range"));
        for (DecileLift d : metrics.deciles()) {
            out.append(format("  %-6d %10d %11d %9.4f %7.2f %7.1f%% %8.4f-%.4f%n", d.decile(), d.count(),
                    d.positives(), d.positiveRate(), d.lift(), 100.0 * d.cumulativeCapture(), d.minScore(),
                    d.maxScore()));
        }
        return out.toString();
    }

    /** The report as pretty-printed JSON with the same numbers, unrounded. */
    public String toJson() {
        try {
            return JsonMapper.builder().addModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .enable(SerializationFeature.INDENT_OUTPUT).build()
                    .writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write evaluation report", e);
        }
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}

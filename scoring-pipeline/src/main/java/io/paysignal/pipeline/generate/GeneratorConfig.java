package io.paysignal.pipeline.generate;

import io.paysignal.core.definition.DelinquencyLabel;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything one generator run depends on. Same config, same bytes.
 *
 * @param customers how many customers (1 to 9,999,999)
 * @param start first day of the history
 * @param end last day of the history
 * @param seed the run seed
 * @param out output directory (tables in it, truth in {@code out/truth})
 * @param truthAsOf as-of dates for the label truth, each within [start, end]
 * @param label the label definition the truth is computed for (D and H)
 * @param truthSamples Monte Carlo re-simulations per customer and as-of date
 * @param threads simulation threads; the output does not depend on it
 * @param legacyCallsInLocalHours the legacy policy's agents call between 09:00 and 19:00 on the customer's
 *                                local weekdays instead of 13:00-20:00 UTC on UTC weekdays (default false: the
 *                                histories generated so far)
 */
public record GeneratorConfig(int customers, LocalDate start, LocalDate end, long seed, Path out,
                              List<LocalDate> truthAsOf, DelinquencyLabel label, int truthSamples, int threads,
                              boolean legacyCallsInLocalHours) {

    /** A run with the default legacy call hours (13:00-20:00 UTC). */
    public GeneratorConfig(int customers, LocalDate start, LocalDate end, long seed, Path out,
                           List<LocalDate> truthAsOf, DelinquencyLabel label, int truthSamples, int threads) {
        this(customers, start, end, seed, out, truthAsOf, label, truthSamples, threads, false);
    }

    /** Most customers a run can number ({@code C9999999}). */
    public static final int MAX_CUSTOMERS = 9_999_999;
    /** Default Monte Carlo samples per customer and as-of date. */
    public static final int DEFAULT_TRUTH_SAMPLES = 64;

    public GeneratorConfig {
        if (customers < 1 || customers > MAX_CUSTOMERS) {
            throw new IllegalArgumentException("customers must be between 1 and " + MAX_CUSTOMERS + ", was " + customers);
        }
        if (start == null || end == null || !end.isAfter(start)) {
            throw new IllegalArgumentException("end must be after start");
        }
        if (out == null) {
            throw new IllegalArgumentException("an output directory is required");
        }
        if (label == null) {
            throw new IllegalArgumentException("a label definition is required");
        }
        truthAsOf = truthAsOf == null ? List.of() : truthAsOf.stream().distinct().sorted().toList();
        for (LocalDate asOf : truthAsOf) {
            if (asOf.isBefore(start) || asOf.isAfter(end)) {
                throw new IllegalArgumentException("truth as-of " + asOf + " is outside " + start + ".." + end);
            }
        }
        if (truthSamples < 1) {
            throw new IllegalArgumentException("truth samples must be at least 1, was " + truthSamples);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
    }

    /** The default truth date: the last as-of whose label the history fully observes, {@code end - H}. */
    public static LocalDate defaultTruthAsOf(LocalDate start, LocalDate end, DelinquencyLabel label) {
        LocalDate asOf = end.minusDays(label.horizonDays());
        if (asOf.isBefore(start)) {
            throw new IllegalArgumentException("the history " + start + ".." + end + " is shorter than the horizon of "
                    + label.horizonDays() + " days: pass --truth-as-of explicitly");
        }
        return asOf;
    }
}

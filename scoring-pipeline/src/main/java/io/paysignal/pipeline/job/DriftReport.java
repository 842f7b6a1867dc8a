package io.paysignal.pipeline.job;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paysignal.core.model.MetricSummary;
import io.paysignal.core.monitoring.MetricDecay;
import io.paysignal.core.monitoring.PopulationStability;
import io.paysignal.core.monitoring.QuantileBins;
import io.paysignal.core.monitoring.StabilityBand;
import io.paysignal.pipeline.io.OutputPublisher;
import io.paysignal.pipeline.io.TextFiles;
import org.apache.hadoop.conf.Configuration;

import java.util.Locale;

/**
 * How {@code riskctl drift} reports: a text table for people, and with {@code --out} the files {@code drift.csv}
 * (one row per variable), {@code drift_bins.csv} (one row per variable and bin), {@code metrics.csv} (label
 * metrics per population) and {@code drift.json} (all of it), published atomically.
 */
public final class DriftReport {

    static final String DRIFT_HEADER = "variable,kind,psi,band,bins,baseline_rows,current_rows,baseline_as_of,current_as_of";
    static final String BINS_HEADER = "variable,kind,bin,lower,upper,baseline_count,current_count,baseline_share,"
            + "current_share,contribution";
    static final String METRICS_HEADER = "population,as_of,customers,positives,auc,ks,brier,ece";

    private DriftReport() {
    }

    /** The report as text. */
    public static String text(DriftJob.Outcome outcome) {
        StringBuilder out = new StringBuilder();
        out.append(format("Drift from the baseline as of %s to the current population as of %s%n", outcome.baselineAsOf(),
                outcome.currentAsOf()));
        out.append(format("PSI/CSI over up to %d bins cut at the baseline's quantiles; bands: stable < %.2f <= moderate"
                + " <= %.2f < significant; threshold %.2f%n%n", outcome.config().bins(), StabilityBand.MODERATE_FROM,
                StabilityBand.SIGNIFICANT_ABOVE, outcome.config().thresholdPsi()));
        out.append(format("  %-48s %-8s %8s  %-11s %4s%n", "variable", "kind", "PSI", "band", "bins"));
        for (DriftJob.VariableDrift drift : outcome.drifts()) {
            PopulationStability psi = drift.stability();
            out.append(format("  %-48s %-8s %8.4f  %-11s %4d%s%n", drift.variable(), drift.kind().wireName(),
                    psi.index(), psi.band().wireName(), psi.bins().count(),
                    psi.index() > outcome.config().thresholdPsi() ? "  <- over threshold" : ""));
        }
        if (!outcome.metrics().isEmpty()) {
            out.append(format("%nLabel metrics%n  %-18s %-10s %9s %9s %7s %7s %7s %7s%n", "population", "as of",
                    "customers", "positives", "AUC", "KS", "Brier", "ECE"));
            for (DriftJob.PopulationMetrics m : outcome.metrics()) {
                MetricSummary s = m.metrics();
                out.append(format("  %-18s %-10s %9d %9d %7.4f %7.4f %7.4f %7.4f%n", m.population(), m.asOf(),
                        s.count(), s.positives(), s.auc(), s.ks(), s.brier(), s.ece()));
            }
        }
        if (!outcome.decays().isEmpty()) {
            out.append(format("%nDecay (positive = worse)%n  %-34s %9s %9s %11s %9s%n", "comparison", "AUC drop",
                    "KS drop", "Brier rise", "ECE rise"));
            for (MetricDecay decay : outcome.decays()) {
                out.append(format("  %-34s %9.4f %9.4f %11.4f %9.4f%n", decay.reference(), decay.aucDrop(),
                        decay.ksDrop(), decay.brierRise(), decay.eceRise()));
            }
        }
        if (!outcome.notes().isEmpty()) {
            out.append('\n');
            outcome.notes().forEach(note -> out.append("note: ").append(note).append('\n'));
        }
        out.append('\n').append(outcome.breaches().isEmpty() ? "verdict: within thresholds\n"
                : "verdict: over threshold: " + String.join("; ", outcome.breaches()) + "\n");
        return out.toString();
    }

    /** Writes the report files into {@code outDir}, published atomically; returns the published directory. */
    public static String write(Configuration conf, DriftJob.Outcome outcome, String outDir) {
        return OutputPublisher.forTarget(outDir, conf).publishAfter(publisher -> {
            writeFiles(conf, outcome, publisher);
            return publisher.target();
        });
    }

    private static void writeFiles(Configuration conf, DriftJob.Outcome outcome, OutputPublisher publisher) {
        StringBuilder drift = new StringBuilder(DRIFT_HEADER).append('\n');
        StringBuilder bins = new StringBuilder(BINS_HEADER).append('\n');
        for (DriftJob.VariableDrift d : outcome.drifts()) {
            PopulationStability psi = d.stability();
            drift.append(String.join(",", d.variable(), d.kind().wireName(), String.valueOf(psi.index()),
                    psi.band().wireName(), String.valueOf(psi.bins().count()), String.valueOf(psi.baselineRows()),
                    String.valueOf(psi.currentRows()), outcome.baselineAsOf().toString(),
                    outcome.currentAsOf().toString())).append('\n');
            QuantileBins cut = psi.bins();
            for (int bin = 0; bin < cut.count(); bin++) {
                bins.append(String.join(",", d.variable(), d.kind().wireName(), String.valueOf(bin),
                        bound(cut.lower(bin)), bound(cut.upper(bin)), String.valueOf(psi.baselineCounts()[bin]),
                        String.valueOf(psi.currentCounts()[bin]), String.valueOf(psi.baselineShare(bin)),
                        String.valueOf(psi.currentShare(bin)), String.valueOf(psi.contribution(bin)))).append('\n');
            }
        }
        StringBuilder metrics = new StringBuilder(METRICS_HEADER).append('\n');
        for (DriftJob.PopulationMetrics m : outcome.metrics()) {
            MetricSummary s = m.metrics();
            metrics.append(String.join(",", m.population(), m.asOf().toString(), String.valueOf(s.count()),
                    String.valueOf(s.positives()), String.valueOf(s.auc()), String.valueOf(s.ks()),
                    String.valueOf(s.brier()), String.valueOf(s.ece()))).append('\n');
        }
        TextFiles.write(conf, publisher.staging("drift.csv"), drift.toString());
        TextFiles.write(conf, publisher.staging("drift_bins.csv"), bins.toString());
        TextFiles.write(conf, publisher.staging("metrics.csv"), metrics.toString());
        TextFiles.write(conf, publisher.staging("drift.json"), json(outcome).toPrettyString() + "\n");
    }

    private static ObjectNode json(DriftJob.Outcome outcome) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("command", "drift");
        root.put("baseline", outcome.config().baseline());
        root.put("current", outcome.config().current());
        root.put("baseline_as_of", outcome.baselineAsOf().toString());
        root.put("current_as_of", outcome.currentAsOf().toString());
        root.put("bins", outcome.config().bins());
        root.put("epsilon", PopulationStability.EPSILON);
        root.put("threshold_psi", outcome.config().thresholdPsi());
        if (outcome.config().maxAucDrop() != null) {
            root.put("max_auc_drop", outcome.config().maxAucDrop());
        }
        ArrayNode variables = root.putArray("variables");
        for (DriftJob.VariableDrift d : outcome.drifts()) {
            ObjectNode v = variables.addObject();
            v.put("variable", d.variable());
            v.put("kind", d.kind().wireName());
            v.put("psi", d.stability().index());
            v.put("band", d.stability().band().wireName());
            ArrayNode edges = v.putArray("edges");
            for (double edge : d.stability().bins().edges()) {
                edges.add(edge);
            }
        }
        ArrayNode metrics = root.putArray("metrics");
        for (DriftJob.PopulationMetrics m : outcome.metrics()) {
            ObjectNode node = metrics.addObject();
            node.put("population", m.population());
            node.put("as_of", m.asOf().toString());
            node.put("customers", m.metrics().count());
            node.put("positives", m.metrics().positives());
            node.put("auc", m.metrics().auc());
            node.put("ks", m.metrics().ks());
            node.put("brier", m.metrics().brier());
            node.put("ece", m.metrics().ece());
        }
        ArrayNode decays = root.putArray("decay");
        for (MetricDecay decay : outcome.decays()) {
            ObjectNode node = decays.addObject();
            node.put("comparison", decay.reference());
            node.put("auc_drop", decay.aucDrop());
            node.put("ks_drop", decay.ksDrop());
            node.put("brier_rise", decay.brierRise());
            node.put("ece_rise", decay.eceRise());
        }
        ArrayNode notes = root.putArray("notes");
        outcome.notes().forEach(notes::add);
        ArrayNode breaches = root.putArray("breaches");
        outcome.breaches().forEach(breaches::add);
        return root;
    }

    private static String bound(double value) {
        return Double.isInfinite(value) ? "" : String.valueOf(value);
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}

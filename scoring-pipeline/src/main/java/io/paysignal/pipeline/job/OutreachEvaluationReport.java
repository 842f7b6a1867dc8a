package io.paysignal.pipeline.job;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paysignal.core.bundle.OutreachSettings;
import io.paysignal.core.history.Channel;
import io.paysignal.core.policy.OutreachAction;
import io.paysignal.core.replay.AuditFinding;
import io.paysignal.core.replay.ChannelChoiceResult;
import io.paysignal.core.replay.HeldOutResult;
import io.paysignal.core.replay.Mean;
import io.paysignal.core.replay.OutreachEvaluation;
import io.paysignal.core.replay.PairedDifference;
import io.paysignal.core.replay.PreferredChannelUse;
import io.paysignal.core.replay.SegmentBestHours;
import io.paysignal.core.replay.Strategy;
import io.paysignal.core.replay.StrategyResult;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The text table and the JSON document of {@code riskctl evaluate-outreach}.
 *
 * @param evaluation the summed evaluation
 * @param asOf T
 * @param windowDays length of the held-out window
 * @param seed seed of the random baseline
 * @param modelVersion the bundle's version
 * @param outreach the bundle's outreach settings
 * @param historyEnds the last date with any activity in the history (null when empty)
 * @param truth the truth given, or null
 * @param heuristic the per-segment rankings used
 * @param whatIf the changes made to the bundle's policy for this run; empty when none
 */
public record OutreachEvaluationReport(OutreachEvaluation evaluation, LocalDate asOf, int windowDays, long seed,
                                       String modelVersion, OutreachSettings outreach, LocalDate historyEnds,
                                       String truth, SegmentBestHours heuristic, String whatIf) {

    /** The end of the held-out window (inclusive). */
    public LocalDate windowEnd() {
        return asOf.plusDays(windowDays);
    }

    /** True when the history stops before the end of the held-out window, so the window is partly empty. */
    public boolean windowTruncated() {
        return historyEnds == null || historyEnds.isBefore(windowEnd());
    }

    /** The report as a table. */
    public String toText() {
        OutreachEvaluation e = evaluation;
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "outreach evaluation as of %s: model %s, policy %s, response model %s%n",
                asOf, modelVersion, outreach.policy().policyVersion(),
                outreach.responseModel().settings().describe()));
        out.append(String.format(Locale.ROOT, "daily delay discount %s: %s%n", outreach.policy().dailyDelayDiscount(),
                outreach.delayDiscountSource()));
        if (!whatIf.isEmpty()) {
            out.append("what-if: ").append(whatIf).append('\n');
        }
        out.append(String.format(Locale.ROOT, "held-out window %s..%s (%d days)%s; random seed %d%n",
                asOf.plusDays(1), windowEnd(), windowDays,
                windowTruncated() ? " - the history ends " + historyEnds + ", before the window does" : "", seed));
        out.append(String.format(Locale.ROOT, "customers active on T: %d; with a recommended contact: %d (%s)%n%n",
                e.customers(), e.recommendations(), actionCounts()));

        out.append(String.format(Locale.ROOT, "%-44s %9s %9s %9s %9s %11s%n", "slot choice (customers with a recommendation)",
                "customers", "estimated", "true", "delay (d)", "true x disc"));
        for (Strategy strategy : Strategy.values()) {
            StrategyResult result = e.result(strategy);
            if ((strategy == Strategy.BEST_ALLOWED || strategy == Strategy.BEST_DISCOUNTED)
                    && result.truth().count() == 0) {
                continue;
            }
            long customers = Math.max(result.estimated().count(), result.truth().count());
            out.append(String.format(Locale.ROOT, "  %-42s %9d %9s %9s %9s %11s%n", strategy.label(), customers,
                    number(result.estimated()), number(result.truth()),
                    result.delayDays().count() == 0 ? "-" : String.format(Locale.ROOT, "%.2f", result.delayDays().value()),
                    number(result.discountedTruth())));
        }
        out.append(String.format(Locale.ROOT, "(true x disc: the true probability x %s per day of delay, the value "
                + "the planner maximises)%n", outreach.policy().dailyDelayDiscount()));
        out.append(String.format(Locale.ROOT, "%n%-44s %9s %9s %9s %9s %9s%n", "existing policy: held-out contacts",
                "customers", "contacts", "estimated", "realized", "true"));
        heldOutLine(out, "of customers with a recommendation", e.heldOutRecommended());
        heldOutLine(out, "of every active customer", e.heldOutAll());
        if (e.heuristicFallbacks() > 0) {
            out.append(String.format(Locale.ROOT, "(per-segment best hour: %d customers had no ranked cell allowed "
                    + "and got the first allowed slot)%n", e.heuristicFallbacks()));
        }

        if (e.customersWithTruth() > 0) {
            double share = e.recommendedShareOfBest();
            double recommended = e.result(Strategy.RECOMMENDED).truth().value();
            double heuristicMean = e.result(Strategy.SEGMENT_BEST_HOUR).truth().value();
            out.append(String.format(Locale.ROOT, "%ntargets on the generated truth (%d customers with a "
                    + "recommendation and a true profile)%n", e.customersWithTruth()));
            out.append(String.format(Locale.ROOT, "  recommended / best allowed slot: %.3f (target >= %.2f: %s); "
                    + "mean of per-customer shares %.3f%n", share, OutreachEvaluation.SHARE_OF_BEST_TARGET,
                    share >= OutreachEvaluation.SHARE_OF_BEST_TARGET ? "met" : "MISSED", e.shareOfBest().value()));
            out.append(String.format(Locale.ROOT, "  like for like with the planner's objective (true x %s per day of "
                    + "delay): recommended / best allowed %.3f%n", outreach.policy().dailyDelayDiscount(),
                    e.recommendedShareOfBestDiscounted()));
            double sameDay = e.result(Strategy.BEST_SAME_DAY).truth().value();
            out.append(String.format(Locale.ROOT, "  split of the share: recommended / best on the recommended local "
                    + "day %.3f (hour and channel) x best on that day / best allowed %.3f (day)%n",
                    recommended / sameDay, sameDay / e.result(Strategy.BEST_ALLOWED).truth().value()));
            out.append(String.format(Locale.ROOT, "  per-segment best hour / best allowed slot: %.3f; random: %.3f%n",
                    heuristicMean / e.result(Strategy.BEST_ALLOWED).truth().value(),
                    e.result(Strategy.RANDOM_ALLOWED).truth().value() / e.result(Strategy.BEST_ALLOWED).truth().value()));
            out.append(String.format(Locale.ROOT, "  beats the per-segment best hour: %s (%.4f vs %.4f, %+.1f%%; per customer %s)%n",
                    yesNo(e.recommendedBeats(Strategy.SEGMENT_BEST_HOUR)), recommended, heuristicMean,
                    100 * (recommended / heuristicMean - 1), gain(e.gainOver(Strategy.SEGMENT_BEST_HOUR))));
            out.append(String.format(Locale.ROOT, "  beats a random allowed slot: %s (per customer %s)%n",
                    yesNo(e.recommendedBeats(Strategy.RANDOM_ALLOWED)), gain(e.gainOver(Strategy.RANDOM_ALLOWED))));
            out.append(String.format(Locale.ROOT, "  beats the existing policy: %s (paired on %d customers with "
                    + "held-out contacts: %.4f vs %.4f; per customer %s)%n", yesNo(e.recommendedBeatsHeldOut()),
                    e.pairedRecommendedTruth().count(), e.pairedRecommendedTruth().value(),
                    e.pairedHeldOutTruth().value(), gain(e.gainOverHeldOut())));
            out.append(String.format(Locale.ROOT, "%n%-20s %9s %9s %9s %9s %9s %9s %10s%n", "by action (true)", "customers",
                    "recommend", "best", "share", "heuristic", "random", "disc share"));
            for (Map.Entry<OutreachAction, Map<Strategy, StrategyResult>> entry : e.byAction().entrySet()) {
                Map<Strategy, StrategyResult> table = entry.getValue();
                double best = truth(table, Strategy.BEST_ALLOWED);
                out.append(String.format(Locale.ROOT, "  %-18s %9d %9.4f %9.4f %9.3f %9.4f %9.4f %10.3f%n",
                        entry.getKey().wireName(), table.get(Strategy.RECOMMENDED).estimated().count(),
                        truth(table, Strategy.RECOMMENDED), best, truth(table, Strategy.RECOMMENDED) / best,
                        truth(table, Strategy.SEGMENT_BEST_HOUR), truth(table, Strategy.RANDOM_ALLOWED),
                        discountedTruth(table, Strategy.RECOMMENDED)
                                / discountedTruth(table, Strategy.BEST_DISCOUNTED)));
            }
            channelChoiceTable(out);
        }

        out.append(String.format(Locale.ROOT, "%nrule audit: %d recommendations re-checked, %d with a rule finding",
                e.recommendations(), e.flaggedRecommendations()));
        StringBuilder findings = new StringBuilder();
        for (AuditFinding finding : AuditFinding.values()) {
            if (finding != AuditFinding.LOW_TIER_NOT_OVERDUE) {
                findings.append(findings.length() == 0 ? "" : ", ").append(finding.code()).append(' ')
                        .append(e.count(finding));
            }
        }
        out.append(" (").append(findings).append(")\n");
        out.append(String.format(Locale.ROOT, "low-tier customers with no overdue invoice: %d, given an action: %d%n",
                e.lowTierNotOverdue(), e.count(AuditFinding.LOW_TIER_NOT_OVERDUE)));
        out.append(String.format(Locale.ROOT, "%nper-segment best hour (contacts before T, cells with >= %d attempts):%n",
                heuristic.minAttempts()));
        for (Map.Entry<String, List<SegmentBestHours.Cell>> entry : heuristic.bySegment().entrySet()) {
            out.append(String.format(Locale.ROOT, "  %-12s %s%n", entry.getKey(), topCells(entry.getValue())));
        }
        return out.toString();
    }

    /** The report as JSON. */
    public String toJson() {
        OutreachEvaluation e = evaluation;
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("command", "evaluate-outreach");
        root.put("as_of", asOf.toString());
        root.put("model_version", modelVersion);
        root.put("outreach_policy", outreach.policy().policyVersion());
        root.put("response_model", outreach.responseModel().settings().describe());
        if (!whatIf.isEmpty()) {
            root.put("what_if", whatIf);
        }
        root.put("daily_delay_discount", outreach.policy().dailyDelayDiscount());
        root.put("daily_delay_discount_source", outreach.delayDiscountSource());
        if (outreach.delayDiscount() != null) {
            root.put("estimated_daily_delay_discount", outreach.delayDiscount().dailyDiscount());
            root.put("estimated_daily_delay_discount_fallback", outreach.delayDiscount().fallback());
        }
        root.put("search_horizon_days", outreach.policy().searchHorizonDays());
        root.put("window_days", windowDays);
        root.put("window_end", windowEnd().toString());
        root.put("window_truncated", windowTruncated());
        root.put("seed", seed);
        if (truth != null) {
            root.put("truth", truth);
        }
        root.put("customers", e.customers());
        root.put("recommendations", e.recommendations());
        ObjectNode actions = root.putObject("actions");
        e.actions().forEach((action, count) -> actions.put(action.wireName(), count));
        ObjectNode strategies = root.putObject("strategies");
        for (Strategy strategy : Strategy.values()) {
            strategies.set(strategy.code(), strategyNode(e.result(strategy)));
        }
        ObjectNode byAction = root.putObject("by_action");
        e.byAction().forEach((action, table) -> {
            ObjectNode node = byAction.putObject(action.wireName());
            table.forEach((strategy, result) -> node.set(strategy.code(), strategyNode(result)));
        });
        ObjectNode existing = root.putObject("existing_policy");
        existing.set("customers_with_recommendation", heldOutNode(e.heldOutRecommended()));
        existing.set("all_active_customers", heldOutNode(e.heldOutAll()));
        root.put("heuristic_fallbacks", e.heuristicFallbacks());
        if (e.customersWithTruth() > 0) {
            ObjectNode targets = root.putObject("targets");
            targets.put("customers_with_truth", e.customersWithTruth());
            put(targets, "recommended_share_of_best", e.recommendedShareOfBest());
            put(targets, "mean_per_customer_share_of_best", e.shareOfBest().value());
            put(targets, "recommended_share_of_best_discounted", e.recommendedShareOfBestDiscounted());
            put(targets, "recommended_share_of_best_same_day", e.result(Strategy.RECOMMENDED).truth().value()
                    / e.result(Strategy.BEST_SAME_DAY).truth().value());
            targets.put("share_of_best_target", OutreachEvaluation.SHARE_OF_BEST_TARGET);
            targets.put("share_of_best_met", e.recommendedShareOfBest() >= OutreachEvaluation.SHARE_OF_BEST_TARGET);
            targets.put("beats_segment_best_hour", e.recommendedBeats(Strategy.SEGMENT_BEST_HOUR));
            targets.put("beats_random_allowed", e.recommendedBeats(Strategy.RANDOM_ALLOWED));
            targets.put("beats_existing_policy", e.recommendedBeatsHeldOut());
            targets.put("paired_customers", e.pairedRecommendedTruth().count());
            put(targets, "paired_recommended_true", e.pairedRecommendedTruth().value());
            put(targets, "paired_existing_true", e.pairedHeldOutTruth().value());
            ObjectNode gains = targets.putObject("true_gain_of_recommended_over");
            for (Strategy strategy : Strategy.values()) {
                if (strategy != Strategy.RECOMMENDED) {
                    gains.set(strategy.code(), gainNode(e.gainOver(strategy)));
                }
            }
            gains.set("existing_policy", gainNode(e.gainOverHeldOut()));
            ObjectNode choice = root.putObject("within_day_channel_choice");
            channelChoiceNode(choice, "all", e.channelChoice());
            ObjectNode byUse = choice.putObject("by_preferred_channel_use");
            e.byPreferredChannelUse().forEach((use, r) -> channelChoiceNode(byUse, use.code(), r));
            ObjectNode byChannel = choice.putObject("by_channel");
            e.byChannel().forEach((channel, r) -> channelChoiceNode(byChannel, channel.wireName(), r));
        }
        ObjectNode audit = root.putObject("audit");
        audit.put("recommendations", e.recommendations());
        audit.put("with_rule_finding", e.flaggedRecommendations());
        for (AuditFinding finding : AuditFinding.values()) {
            audit.put(finding.code(), e.count(finding));
        }
        audit.put("low_tier_not_overdue_customers", e.lowTierNotOverdue());
        return root.toPrettyString();
    }

    /**
     * The hour-and-channel choice within the recommended day, split by what became of the preferred channel and
     * by channel (a diagnostic; the target's measure is unchanged). "w/o pref" is the slot the same planner picks
     * with the preference removed, so "rec - w/o pref" is what the preferred-channel rule cost those customers.
     */
    private void channelChoiceTable(StringBuilder out) {
        ChannelChoiceResult all = evaluation.channelChoice();
        out.append(String.format(Locale.ROOT, "%nwithin the recommended day (true; a diagnostic, not the target): "
                + "rec / best that day = hour (rec / best that day on its channel) x channel (best on its channel / "
                + "best that day)%n"));
        out.append(String.format(Locale.ROOT, "%-34s %9s %9s %9s %9s %9s %9s %9s %9s %9s%n", "group", "customers",
                "recommend", "w/o pref", "best day", "within", "hour", "channel", "rec-w/o", "w/o share"));
        channelChoiceLine(out, "all", all);
        for (Map.Entry<PreferredChannelUse, ChannelChoiceResult> entry : evaluation.byPreferredChannelUse().entrySet()) {
            channelChoiceLine(out, entry.getKey().label(), entry.getValue());
        }
        for (Map.Entry<Channel, ChannelChoiceResult> entry : evaluation.byChannel().entrySet()) {
            channelChoiceLine(out, "recommended by " + entry.getKey().wireName(), entry.getValue());
        }
        out.append(String.format(Locale.ROOT, "  the preferred-channel rule costs %+.4f true probability per "
                + "recommendation (%.3f of the best allowed); without it recommended / best allowed would be %.3f%n",
                all.recommended().value() - all.withoutPreference().value(),
                (all.recommended().value() - all.withoutPreference().value()) / all.bestAllowed().value(),
                all.withoutPreferenceShareOfBest()));
    }

    private static void channelChoiceLine(StringBuilder out, String label, ChannelChoiceResult r) {
        out.append(String.format(Locale.ROOT, "  %-32s %9d %9.4f %9.4f %9.4f %9.3f %9.3f %9.3f %+9.4f %9.3f%n", label,
                r.count(), r.recommended().value(), r.withoutPreference().value(), r.bestOnDay().value(),
                r.withinDayShare(), r.hourShare(), r.channelShare(),
                r.recommended().value() - r.withoutPreference().value(), r.withoutPreferenceShareOfBest()));
    }

    private static ObjectNode channelChoiceNode(ObjectNode parent, String name, ChannelChoiceResult r) {
        ObjectNode node = parent.putObject(name);
        node.put("customers", r.count());
        put(node, "recommended_true", r.recommended().value());
        put(node, "without_preference_true", r.withoutPreference().value());
        put(node, "best_on_day_true", r.bestOnDay().value());
        put(node, "best_on_day_on_channel_true", r.bestOnDayOnChannel().value());
        put(node, "best_allowed_true", r.bestAllowed().value());
        put(node, "within_day_share", r.withinDayShare());
        put(node, "hour_share", r.hourShare());
        put(node, "channel_share", r.channelShare());
        put(node, "share_of_best", r.shareOfBest());
        put(node, "without_preference_share_of_best", r.withoutPreferenceShareOfBest());
        return node;
    }

    private String actionCounts() {
        StringBuilder text = new StringBuilder();
        for (OutreachAction action : OutreachAction.values()) {
            if (action != OutreachAction.NONE && evaluation.actions().containsKey(action)) {
                text.append(text.length() == 0 ? "" : ", ").append(action.wireName()).append(' ')
                        .append(evaluation.actions().get(action));
            }
        }
        return text.length() == 0 ? "none" : text.toString();
    }

    private static void heldOutLine(StringBuilder out, String label, HeldOutResult result) {
        out.append(String.format(Locale.ROOT, "  %-42s %9d %9d %9s %9s %9s%n", label, result.customers(),
                result.contacts(), number(result.estimated()), number(result.realized()), number(result.truth())));
    }

    private static String topCells(List<SegmentBestHours.Cell> cells) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(3, cells.size()); i++) {
            SegmentBestHours.Cell cell = cells.get(i);
            text.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %02d:00 %.3f (%d)",
                    cell.channel().wireName(), cell.localHour(), cell.rate(), cell.attempts()));
        }
        return text.length() == 0 ? "(no cell with enough attempts)" : text.toString();
    }

    private static double truth(Map<Strategy, StrategyResult> table, Strategy strategy) {
        StrategyResult result = table.get(strategy);
        return result == null ? Double.NaN : result.truth().value();
    }

    private static double discountedTruth(Map<Strategy, StrategyResult> table, Strategy strategy) {
        StrategyResult result = table.get(strategy);
        return result == null ? Double.NaN : result.discountedTruth().value();
    }

    /** "+0.0350 +- 0.0061 (z 5.7)". */
    private static String gain(PairedDifference difference) {
        double se = difference.standardError();
        return String.format(Locale.ROOT, "%+.4f +- %.4f (z %.1f)", difference.mean(), se, difference.mean() / se);
    }

    private static ObjectNode gainNode(PairedDifference difference) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("customers", difference.count());
        put(node, "mean", difference.mean());
        put(node, "standard_error", difference.standardError());
        return node;
    }

    private static String number(Mean mean) {
        return mean.count() == 0 ? "-" : String.format(Locale.ROOT, "%.4f", mean.value());
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "NO";
    }

    private static ObjectNode strategyNode(StrategyResult result) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("customers", Math.max(result.estimated().count(), result.truth().count()));
        put(node, "estimated", result.estimated().value());
        put(node, "true", result.truth().value());
        put(node, "delay_days", result.delayDays().value());
        put(node, "true_discounted", result.discountedTruth().value());
        return node;
    }

    private static ObjectNode heldOutNode(HeldOutResult result) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("customers", result.customers());
        node.put("contacts", result.contacts());
        put(node, "estimated", result.estimated().value());
        put(node, "realized", result.realized().value());
        put(node, "true", result.truth().value());
        return node;
    }

    private static void put(ObjectNode node, String field, double value) {
        if (Double.isNaN(value)) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }
}

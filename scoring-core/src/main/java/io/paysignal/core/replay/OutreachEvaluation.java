package io.paysignal.core.replay;

import io.paysignal.core.history.Channel;
import io.paysignal.core.policy.OutreachAction;

import java.io.Serializable;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * The sum of many {@link OutreachReplay}s: counts, the mean estimated and true response of each
 * {@link Strategy}'s slots over the customers with a recommendation (overall and per action), the existing
 * policy's held-out contacts, and the audit's findings. Built one customer at a time with {@link #of} and
 * summed with {@link #plus}, which is associative and commutative, so partitions can be summed in any order.
 *
 * <p>Every strategy is judged on the same customers: those with a recommendation. The existing policy is
 * judged on the contacts it really made; the paired comparison puts each customer's recommendation next to
 * the mean of that same customer's held-out contacts.
 *
 * @param customers customers replayed
 * @param actions customers by recommended action ({@code none} included)
 * @param lowTierNotOverdue customers in the low tier with no overdue invoice on T
 * @param customersWithTruth customers with a recommendation whose true response function was known
 * @param heuristicFallbacks recommendations for which the heuristic fell back to the first allowed slot
 * @param strategies per strategy, over the customers with a recommendation
 * @param byAction the same, per recommended action
 * @param heldOutAll the existing policy's held-out contacts of every customer replayed
 * @param heldOutRecommended those of the customers with a recommendation
 * @param pairedRecommendedTruth the recommendation's true probability, for customers with a recommendation,
 *                               the truth and at least one held-out contact
 * @param pairedHeldOutTruth for the same customers, the mean true probability of their held-out contacts
 * @param gains per strategy, the recommendation's true probability minus the strategy's, per customer with the
 *              truth
 * @param gainOverHeldOut the recommendation's true probability minus the mean of the same customer's held-out
 *                        contacts, for the paired customers
 * @param shareOfBest per customer with the truth, the recommendation's true probability over the best allowed
 * @param flaggedRecommendations recommendations with at least one finding other than the low-tier one
 * @param findings recommendations per audit finding
 * @param byPreferredChannelUse the hour-and-channel choice within the recommended day, per what became of the
 *                              customer's preferred channel (customers with the truth)
 * @param byChannel the same, per recommended channel
 */
public record OutreachEvaluation(
        long customers,
        Map<OutreachAction, Long> actions,
        long lowTierNotOverdue,
        long customersWithTruth,
        long heuristicFallbacks,
        Map<Strategy, StrategyResult> strategies,
        Map<OutreachAction, Map<Strategy, StrategyResult>> byAction,
        HeldOutResult heldOutAll,
        HeldOutResult heldOutRecommended,
        Mean pairedRecommendedTruth,
        Mean pairedHeldOutTruth,
        Map<Strategy, PairedDifference> gains,
        PairedDifference gainOverHeldOut,
        Mean shareOfBest,
        long flaggedRecommendations,
        Map<AuditFinding, Long> findings,
        Map<PreferredChannelUse, ChannelChoiceResult> byPreferredChannelUse,
        Map<Channel, ChannelChoiceResult> byChannel) implements Serializable {

    /** The target share of the best allowed slot's true response probability. */
    public static final double SHARE_OF_BEST_TARGET = 0.85;

    public OutreachEvaluation {
        if (actions == null || strategies == null || byAction == null || heldOutAll == null
                || heldOutRecommended == null || pairedRecommendedTruth == null || pairedHeldOutTruth == null
                || gains == null || gainOverHeldOut == null || shareOfBest == null || findings == null
                || byPreferredChannelUse == null || byChannel == null) {
            throw new IllegalArgumentException("all parts are required");
        }
        actions = copy(actions, OutreachAction.class);
        strategies = copy(strategies, Strategy.class);
        Map<OutreachAction, Map<Strategy, StrategyResult>> nested = new EnumMap<>(OutreachAction.class);
        byAction.forEach((action, table) -> nested.put(action, copy(table, Strategy.class)));
        byAction = Collections.unmodifiableMap(nested);
        findings = copy(findings, AuditFinding.class);
        gains = copy(gains, Strategy.class);
        byPreferredChannelUse = copy(byPreferredChannelUse, PreferredChannelUse.class);
        byChannel = copy(byChannel, Channel.class);
    }

    /** Nothing replayed: the starting point of a sum. */
    public static OutreachEvaluation empty() {
        return new OutreachEvaluation(0, Map.of(), 0, 0, 0, Map.of(), Map.of(), HeldOutResult.EMPTY,
                HeldOutResult.EMPTY, Mean.EMPTY, Mean.EMPTY, Map.of(), PairedDifference.EMPTY, Mean.EMPTY, 0, Map.of(),
                Map.of(), Map.of());
    }

    /**
     * One customer's contribution.
     *
     * @param replay the customer's replay
     * @param truth the customer's true response function, or null when unknown (real data)
     */
    public static OutreachEvaluation of(OutreachReplay replay, SlotProbability truth) {
        HeldOutResult heldOut = heldOut(replay, truth);
        Map<AuditFinding, Long> findings = new EnumMap<>(AuditFinding.class);
        replay.findings().forEach(finding -> findings.put(finding, 1L));
        long lowTier = replay.lowTierNotOverdue() ? 1 : 0;
        if (!replay.recommendsContact()) {
            return new OutreachEvaluation(1, Map.of(OutreachAction.NONE, 1L), lowTier, 0, 0, Map.of(), Map.of(),
                    heldOut, HeldOutResult.EMPTY, Mean.EMPTY, Mean.EMPTY, Map.of(), PairedDifference.EMPTY, Mean.EMPTY, 0,
                    findings, Map.of(), Map.of());
        }
        Map<Strategy, StrategyResult> table = new EnumMap<>(Strategy.class);
        table.put(Strategy.RECOMMENDED, result(replay, replay.recommended(), truth));
        table.put(Strategy.MODEL_BEST, result(replay, replay.modelBest(), truth));
        table.put(Strategy.SEGMENT_BEST_HOUR, result(replay, replay.segmentBestHour(), truth));
        table.put(Strategy.RANDOM_ALLOWED, result(replay, replay.randomAllowed(), truth));
        Mean pairedRecommended = Mean.EMPTY;
        Mean pairedHeldOut = Mean.EMPTY;
        Mean share = Mean.EMPTY;
        Map<Strategy, PairedDifference> gains = new EnumMap<>(Strategy.class);
        PairedDifference gainOverHeldOut = PairedDifference.EMPTY;
        Map<PreferredChannelUse, ChannelChoiceResult> byUse = Map.of();
        Map<Channel, ChannelChoiceResult> byChannel = Map.of();
        if (truth != null) {
            double recommended = truth.probability(replay.recommended().slot().key());
            double best = bestAllowed(replay, truth);
            table.put(Strategy.BEST_ALLOWED, new StrategyResult(Mean.EMPTY, Mean.of(best), Mean.EMPTY, Mean.EMPTY));
            table.put(Strategy.BEST_DISCOUNTED, bestDiscounted(replay, truth));
            table.put(Strategy.BEST_SAME_DAY, bestSameDay(replay, truth));
            share = Mean.of(best > 0 ? recommended / best : 1);
            ChannelChoiceResult choice = new ChannelChoiceResult(Mean.of(recommended),
                    table.get(Strategy.BEST_SAME_DAY).truth(), Mean.of(bestSameDayOnChannel(replay, truth)),
                    Mean.of(best), Mean.of(truth.probability(replay.withoutPreference().slot().key())));
            byUse = Map.of(replay.preferredChannelUse(), choice);
            byChannel = Map.of(replay.recommended().slot().channel(), choice);
            for (Map.Entry<Strategy, StrategyResult> entry : table.entrySet()) {
                if (entry.getKey() != Strategy.RECOMMENDED) {
                    gains.put(entry.getKey(), PairedDifference.of(recommended - entry.getValue().truth().value()));
                }
            }
            if (!replay.heldOut().isEmpty()) {
                pairedRecommended = Mean.of(recommended);
                pairedHeldOut = Mean.of(heldOut.truth().value());
                gainOverHeldOut = PairedDifference.of(recommended - heldOut.truth().value());
            }
        }
        boolean flagged = replay.findings().stream().anyMatch(f -> f != AuditFinding.LOW_TIER_NOT_OVERDUE);
        return new OutreachEvaluation(1, Map.of(replay.action(), 1L), lowTier, truth == null ? 0 : 1,
                replay.heuristicFallback() ? 1 : 0, table, Map.of(replay.action(), table), heldOut, heldOut,
                pairedRecommended, pairedHeldOut, gains, gainOverHeldOut, share, flagged ? 1 : 0, findings, byUse,
                byChannel);
    }

    /** The sum of this and {@code other}. */
    public OutreachEvaluation plus(OutreachEvaluation other) {
        Map<OutreachAction, Map<Strategy, StrategyResult>> nested = new EnumMap<>(OutreachAction.class);
        nested.putAll(byAction);
        other.byAction.forEach((action, table) -> nested.merge(action, table,
                (a, b) -> merge(a, b, StrategyResult::plus, Strategy.class)));
        return new OutreachEvaluation(customers + other.customers,
                merge(actions, other.actions, Long::sum, OutreachAction.class),
                lowTierNotOverdue + other.lowTierNotOverdue, customersWithTruth + other.customersWithTruth,
                heuristicFallbacks + other.heuristicFallbacks,
                merge(strategies, other.strategies, StrategyResult::plus, Strategy.class), nested,
                heldOutAll.plus(other.heldOutAll), heldOutRecommended.plus(other.heldOutRecommended),
                pairedRecommendedTruth.plus(other.pairedRecommendedTruth),
                pairedHeldOutTruth.plus(other.pairedHeldOutTruth),
                merge(gains, other.gains, PairedDifference::plus, Strategy.class),
                gainOverHeldOut.plus(other.gainOverHeldOut), shareOfBest.plus(other.shareOfBest),
                flaggedRecommendations + other.flaggedRecommendations,
                merge(findings, other.findings, Long::sum, AuditFinding.class),
                merge(byPreferredChannelUse, other.byPreferredChannelUse, ChannelChoiceResult::plus,
                        PreferredChannelUse.class),
                merge(byChannel, other.byChannel, ChannelChoiceResult::plus, Channel.class));
    }

    /** The hour-and-channel choice within the recommended day over every recommendation with the truth. */
    public ChannelChoiceResult channelChoice() {
        ChannelChoiceResult all = ChannelChoiceResult.EMPTY;
        for (ChannelChoiceResult part : byPreferredChannelUse.values()) {
            all = all.plus(part);
        }
        return all;
    }

    /** Customers with a recommended contact. */
    public long recommendations() {
        return customers - actions.getOrDefault(OutreachAction.NONE, 0L);
    }

    /** A strategy's result over the customers with a recommendation. */
    public StrategyResult result(Strategy strategy) {
        return strategies.getOrDefault(strategy, StrategyResult.EMPTY);
    }

    /** Per customer with the truth, the recommendation's true probability minus {@code baseline}'s. */
    public PairedDifference gainOver(Strategy baseline) {
        return gains.getOrDefault(baseline, PairedDifference.EMPTY);
    }

    /** Recommendations the audit found {@code finding} in. */
    public long count(AuditFinding finding) {
        return findings.getOrDefault(finding, 0L);
    }

    /**
     * The mean true response probability of the recommended slots as a share of the best allowed slots'
     * (ratio of the two means); NaN without the truth.
     */
    public double recommendedShareOfBest() {
        return result(Strategy.RECOMMENDED).truth().value() / result(Strategy.BEST_ALLOWED).truth().value();
    }

    /**
     * Like for like with the planner's objective: the recommended slots' mean true probability x delay discount
     * per day of delay, as a share of the best that any allowed slot reaches on the same measure (ratio of the
     * two means); NaN without the truth. Equal to {@link #recommendedShareOfBest()} when the discount is 1.
     */
    public double recommendedShareOfBestDiscounted() {
        return result(Strategy.RECOMMENDED).discountedTruth().value()
                / result(Strategy.BEST_DISCOUNTED).discountedTruth().value();
    }

    /** True when the recommendations' mean true probability exceeds {@code baseline}'s. */
    public boolean recommendedBeats(Strategy baseline) {
        return result(Strategy.RECOMMENDED).truth().value() > result(baseline).truth().value();
    }

    /** True when, paired per customer, the recommendations' true probability exceeds the held-out contacts'. */
    public boolean recommendedBeatsHeldOut() {
        return pairedRecommendedTruth.value() > pairedHeldOutTruth.value();
    }

    private static StrategyResult result(OutreachReplay replay, ScoredSlot slot, SlotProbability truth) {
        if (truth == null) {
            return new StrategyResult(Mean.of(slot.estimatedResponse()), Mean.EMPTY, Mean.of(replay.delayDays(slot)),
                    Mean.EMPTY);
        }
        double probability = truth.probability(slot.slot().key());
        double delay = replay.delayDays(slot);
        return new StrategyResult(Mean.of(slot.estimatedResponse()), Mean.of(probability), Mean.of(delay),
                Mean.of(replay.discounted(probability, delay)));
    }

    /**
     * The allowed slot with the highest true probability on the recommendation's local day (the recommendation
     * included). Two slots are on the same local day when they share the local weekday and lie less than a day
     * apart: the contact window is shorter than a day, and the same weekday recurs only 6 or more days later.
     */
    private static StrategyResult bestSameDay(OutreachReplay replay, SlotProbability truth) {
        SlotKey recommendedKey = replay.recommended().slot().key();
        double recommendedDelay = replay.delayDays(replay.recommended());
        double probability = truth.probability(recommendedKey);
        double delay = recommendedDelay;
        int[] keys = replay.allowedKeys();
        double[] delays = replay.allowedDelayDays();
        for (int i = 0; i < keys.length; i++) {
            SlotKey key = SlotKey.fromCode(keys[i]);
            if (key.dayOfWeek() == recommendedKey.dayOfWeek() && Math.abs(delays[i] - recommendedDelay) < 1) {
                double p = truth.probability(key);
                if (p > probability) {
                    probability = p;
                    delay = delays[i];
                }
            }
        }
        return new StrategyResult(Mean.EMPTY, Mean.of(probability), Mean.of(delay),
                Mean.of(replay.discounted(probability, delay)));
    }

    /**
     * The highest true probability of an allowed slot on the recommendation's local day and channel (the
     * recommendation included); same day as in {@link #bestSameDay}.
     */
    private static double bestSameDayOnChannel(OutreachReplay replay, SlotProbability truth) {
        SlotKey recommendedKey = replay.recommended().slot().key();
        double recommendedDelay = replay.delayDays(replay.recommended());
        double probability = truth.probability(recommendedKey);
        int[] keys = replay.allowedKeys();
        double[] delays = replay.allowedDelayDays();
        for (int i = 0; i < keys.length; i++) {
            SlotKey key = SlotKey.fromCode(keys[i]);
            if (key.channel() == recommendedKey.channel() && key.dayOfWeek() == recommendedKey.dayOfWeek()
                    && Math.abs(delays[i] - recommendedDelay) < 1) {
                probability = Math.max(probability, truth.probability(key));
            }
        }
        return probability;
    }

    /** The allowed slot (the recommendation included) with the highest true probability x discount^delay. */
    private static StrategyResult bestDiscounted(OutreachReplay replay, SlotProbability truth) {
        double delay = replay.delayDays(replay.recommended());
        double probability = truth.probability(replay.recommended().slot().key());
        double value = replay.discounted(probability, delay);
        int[] keys = replay.allowedKeys();
        double[] delays = replay.allowedDelayDays();
        for (int i = 0; i < keys.length; i++) {
            double p = truth.probability(SlotKey.fromCode(keys[i]));
            double v = replay.discounted(p, delays[i]);
            if (v > value) {
                value = v;
                probability = p;
                delay = delays[i];
            }
        }
        return new StrategyResult(Mean.EMPTY, Mean.of(probability), Mean.of(delay), Mean.of(value));
    }

    private static double bestAllowed(OutreachReplay replay, SlotProbability truth) {
        double best = truth.probability(replay.recommended().slot().key());
        for (SlotKey key : replay.allowedSlotKeys()) {
            best = Math.max(best, truth.probability(key));
        }
        return best;
    }

    private static HeldOutResult heldOut(OutreachReplay replay, SlotProbability truth) {
        Mean estimated = Mean.EMPTY;
        Mean realized = Mean.EMPTY;
        Mean trueProbability = Mean.EMPTY;
        for (HeldOutContact contact : replay.heldOut()) {
            estimated = estimated.plus(contact.estimatedResponse());
            realized = realized.plus(contact.reached() ? 1 : 0);
            if (truth != null) {
                trueProbability = trueProbability.plus(truth.probability(contact.key()));
            }
        }
        return new HeldOutResult(replay.heldOut().isEmpty() ? 0 : 1, estimated, realized, trueProbability);
    }

    private static <K extends Enum<K>, V> Map<K, V> merge(Map<K, V> a, Map<K, V> b, BinaryOperator<V> add,
                                                          Class<K> type) {
        Map<K, V> merged = new EnumMap<>(type);
        merged.putAll(a);
        b.forEach((key, value) -> merged.merge(key, value, add));
        return merged;
    }

    private static <K extends Enum<K>, V> Map<K, V> copy(Map<K, V> map, Class<K> type) {
        Map<K, V> copy = new EnumMap<>(type);
        copy.putAll(map);
        return Collections.unmodifiableMap(copy);
    }
}

package io.paysignal.core.replay;

import io.paysignal.core.history.Channel;
import io.paysignal.core.policy.OutreachAction;
import io.paysignal.core.policy.RiskTier;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutreachEvaluationTest {

    private static final Instant EARLIEST = Instant.parse("2026-03-03T00:00:00Z");

    /** A slot on {@code channel} at UTC hour {@code hour} on day {@code day} after EARLIEST (keys in UTC). */
    private static ScoredSlot slot(Channel channel, int day, int hour, double estimate) {
        Instant at = EARLIEST.plusSeconds(86_400L * day + 3_600L * hour);
        return new ScoredSlot(CandidateSlot.of(channel, at, java.time.ZoneOffset.UTC), estimate);
    }

    /** True probability: 0.1 per hour after 08:00 (UTC), doubled on phone. */
    private static final SlotProbability TRUTH = key -> Math.min(1,
            Math.max(0, (key.localHour() - 8) * 0.05) * (key.channel() == Channel.PHONE ? 2 : 1));

    private static double[] delays(ScoredSlot... slots) {
        double[] delays = new double[slots.length];
        for (int i = 0; i < slots.length; i++) {
            delays[i] = java.time.Duration.between(EARLIEST, slots[i].slot().at()).toSeconds() / 86_400.0;
        }
        return delays;
    }

    private static int[] codes(ScoredSlot... slots) {
        int[] codes = new int[slots.length];
        for (int i = 0; i < slots.length; i++) {
            codes[i] = slots[i].slot().key().code();
        }
        return codes;
    }

    /** Recommended email at 10 (true 0.10), best allowed phone at 12 (true 0.40). */
    private static OutreachReplay reminder(String id, List<HeldOutContact> heldOut) {
        return reminder(id, heldOut, 1.0);
    }

    /** The same, planned with {@code discount} per day of delay. */
    private static OutreachReplay reminder(String id, List<HeldOutContact> heldOut, double discount) {
        ScoredSlot recommended = slot(Channel.EMAIL, 0, 10, 0.30);
        ScoredSlot best = slot(Channel.PHONE, 1, 12, 0.20);
        ScoredSlot heuristic = slot(Channel.EMAIL, 0, 9, 0.25);
        ScoredSlot random = slot(Channel.EMAIL, 2, 11, 0.15);
        return new OutreachReplay(id, "smb", EARLIEST, RiskTier.MEDIUM, OutreachAction.PAYMENT_PLAN_OFFER, false,
                recommended, recommended, heuristic, false, random, codes(recommended, best, heuristic, random),
                delays(recommended, best, heuristic, random), discount, heldOut, Set.of(),
                PreferredChannelUse.NO_PREFERENCE, recommended);
    }

    private static OutreachReplay none(String id, boolean lowTierNotOverdue, List<HeldOutContact> heldOut) {
        return new OutreachReplay(id, "smb", EARLIEST, lowTierNotOverdue ? RiskTier.LOW : RiskTier.HIGH,
                OutreachAction.NONE, lowTierNotOverdue, null, null, null, false, null, new int[0], new double[0], 1.0,
                heldOut, Set.of(), null, null);
    }

    private static HeldOutContact contact(int hour, boolean reached, double estimate) {
        return new HeldOutContact(new SlotKey(Channel.EMAIL, hour, DayOfWeek.TUESDAY), reached, estimate);
    }

    @Test
    void scoresEveryStrategyOfOneCustomerAgainstTheTruth() {
        OutreachEvaluation e = OutreachEvaluation.of(reminder("C1", List.of(contact(9, true, 0.2),
                contact(12, false, 0.4))), TRUTH);
        assertEquals(1, e.customers());
        assertEquals(1, e.recommendations());
        assertEquals(0.10, e.result(Strategy.RECOMMENDED).truth().value(), 1e-12);
        assertEquals(0.30, e.result(Strategy.RECOMMENDED).estimated().value(), 1e-12);
        assertEquals(10 / 24.0, e.result(Strategy.RECOMMENDED).delayDays().value(), 1e-12);
        assertEquals(0.40, e.result(Strategy.BEST_ALLOWED).truth().value(), 1e-12);
        assertEquals(0.05, e.result(Strategy.SEGMENT_BEST_HOUR).truth().value(), 1e-12);
        assertEquals(0.15, e.result(Strategy.RANDOM_ALLOWED).truth().value(), 1e-12);
        assertEquals(0.25, e.recommendedShareOfBest(), 1e-12);
        // Held out: email at 9 (true 0.05, reached) and at 12 (true 0.20, not reached).
        assertEquals(2, e.heldOutAll().contacts());
        assertEquals(0.5, e.heldOutAll().realized().value(), 1e-12);
        assertEquals(0.3, e.heldOutAll().estimated().value(), 1e-12);
        assertEquals(0.125, e.heldOutAll().truth().value(), 1e-12);
        assertEquals(0.10, e.pairedRecommendedTruth().value(), 1e-12);
        assertEquals(0.125, e.pairedHeldOutTruth().value(), 1e-12);
        assertFalse(e.recommendedBeatsHeldOut());
        assertEquals(0.10 - 0.125, e.gainOverHeldOut().mean(), 1e-12);
        assertEquals(0.10 - 0.40, e.gainOver(Strategy.BEST_ALLOWED).mean(), 1e-12);
        assertEquals(0.10 - 0.05, e.gainOver(Strategy.SEGMENT_BEST_HOUR).mean(), 1e-12);
        assertEquals(0, e.gainOver(Strategy.RECOMMENDED).count());
        assertTrue(e.recommendedBeats(Strategy.SEGMENT_BEST_HOUR));
        assertFalse(e.recommendedBeats(Strategy.RANDOM_ALLOWED));
    }

    @Test
    void withoutADiscountTheDiscountedCeilingIsTheBestAllowedSlot() {
        OutreachEvaluation e = OutreachEvaluation.of(reminder("C1", List.of()), TRUTH);
        assertEquals(0.40, e.result(Strategy.BEST_DISCOUNTED).truth().value(), 1e-12);
        assertEquals(0.40, e.result(Strategy.BEST_DISCOUNTED).discountedTruth().value(), 1e-12);
        assertEquals(e.recommendedShareOfBest(), e.recommendedShareOfBestDiscounted(), 1e-12);
    }

    @Test
    void theDiscountedShareJudgesSlotsByTrueProbabilityTimesTheDiscountPerDayOfDelay() {
        OutreachEvaluation e = OutreachEvaluation.of(reminder("C1", List.of(), 0.5), TRUTH);
        // Recommended email on day 0 at 10:00 (true 0.10, 10/24 days late); phone on day 1 at 12:00 is still
        // the best (0.40 x 0.5^1.5 = 0.141), the email at 11:00 on day 2 is not (0.15 x 0.5^2.46 = 0.027).
        double recommended = 0.10 * Math.pow(0.5, 10 / 24.0);
        double best = 0.40 * Math.pow(0.5, 1.5);
        assertEquals(recommended, e.result(Strategy.RECOMMENDED).discountedTruth().value(), 1e-12);
        assertEquals(best, e.result(Strategy.BEST_DISCOUNTED).discountedTruth().value(), 1e-12);
        assertEquals(0.40, e.result(Strategy.BEST_DISCOUNTED).truth().value(), 1e-12);
        assertEquals(1.5, e.result(Strategy.BEST_DISCOUNTED).delayDays().value(), 1e-12);
        assertEquals(recommended / best, e.recommendedShareOfBestDiscounted(), 1e-12);
        assertEquals(0.25, e.recommendedShareOfBest(), 1e-12);
    }

    @Test
    void theSameDayCeilingOnlyLooksAtSlotsOnTheRecommendedLocalDay() {
        ScoredSlot recommended = slot(Channel.EMAIL, 0, 10, 0.30);
        ScoredSlot laterToday = slot(Channel.EMAIL, 0, 14, 0.20);
        ScoredSlot tomorrow = slot(Channel.PHONE, 1, 16, 0.20);
        ScoredSlot nextWeek = slot(Channel.PHONE, 7, 20, 0.20);
        OutreachReplay replay = new OutreachReplay("C1", "smb", EARLIEST, RiskTier.HIGH,
                OutreachAction.PAYMENT_PLAN_OFFER, false, recommended, recommended, recommended, false, recommended,
                codes(recommended, laterToday, tomorrow, nextWeek), delays(recommended, laterToday, tomorrow, nextWeek),
                1.0, List.of(), Set.of(), PreferredChannelUse.NO_PREFERENCE, recommended);
        OutreachEvaluation e = OutreachEvaluation.of(replay, TRUTH);
        // 14:00 the same day (0.30) beats 10:00 (0.10); tomorrow's phone (0.80) and the same weekday a week
        // later (phone at 20:00, 1.0) are other days.
        assertEquals(0.30, e.result(Strategy.BEST_SAME_DAY).truth().value(), 1e-12);
        assertEquals(4 / 24.0 + 10 / 24.0, e.result(Strategy.BEST_SAME_DAY).delayDays().value(), 1e-12);
        assertEquals(1.0, e.result(Strategy.BEST_ALLOWED).truth().value(), 1e-12);
    }

    @Test
    void theWithinDayChoiceIsSplitByPreferredChannelUseAndChannelIntoHourAndChannelParts() {
        // Preferred email at 10:00 (true 0.10) kept over the phone at 14:00 the same day (0.60), which the planner
        // picks without the preference; email at 14:00 (0.30) is the best email slot that day.
        ScoredSlot recommended = slot(Channel.EMAIL, 0, 10, 0.30);
        ScoredSlot emailLater = slot(Channel.EMAIL, 0, 14, 0.20);
        ScoredSlot phoneLater = slot(Channel.PHONE, 0, 14, 0.35);
        OutreachReplay preferred = new OutreachReplay("C1", "smb", EARLIEST, RiskTier.HIGH,
                OutreachAction.PAYMENT_PLAN_OFFER, false, recommended, phoneLater, recommended, false, recommended,
                codes(recommended, emailLater, phoneLater), delays(recommended, emailLater, phoneLater), 1.0,
                List.of(), Set.of(), PreferredChannelUse.HONOURED_OVER_BEST, phoneLater);
        OutreachEvaluation e = OutreachEvaluation.of(preferred, TRUTH)
                .plus(OutreachEvaluation.of(reminder("C2", List.of()), TRUTH));

        ChannelChoiceResult kept = e.byPreferredChannelUse().get(PreferredChannelUse.HONOURED_OVER_BEST);
        assertEquals(1, kept.count());
        assertEquals(0.10, kept.recommended().value(), 1e-12);
        assertEquals(0.60, kept.bestOnDay().value(), 1e-12);
        assertEquals(0.30, kept.bestOnDayOnChannel().value(), 1e-12);
        assertEquals(0.60, kept.withoutPreference().value(), 1e-12);
        assertEquals(0.10 / 0.60, kept.withinDayShare(), 1e-12);
        assertEquals(0.10 / 0.30, kept.hourShare(), 1e-12);
        assertEquals(0.30 / 0.60, kept.channelShare(), 1e-12);
        assertEquals(kept.withinDayShare(), kept.hourShare() * kept.channelShare(), 1e-12);

        // The other customer (no preference) is its own group; both recommendations are emails.
        assertEquals(1, e.byPreferredChannelUse().get(PreferredChannelUse.NO_PREFERENCE).count());
        assertEquals(2, e.byChannel().get(Channel.EMAIL).count());
        assertEquals(2, e.channelChoice().count());
        assertEquals(e.result(Strategy.BEST_SAME_DAY).truth().value(), e.channelChoice().bestOnDay().value(), 1e-12);
        assertEquals(e.recommendedShareOfBest(), e.channelChoice().shareOfBest(), 1e-12);
    }

    @Test
    void withoutTheTruthThereIsNoChannelChoiceBreakdown() {
        OutreachEvaluation e = OutreachEvaluation.of(reminder("C1", List.of()), null);
        assertTrue(e.byPreferredChannelUse().isEmpty());
        assertTrue(e.byChannel().isEmpty());
    }

    @Test
    void aSteepDiscountMovesTheDiscountedCeilingToAnEarlierWorseSlot() {
        OutreachEvaluation e = OutreachEvaluation.of(reminder("C1", List.of(), 0.01), TRUTH);
        // At 0.01 per day the phone call a day and a half later is worth 0.40 x 0.001 = 0.0004, less than the
        // recommended email at 10:00 (0.10 x 0.01^(10/24) = 0.0147) and the email at 09:00 (0.0089).
        assertEquals(0.10, e.result(Strategy.BEST_DISCOUNTED).truth().value(), 1e-12);
        assertEquals(1.0, e.recommendedShareOfBestDiscounted(), 1e-12);
    }

    @Test
    void theShareOfBestIsTheRatioOfMeansNotTheMeanOfRatios() {
        OutreachEvaluation poor = OutreachEvaluation.of(reminder("C1", List.of()), TRUTH);
        ScoredSlot great = slot(Channel.PHONE, 0, 12, 0.5);
        OutreachReplay perfect = new OutreachReplay("C2", "smb", EARLIEST, RiskTier.HIGH,
                OutreachAction.PAYMENT_PLAN_OFFER, false, great, great, great, false, great, codes(great), delays(great),
                1.0, List.of(), Set.of(), PreferredChannelUse.NO_PREFERENCE, great);
        OutreachEvaluation both = poor.plus(OutreachEvaluation.of(perfect, TRUTH));
        // (0.10 + 0.40) / (0.40 + 0.40) = 0.625; the per-customer shares 0.25 and 1 average 0.625 too here,
        // so a third customer whose best is twice as large tells the two apart.
        assertEquals(0.625, both.recommendedShareOfBest(), 1e-12);
        assertEquals(0.625, both.shareOfBest().value(), 1e-12);
        ScoredSlot phoneAt16 = slot(Channel.PHONE, 0, 16, 0.5);
        OutreachReplay strong = new OutreachReplay("C3", "smb", EARLIEST, RiskTier.HIGH,
                OutreachAction.AGENT_CALL, false, phoneAt16, phoneAt16, phoneAt16, false, phoneAt16, codes(phoneAt16),
                delays(phoneAt16), 1.0, List.of(), Set.of(), PreferredChannelUse.NO_PREFERENCE, phoneAt16);
        OutreachEvaluation withStrong = poor.plus(OutreachEvaluation.of(strong, TRUTH));
        assertEquals((0.10 + 0.80) / (0.40 + 0.80), withStrong.recommendedShareOfBest(), 1e-12);
        assertEquals((0.25 + 1.0) / 2, withStrong.shareOfBest().value(), 1e-12);
        assertEquals(2, withStrong.byAction().size());
    }

    @Test
    void customersWithoutARecommendationCountOnlyTowardCountsAndTheExistingPolicy() {
        OutreachEvaluation e = OutreachEvaluation.of(none("C1", true, List.of(contact(10, true, 0.5))), TRUTH);
        assertEquals(1, e.customers());
        assertEquals(0, e.recommendations());
        assertEquals(1, e.lowTierNotOverdue());
        assertEquals(0, e.result(Strategy.RECOMMENDED).truth().count());
        assertEquals(1, e.heldOutAll().contacts());
        assertEquals(0, e.heldOutRecommended().contacts());
        assertEquals(0, e.customersWithTruth());
    }

    @Test
    void withoutTheTruthOnlyEstimatesAreKept() {
        OutreachEvaluation e = OutreachEvaluation.of(reminder("C1", List.of(contact(9, true, 0.2))), null);
        assertEquals(0.30, e.result(Strategy.RECOMMENDED).estimated().value(), 1e-12);
        assertEquals(0, e.result(Strategy.RECOMMENDED).truth().count());
        assertEquals(0, e.result(Strategy.BEST_ALLOWED).truth().count());
        assertTrue(Double.isNaN(e.recommendedShareOfBest()));
        assertEquals(1.0, e.heldOutAll().realized().value(), 1e-12);
    }

    @Test
    void countsAuditFindingsPerRecommendation() {
        OutreachReplay flagged = new OutreachReplay("C9", "smb", EARLIEST, RiskTier.LOW, OutreachAction.REMINDER, true,
                slot(Channel.EMAIL, 0, 10, 0.3), slot(Channel.EMAIL, 0, 10, 0.3), slot(Channel.EMAIL, 0, 10, 0.3),
                true, slot(Channel.EMAIL, 0, 10, 0.3), codes(slot(Channel.EMAIL, 0, 10, 0.3)),
                delays(slot(Channel.EMAIL, 0, 10, 0.3)), 1.0, List.of(),
                Set.of(AuditFinding.CONTACT_RULE, AuditFinding.OUTSIDE_CONTACT_WINDOW, AuditFinding.LOW_TIER_NOT_OVERDUE),
                PreferredChannelUse.NO_PREFERENCE, slot(Channel.EMAIL, 0, 10, 0.3));
        OutreachEvaluation e = OutreachEvaluation.of(flagged, null)
                .plus(OutreachEvaluation.of(reminder("C1", List.of()), null));
        assertEquals(1, e.flaggedRecommendations());
        assertEquals(1, e.count(AuditFinding.CONTACT_RULE));
        assertEquals(1, e.count(AuditFinding.LOW_TIER_NOT_OVERDUE));
        assertEquals(0, e.count(AuditFinding.DO_NOT_CONTACT));
        assertEquals(1, e.heuristicFallbacks());
    }

    @Test
    void summingIsAssociativeCommutativeAndHasAnIdentity() {
        OutreachEvaluation a = OutreachEvaluation.of(reminder("C1", List.of(contact(9, true, 0.2))), TRUTH);
        OutreachEvaluation b = OutreachEvaluation.of(none("C2", false, List.of(contact(14, false, 0.1))), TRUTH);
        OutreachEvaluation c = OutreachEvaluation.of(reminder("C3", List.of()), null);
        assertEquals(a.plus(b).plus(c), a.plus(b.plus(c)));
        assertEquals(a.plus(b), b.plus(a));
        assertEquals(a, OutreachEvaluation.empty().plus(a));
        assertEquals(3, a.plus(b).plus(c).customers());
    }
}

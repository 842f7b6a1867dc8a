package io.paysignal.core.replay;

import io.paysignal.core.history.Channel;
import io.paysignal.core.history.ContactOutcome;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.history.Invoice;
import io.paysignal.core.policy.OutreachAction;
import io.paysignal.core.policy.OutreachConfig;
import io.paysignal.core.policy.OutreachDecision;
import io.paysignal.core.policy.OutreachPlanner;
import io.paysignal.core.policy.RiskTier;
import io.paysignal.core.response.ResponseModel;
import io.paysignal.core.response.ResponseModelSettings;
import io.paysignal.core.response.ResponseObservation;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.paysignal.core.testsupport.OutreachFixtures.contactAtLocal;
import static io.paysignal.core.testsupport.OutreachFixtures.customer;
import static io.paysignal.core.testsupport.OutreachFixtures.history;
import static io.paysignal.core.testsupport.OutreachFixtures.invoice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutreachReplayTest {

    private static final String CHICAGO = "America/Chicago";
    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 2);
    private static final Instant EARLIEST = Instant.parse("2026-03-03T00:00:00Z");
    private static final OutreachPlanner PLANNER = new OutreachPlanner(OutreachConfig.defaults());
    private static final List<Invoice> LATE = List.of(invoice("I1", AS_OF.minusDays(20)));

    /** smb customers answer sms at 19:00 (60%) far better than at any other hour or channel (10%). */
    private static ResponseModel eveningSmsModel() {
        List<ResponseObservation> cells = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            for (int hour = 0; hour < 24; hour++) {
                for (DayOfWeek day : DayOfWeek.values()) {
                    boolean evening = channel == Channel.SMS && hour == 19;
                    cells.add(new ResponseObservation("smb", channel, hour, day, 100, evening ? 60 : 10));
                }
            }
        }
        return ResponseModel.fit(cells, new ResponseModelSettings(true, false, false, false, 10));
    }

    private static final SegmentBestHours NO_RANKING = new SegmentBestHours(Map.of(), List.of(), 30);

    @Test
    void replaysTheDecisionNextToTheAlternativesItHad() {
        CustomerHistory whole = history(customer(CHICAGO), LATE, List.of(), List.of(
                contactAtLocal("2026-02-20T10:00", CHICAGO, Channel.EMAIL, ContactOutcome.NO_RESPONSE),
                contactAtLocal("2026-03-04T12:00", CHICAGO, Channel.PHONE, ContactOutcome.REACHED)));
        HeldOutSplit split = HeldOutSplit.of(whole, AS_OF, 30);
        ResponseModel model = eveningSmsModel();
        OutreachDecision decision = PLANNER.decide(split.known(), AS_OF, RiskTier.MEDIUM, EARLIEST, model);
        OutreachReplay replay = OutreachReplay.of(split, AS_OF, EARLIEST, RiskTier.MEDIUM, decision, PLANNER, model,
                NO_RANKING, 1);

        assertEquals(OutreachAction.REMINDER, replay.action());
        assertEquals(Channel.SMS, replay.recommended().slot().channel());
        assertEquals(19, replay.recommended().slot().key().localHour());
        assertTrue(replay.allowedSlotKeys().contains(replay.recommended().slot().key()));
        assertTrue(replay.modelBest().estimatedResponse() >= replay.recommended().estimatedResponse());
        assertTrue(replay.allowedSlotKeys().contains(replay.randomAllowed().slot().key()));
        assertTrue(replay.heuristicFallback(), "no ranked cell: the heuristic takes the first allowed slot");
        assertFalse(replay.segmentBestHour().slot().at().isAfter(replay.recommended().slot().at()));
        assertEquals(1, replay.heldOut().size());
        assertTrue(replay.heldOut().get(0).reached());
        assertEquals(new SlotKey(Channel.PHONE, 12, DayOfWeek.WEDNESDAY), replay.heldOut().get(0).key());
        assertTrue(replay.findings().isEmpty());
        assertEquals(replay.recommended().slot().at().getEpochSecond() - EARLIEST.getEpochSecond(),
                replay.delayDays(replay.recommended()) * 86_400, 1e-6);
        assertEquals(PLANNER.config().dailyDelayDiscount(), replay.delayDiscount());
        int[] keys = replay.allowedKeys();
        double[] delays = replay.allowedDelayDays();
        assertEquals(keys.length, delays.length);
        int recommendedAt = java.util.Arrays.stream(keys).boxed().toList()
                .indexOf(replay.recommended().slot().key().code());
        assertEquals(replay.delayDays(replay.recommended()), delays[recommendedAt], 1e-9,
                "each allowed slot carries its delay after the earliest instant");
        for (int i = 1; i < delays.length; i++) {
            assertTrue(delays[i] >= delays[i - 1], "allowed slots are in time order");
        }
    }

    private OutreachReplay replayFor(Channel preferred, RiskTier tier, List<Invoice> invoices) {
        CustomerHistory whole = history(customer(CHICAGO, preferred), invoices, List.of(), List.of());
        HeldOutSplit split = HeldOutSplit.of(whole, AS_OF, 30);
        ResponseModel model = eveningSmsModel();
        OutreachDecision decision = PLANNER.decide(split.known(), AS_OF, tier, EARLIEST, model);
        return OutreachReplay.of(split, AS_OF, EARLIEST, tier, decision, PLANNER, model, NO_RANKING, 1);
    }

    @Test
    void recordsWhatBecameOfThePreferredChannelAndThePlannersSlotWithoutIt() {
        OutreachReplay none = replayFor(null, RiskTier.MEDIUM, LATE);
        assertEquals(PreferredChannelUse.NO_PREFERENCE, none.preferredChannelUse());
        assertEquals(none.recommended(), none.withoutPreference());

        // sms at 19:00 is estimated 0.6, email 0.1: email is below 0.5x the best, so it is overruled.
        OutreachReplay overruled = replayFor(Channel.EMAIL, RiskTier.MEDIUM, LATE);
        assertEquals(PreferredChannelUse.OVERRULED, overruled.preferredChannelUse());
        assertEquals(Channel.SMS, overruled.recommended().slot().channel());
        assertEquals(overruled.recommended(), overruled.withoutPreference());

        OutreachReplay alsoBest = replayFor(Channel.SMS, RiskTier.MEDIUM, LATE);
        assertEquals(PreferredChannelUse.HONOURED_ALSO_BEST, alsoBest.preferredChannelUse());

        // A reminder never goes by phone.
        OutreachReplay unavailable = replayFor(Channel.PHONE, RiskTier.MEDIUM, LATE);
        assertEquals(PreferredChannelUse.UNAVAILABLE, unavailable.preferredChannelUse());

        // An agent call is by phone only: a preferred sms cannot be used.
        OutreachReplay call = replayFor(Channel.SMS, RiskTier.HIGH, List.of(invoice("I1", AS_OF.minusDays(70))));
        assertEquals(OutreachAction.AGENT_CALL, call.action());
        assertEquals(PreferredChannelUse.UNAVAILABLE, call.preferredChannelUse());
    }

    @Test
    void aPreferredChannelWithinTheToleranceIsKeptOverABetterEstimate() {
        // Email at 0.35 is within 0.5x of sms at 0.6 once a little better than the rest: build such a model.
        List<ResponseObservation> cells = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            for (int hour = 0; hour < 24; hour++) {
                for (DayOfWeek day : DayOfWeek.values()) {
                    int reached = channel == Channel.SMS && hour == 19 ? 60 : channel == Channel.EMAIL ? 35 : 10;
                    cells.add(new ResponseObservation("smb", channel, hour, day, 100, reached));
                }
            }
        }
        ResponseModel model = ResponseModel.fit(cells, new ResponseModelSettings(true, false, false, false, 10));
        CustomerHistory whole = history(customer(CHICAGO, Channel.EMAIL), LATE, List.of(), List.of());
        HeldOutSplit split = HeldOutSplit.of(whole, AS_OF, 30);
        OutreachDecision decision = PLANNER.decide(split.known(), AS_OF, RiskTier.MEDIUM, EARLIEST, model);
        OutreachReplay replay = OutreachReplay.of(split, AS_OF, EARLIEST, RiskTier.MEDIUM, decision, PLANNER, model,
                NO_RANKING, 1);
        assertEquals(Channel.EMAIL, replay.recommended().slot().channel());
        assertEquals(PreferredChannelUse.HONOURED_OVER_BEST, replay.preferredChannelUse());
        assertEquals(Channel.SMS, replay.withoutPreference().slot().channel());
        assertEquals(19, replay.withoutPreference().slot().key().localHour());
        assertTrue(replay.withoutPreference().estimatedResponse() > replay.recommended().estimatedResponse());
    }

    @Test
    void aCustomerWithoutARecommendationKeepsOnlyTheHeldOutContactsAndTheLowTierFlag() {
        CustomerHistory whole = history(customer(CHICAGO), List.of(invoice("I1", AS_OF.plusDays(10))), List.of(),
                List.of(contactAtLocal("2026-03-10T12:00", CHICAGO, Channel.EMAIL, ContactOutcome.NO_RESPONSE)));
        HeldOutSplit split = HeldOutSplit.of(whole, AS_OF, 30);
        ResponseModel model = eveningSmsModel();
        OutreachDecision decision = PLANNER.decide(split.known(), AS_OF, RiskTier.LOW, EARLIEST, model);
        OutreachReplay replay = OutreachReplay.of(split, AS_OF, EARLIEST, RiskTier.LOW, decision, PLANNER, model,
                NO_RANKING, 1);
        assertFalse(replay.recommendsContact());
        assertTrue(replay.lowTierNotOverdue());
        assertEquals(0, replay.allowedKeys().length);
        assertEquals(1, replay.heldOut().size());
    }

    @Test
    void replayingTwiceGivesEqualReplays() {
        HeldOutSplit split = HeldOutSplit.of(history(customer(CHICAGO), LATE, List.of(), List.of()), AS_OF, 30);
        ResponseModel model = eveningSmsModel();
        OutreachDecision decision = PLANNER.decide(split.known(), AS_OF, RiskTier.MEDIUM, EARLIEST, model);
        OutreachReplay first = OutreachReplay.of(split, AS_OF, EARLIEST, RiskTier.MEDIUM, decision, PLANNER, model,
                NO_RANKING, 1);
        OutreachReplay second = OutreachReplay.of(split, AS_OF, EARLIEST, RiskTier.MEDIUM, decision, PLANNER, model,
                NO_RANKING, 1);
        assertEquals(first, second);
        assertEquals(first.hashCode(), second.hashCode());
    }

    @Test
    void refusesADecisionMadeForAnotherCustomer() {
        HeldOutSplit split = HeldOutSplit.of(history(customer(CHICAGO), LATE, List.of(), List.of()), AS_OF, 30);
        ResponseModel model = eveningSmsModel();
        OutreachDecision decision = PLANNER.decide(split.known(), AS_OF, RiskTier.MEDIUM, EARLIEST, model);
        OutreachDecision other = new OutreachDecision("someone-else", decision.asOf(), decision.action(),
                decision.intendedAction(), decision.reason(), decision.channel(), decision.contactAt(),
                decision.localContactTime(), decision.estimatedResponse(), decision.explanation(), List.of(),
                decision.policyVersion());
        assertThrows(IllegalArgumentException.class, () -> OutreachReplay.of(split, AS_OF, EARLIEST, RiskTier.MEDIUM,
                other, PLANNER, model, NO_RANKING, 1));
    }
}

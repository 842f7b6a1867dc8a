package io.paysignal.core.policy;

import io.paysignal.core.history.Channel;
import io.paysignal.core.history.Contact;
import io.paysignal.core.history.ContactOutcome;
import io.paysignal.core.history.Customer;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.history.Invoice;
import io.paysignal.core.response.ResponseModel;
import io.paysignal.core.response.ResponseModelSettings;
import io.paysignal.core.response.ResponseObservation;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import static io.paysignal.core.testsupport.OutreachFixtures.contactAtLocal;
import static io.paysignal.core.testsupport.OutreachFixtures.customer;
import static io.paysignal.core.testsupport.OutreachFixtures.doNotContact;
import static io.paysignal.core.testsupport.OutreachFixtures.history;
import static io.paysignal.core.testsupport.OutreachFixtures.invoice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutreachPlannerTest {

    private static final String CHICAGO = "America/Chicago";
    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 2);
    /** Start of the day after as-of in UTC: 18:00 CST on 03-02 in Chicago. */
    private static final Instant EARLIEST = Instant.parse("2026-03-03T00:00:00Z");
    /** No data and no customer level: every slot is worth 1/2, so the planner picks by preference and time. */
    private static final ResponseModel UNINFORMATIVE = ResponseModel.fit(List.of(),
            ResponseModelSettings.hourOfDayBaseline());
    private static final OutreachPlanner PLANNER = new OutreachPlanner(OutreachConfig.defaults());

    private static List<Invoice> lateBy(long days) {
        return List.of(invoice("I1", AS_OF.minusDays(days)));
    }

    private static OutreachDecision decide(OutreachPlanner planner, Customer customer, List<Invoice> invoices,
                                           List<Contact> contacts, RiskTier tier, ResponseModel model) {
        return planner.decide(history(customer, invoices, List.of(), contacts), AS_OF, tier, EARLIEST, model);
    }

    /** A population where sms reaches 60% of customers, phone 30%, email 10% and letters 5%. */
    private static ResponseModel smsFavouringModel() {
        List<ResponseObservation> cells = new ArrayList<>();
        for (int hour = 0; hour < 24; hour++) {
            for (DayOfWeek day : DayOfWeek.values()) {
                cells.add(new ResponseObservation("smb", Channel.SMS, hour, day, 100, 60));
                cells.add(new ResponseObservation("smb", Channel.PHONE, hour, day, 100, 30));
                cells.add(new ResponseObservation("smb", Channel.EMAIL, hour, day, 100, 10));
                cells.add(new ResponseObservation("smb", Channel.LETTER, hour, day, 100, 5));
            }
        }
        return ResponseModel.fit(cells, new ResponseModelSettings(true, false, false, false, 10));
    }

    private static void assertAllowedByRules(OutreachPlanner planner, CustomerHistory history,
                                             OutreachDecision decision) {
        List<Contact> known = OutreachPlanner.knownContacts(history, AS_OF, EARLIEST);
        assertEquals(List.of(), planner.config().rules().checker(history.customer(), known)
                .violations(decision.channel(), decision.contactAt()));
    }

    @Test
    void lowTierWithoutOverdueInvoiceGetsNone() {
        OutreachDecision decision = decide(PLANNER, customer(CHICAGO), List.of(invoice("I1", AS_OF.plusDays(5))),
                List.of(), RiskTier.LOW, UNINFORMATIVE);
        assertEquals(OutreachAction.NONE, decision.action());
        assertEquals(TreatmentReason.NOT_DUE_YET, decision.reason());
        assertNull(decision.channel());
        assertNull(decision.contactAt());
        assertEquals(List.of(), decision.suppressed());
    }

    @Test
    void doNotContactGetsNoneAndSaysWhichRule() {
        OutreachDecision decision = decide(PLANNER, doNotContact(CHICAGO), lateBy(5), List.of(), RiskTier.HIGH,
                UNINFORMATIVE);
        assertEquals(OutreachAction.NONE, decision.action());
        assertEquals(OutreachAction.PAYMENT_PLAN_OFFER, decision.intendedAction());
        assertEquals(List.of(ContactRule.DO_NOT_CONTACT),
                decision.suppressed().stream().map(Suppression::rule).toList());
        assertTrue(decision.explanation().contains("do_not_contact"), decision.explanation());
    }

    @Test
    void lateHighRiskGetsAPaymentPlanOfferAtTheFirstSlotWhenNothingElseDiffers() {
        OutreachDecision decision = decide(PLANNER, customer(CHICAGO), lateBy(5), List.of(), RiskTier.HIGH,
                UNINFORMATIVE);
        assertEquals(OutreachAction.PAYMENT_PLAN_OFFER, decision.action());
        assertEquals(TreatmentReason.LATE_HIGH_RISK, decision.reason());
        assertEquals(Channel.EMAIL, decision.channel(), "first channel of the configured order on a tie");
        assertEquals(EARLIEST, decision.contactAt());
        assertEquals(ZonedDateTime.of(2026, 3, 2, 18, 0, 0, 0, ZoneId.of(CHICAGO)), decision.localContactTime());
        assertEquals(0.5, decision.estimatedResponse(), 1e-9);
        assertTrue(decision.explanation().contains("offer a payment plan"), decision.explanation());
        assertTrue(decision.explanation().contains("email at Mon 2026-03-02 18:00 America/Chicago "
                + "(2026-03-03T00:00:00Z): the first slot the rules allow"), decision.explanation());
        assertEquals("outreach-2", decision.policyVersion());
    }

    @Test
    void preferredChannelIsAbandonedOnlyWhenMuchWorse() {
        Customer prefersEmail = customer(CHICAGO, Channel.EMAIL);
        OutreachDecision decision = decide(PLANNER, prefersEmail, lateBy(5), List.of(), RiskTier.HIGH,
                smsFavouringModel());
        assertEquals(Channel.SMS, decision.channel());
        assertTrue(decision.explanation().contains("preferred channel email estimated at only 0.10"),
                decision.explanation());

        OutreachConfig tolerant = new OutreachConfig("test", ContactRules.defaults(), TreatmentPolicy.defaults(),
                OutreachConfig.defaultChannels(), 0.1, 7, 0.85);
        assertEquals(Channel.EMAIL, decide(new OutreachPlanner(tolerant), prefersEmail, lateBy(5), List.of(),
                RiskTier.HIGH, smsFavouringModel()).channel());

        Customer prefersPhone = customer(CHICAGO, Channel.PHONE);
        OutreachDecision phone = decide(PLANNER, prefersPhone, lateBy(5), List.of(), RiskTier.HIGH,
                smsFavouringModel());
        assertEquals(Channel.PHONE, phone.channel(), "0.30 is within 0.5x of sms's 0.60");
    }

    @Test
    void preferredChannelNotUsedForTheActionIsExplained() {
        OutreachDecision decision = decide(PLANNER, customer(CHICAGO, Channel.PHONE),
                List.of(invoice("I1", AS_OF.plusDays(2))), List.of(), RiskTier.HIGH, smsFavouringModel());
        assertEquals(OutreachAction.REMINDER, decision.action());
        assertEquals(Channel.SMS, decision.channel());
        assertTrue(decision.explanation().contains("phone is not used for reminder"), decision.explanation());
    }

    @Test
    void optedOutChannelIsNeverRecommendedAndTheSuppressionSaysWhy() {
        Customer prefersSms = customer(CHICAGO, Channel.SMS);
        List<Contact> optOut = List.of(contactAtLocal("2026-02-10T12:00", CHICAGO, Channel.SMS,
                ContactOutcome.OPTED_OUT));
        OutreachDecision decision = decide(PLANNER, prefersSms, lateBy(5), optOut, RiskTier.HIGH,
                smsFavouringModel());
        assertEquals(Channel.PHONE, decision.channel());
        Suppression sms = decision.suppressed().get(0);
        assertEquals(Channel.SMS, sms.channel());
        assertEquals(ContactRule.CHANNEL_OPTED_OUT, sms.rule());
        assertEquals(PLANNER.slots(ZoneId.of(CHICAGO), EARLIEST).size(), sms.slots());
        assertTrue(decision.explanation().contains("sms opted_out"), decision.explanation());
    }

    @Test
    void agentCallWaitsOutThePhoneQuietPeriodAcrossSpringForward() {
        // Reached 03-01 15:00 CST; 7 x 24 hours later is 03-08 16:00 CDT, the clocks having sprung forward.
        List<Contact> reached = List.of(contactAtLocal("2026-03-01T15:00", CHICAGO, Channel.PHONE,
                ContactOutcome.REACHED));
        CustomerHistory history = history(customer(CHICAGO), lateBy(70), List.of(), reached);
        OutreachDecision decision = PLANNER.decide(history, AS_OF, RiskTier.LOW, EARLIEST, UNINFORMATIVE);
        assertEquals(OutreachAction.AGENT_CALL, decision.action());
        assertEquals(Channel.PHONE, decision.channel());
        assertEquals(Instant.parse("2026-03-08T21:00:00Z"), decision.contactAt());
        assertEquals(LocalTime.of(16, 0), decision.localContactTime().toLocalTime());
        assertEquals(ContactRule.PHONE_QUIET_PERIOD, decision.suppressed().get(0).rule());
        assertAllowedByRules(PLANNER, history, decision);
    }

    @Test
    void agentCallWithPhoneOptedOutIsSuppressedNotDowngraded() {
        List<Contact> optOut = List.of(contactAtLocal("2026-01-10T12:00", CHICAGO, Channel.PHONE,
                ContactOutcome.OPTED_OUT));
        OutreachDecision decision = decide(PLANNER, customer(CHICAGO), lateBy(70), optOut, RiskTier.MEDIUM,
                UNINFORMATIVE);
        assertEquals(OutreachAction.NONE, decision.action());
        assertEquals(OutreachAction.AGENT_CALL, decision.intendedAction());
        assertEquals(TreatmentReason.LONG_OVERDUE, decision.reason());
        assertEquals(ContactRule.CHANNEL_OPTED_OUT, decision.suppressed().get(0).rule());
        assertTrue(decision.explanation().contains("no slot in the next 7 days"), decision.explanation());
    }

    @Test
    void denseRecentHistoryPushesTheContactPastTheWeeklyCap() {
        List<Contact> contacts = List.of(
                contactAtLocal("2026-02-27T10:00", CHICAGO, Channel.EMAIL, ContactOutcome.NO_RESPONSE),
                contactAtLocal("2026-02-28T10:00", CHICAGO, Channel.SMS, ContactOutcome.NO_RESPONSE),
                contactAtLocal("2026-03-01T10:00", CHICAGO, Channel.PHONE, ContactOutcome.NO_RESPONSE));
        CustomerHistory history = history(customer(CHICAGO), lateBy(70), List.of(), contacts);
        OutreachDecision decision = PLANNER.decide(history, AS_OF, RiskTier.HIGH, EARLIEST, UNINFORMATIVE);
        assertEquals(OutreachAction.AGENT_CALL, decision.action());
        assertEquals(Instant.parse("2026-03-06T16:00:00Z"), decision.contactAt(), "10:00 CST, once 02-27 has left");
        assertEquals(ContactRule.CONTACT_CAP, decision.suppressed().get(0).rule());
        assertAllowedByRules(PLANNER, history, decision);
    }

    @Test
    void firstSlotOnSpringForwardDayIsEightInTheMorningDaylightTime() {
        Customer newYork = customer("America/New_York");
        CustomerHistory history = history(newYork, lateBy(5), List.of(), List.of());
        Instant midnightEst = Instant.parse("2026-03-08T05:00:00Z");
        OutreachDecision decision = PLANNER.decide(history, LocalDate.of(2026, 3, 7), RiskTier.HIGH, midnightEst,
                UNINFORMATIVE);
        assertEquals(Instant.parse("2026-03-08T12:00:00Z"), decision.contactAt());
        assertEquals(LocalTime.of(8, 0), decision.localContactTime().toLocalTime());
    }

    @Test
    void slotInALordHoweDaylightGapMovesForwardAndStaysInsideTheWindow() {
        // 2026-10-04 02:00 +10:30 jumps to 02:30 +11:00; with a 02:00 window start the first slot is 02:30.
        ContactRules early = new ContactRules(LocalTime.of(2, 0), LocalTime.of(21, 0), 7, 7, 7, 3, 7, false, null);
        OutreachPlanner planner = new OutreachPlanner(OutreachConfig.defaults().withRules(early));
        Customer lordHowe = customer("Australia/Lord_Howe");
        CustomerHistory history = history(lordHowe, lateBy(5), List.of(), List.of());
        Instant earliest = Instant.parse("2026-10-03T14:00:00Z");
        OutreachDecision decision = planner.decide(history, LocalDate.of(2026, 10, 3), RiskTier.HIGH, earliest,
                UNINFORMATIVE);
        assertEquals(Instant.parse("2026-10-03T15:30:00Z"), decision.contactAt());
        assertEquals(LocalTime.of(2, 30), decision.localContactTime().toLocalTime());
        List<Instant> slots = planner.slots(ZoneId.of("Australia/Lord_Howe"), earliest);
        assertEquals(slots.stream().distinct().count(), slots.size());
    }

    @Test
    void fullDaysHaveThirteenHourlySlotsEvenAcrossDaylightChanges() {
        List<Instant> slots = PLANNER.slots(ZoneId.of("America/New_York"), Instant.parse("2026-10-31T04:00:00Z"));
        assertEquals(7 * 13, slots.size());
        for (Instant slot : slots) {
            LocalTime local = slot.atZone(ZoneId.of("America/New_York")).toLocalTime();
            assertTrue(!local.isBefore(LocalTime.of(8, 0)) && local.isBefore(LocalTime.of(21, 0)), local.toString());
        }
    }

    @Test
    void contactsAfterTheKnowledgeCutoffDoNotChangeTheDecision() {
        Contact later = new Contact(null, "C1", EARLIEST.plusSeconds(3600), Channel.PHONE, ContactOutcome.REACHED);
        OutreachDecision without = decide(PLANNER, customer(CHICAGO), lateBy(70), List.of(), RiskTier.HIGH,
                UNINFORMATIVE);
        OutreachDecision with = decide(PLANNER, customer(CHICAGO), lateBy(70), List.of(later), RiskTier.HIGH,
                UNINFORMATIVE);
        assertEquals(without, with);
    }

    @Test
    void knowledgeCutoffIsTheEarlierOfEarliestAndTheEndOfAsOf() {
        assertEquals(Instant.parse("2026-03-02T14:00:00Z"),
                OutreachPlanner.knowledgeCutoff(AS_OF, Instant.parse("2026-03-02T14:00:00Z")));
        assertEquals(Instant.parse("2026-03-03T00:00:00Z"),
                OutreachPlanner.knowledgeCutoff(AS_OF, Instant.parse("2026-03-05T09:00:00Z")));
    }

    @Test
    void picksTheCustomersOwnBestHourWhenTimeIsFree() {
        List<ResponseObservation> flat = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            for (int hour = 0; hour < 24; hour++) {
                for (DayOfWeek day : DayOfWeek.values()) {
                    flat.add(new ResponseObservation("smb", channel, hour, day, 40, 8));
                }
            }
        }
        ResponseModel model = ResponseModel.fit(flat, ResponseModelSettings.full(3));
        List<Contact> evenings = new ArrayList<>();
        for (int day = 1; day <= 12; day++) {
            evenings.add(contactAtLocal(String.format("2026-02-%02dT19:15", day), CHICAGO, Channel.PHONE,
                    ContactOutcome.REACHED));
            evenings.add(contactAtLocal(String.format("2026-02-%02dT10:15", day), CHICAGO, Channel.PHONE,
                    ContactOutcome.NO_RESPONSE));
        }
        OutreachConfig timeIsFree = new OutreachConfig("test", ContactRules.defaults(), TreatmentPolicy.defaults(),
                OutreachConfig.defaultChannels(), 0.5, 7, 1.0);
        OutreachDecision decision = decide(new OutreachPlanner(timeIsFree), customer(CHICAGO), lateBy(70), evenings,
                RiskTier.HIGH, model);
        assertEquals(19, decision.localContactTime().getHour(), decision.explanation());
        assertTrue(decision.estimatedResponse() > 0.3, decision.explanation());
        assertTrue(decision.explanation().contains("answered better than the first allowed slot (Mon 2026-03-02 "
                + "18:00"), decision.explanation());
        assertTrue(decision.explanation().contains(") at a delay discount of 1.0/day;"), decision.explanation());
    }
}

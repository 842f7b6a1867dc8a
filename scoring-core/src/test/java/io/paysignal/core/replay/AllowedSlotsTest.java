package io.paysignal.core.replay;

import io.paysignal.core.history.Channel;
import io.paysignal.core.history.Contact;
import io.paysignal.core.history.ContactOutcome;
import io.paysignal.core.history.Customer;
import io.paysignal.core.policy.OutreachConfig;
import io.paysignal.core.policy.OutreachPlanner;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import static io.paysignal.core.testsupport.OutreachFixtures.contactAtLocal;
import static io.paysignal.core.testsupport.OutreachFixtures.customer;
import static io.paysignal.core.testsupport.OutreachFixtures.doNotContact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AllowedSlotsTest {

    private static final String CHICAGO = "America/Chicago";
    /** 18:00 CST on Monday 2026-03-02 in Chicago. */
    private static final Instant EARLIEST = Instant.parse("2026-03-03T00:00:00Z");
    private static final OutreachPlanner PLANNER = new OutreachPlanner(OutreachConfig.defaults());
    private static final List<Channel> REMINDER = List.of(Channel.EMAIL, Channel.SMS, Channel.LETTER);

    private static AllowedSlots allowed(Customer customer, List<Contact> contacts, List<Channel> channels) {
        return AllowedSlots.of(PLANNER, customer, contacts, EARLIEST, channels);
    }

    @Test
    void coversThePlannersGridOnEveryChannelWhenNoRuleBites() {
        AllowedSlots slots = allowed(customer(CHICAGO), List.of(), REMINDER);
        int instants = PLANNER.slots(customer(CHICAGO).timezone(), EARLIEST).size();
        assertEquals(instants * REMINDER.size(), slots.slots().size());
        for (CandidateSlot slot : slots.slots()) {
            LocalTime local = slot.at().atZone(customer(CHICAGO).timezone()).toLocalTime();
            assertFalse(local.isBefore(LocalTime.of(8, 0)) || !local.isBefore(LocalTime.of(21, 0)), local.toString());
            assertFalse(slot.at().isBefore(EARLIEST));
        }
    }

    @Test
    void dropsTheChannelTheCustomerOptedOutOfAndEverythingForDoNotContact() {
        List<Contact> optedOut = List.of(contactAtLocal("2026-02-20T10:00", CHICAGO, Channel.SMS, ContactOutcome.OPTED_OUT));
        AllowedSlots slots = allowed(customer(CHICAGO), optedOut, REMINDER);
        assertFalse(slots.isEmpty());
        assertTrue(slots.slots().stream().noneMatch(slot -> slot.channel() == Channel.SMS));
        assertTrue(allowed(doNotContact(CHICAGO), List.of(), REMINDER).isEmpty());
    }

    @Test
    void theWeeklyCapRemovesSlotsThatWouldMakeAFourthContact() {
        List<Contact> three = List.of(
                contactAtLocal("2026-02-27T10:00", CHICAGO, Channel.EMAIL, ContactOutcome.NO_RESPONSE),
                contactAtLocal("2026-02-28T10:00", CHICAGO, Channel.EMAIL, ContactOutcome.NO_RESPONSE),
                contactAtLocal("2026-03-01T10:00", CHICAGO, Channel.EMAIL, ContactOutcome.NO_RESPONSE));
        AllowedSlots slots = allowed(customer(CHICAGO), three, REMINDER);
        // 3 contacts in 7 days: nothing until 7 days after the first one (local 2026-03-06 10:00).
        Instant firstFree = ZonedDateTime.parse("2026-03-06T10:00-06:00[America/Chicago]").toInstant();
        assertFalse(slots.isEmpty());
        assertTrue(slots.slots().stream().allMatch(slot -> !slot.at().isBefore(firstFree)),
                () -> "first allowed " + slots.slots().get(0));
    }

    @Test
    void bestTakesTheHighestValueAndTheEarlierSlotOnTies() {
        AllowedSlots slots = allowed(customer(CHICAGO), List.of(), List.of(Channel.EMAIL));
        Optional<CandidateSlot> evening = slots.best(slot -> slot.key().localHour() == 19 ? 1 : 0);
        assertEquals(19, evening.orElseThrow().key().localHour());
        assertEquals(slots.firstAt(Channel.EMAIL, 19), evening);
        assertEquals(slots.slots().get(0), slots.best(slot -> 0.5).orElseThrow());
    }

    @Test
    void randomDrawIsReproduciblePerCustomerAndAlwaysAllowed() {
        AllowedSlots slots = allowed(customer(CHICAGO), List.of(), REMINDER);
        CandidateSlot first = slots.random(7, "C1").orElseThrow();
        assertEquals(first, slots.random(7, "C1").orElseThrow());
        assertTrue(slots.slots().contains(first));
        long distinct = java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> slots.random(7, "C" + i).orElseThrow()).distinct().count();
        assertTrue(distinct > 30, "draws should spread over the slots: " + distinct + " distinct of 50");
        assertTrue(new AllowedSlots(List.of()).random(7, "C1").isEmpty());
    }

    @Test
    void firstAtFindsTheEarliestDayWithThatChannelAndHour() {
        AllowedSlots slots = allowed(customer(CHICAGO), List.of(), REMINDER);
        CandidateSlot nine = slots.firstAt(Channel.LETTER, 9).orElseThrow();
        assertEquals(ZonedDateTime.parse("2026-03-03T09:00-06:00[America/Chicago]").toInstant(), nine.at());
        assertTrue(slots.firstAt(Channel.PHONE, 9).isEmpty());
        assertTrue(slots.firstAt(Channel.EMAIL, 22).isEmpty());
    }
}

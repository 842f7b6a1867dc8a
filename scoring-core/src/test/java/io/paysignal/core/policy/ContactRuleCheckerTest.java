package io.paysignal.core.policy;

import io.paysignal.core.history.Channel;
import io.paysignal.core.history.Contact;
import io.paysignal.core.history.ContactOutcome;
import io.paysignal.core.history.Customer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.paysignal.core.testsupport.OutreachFixtures.contact;
import static io.paysignal.core.testsupport.OutreachFixtures.contactAtLocal;
import static io.paysignal.core.testsupport.OutreachFixtures.customer;
import static io.paysignal.core.testsupport.OutreachFixtures.doNotContact;
import static io.paysignal.core.testsupport.OutreachFixtures.local;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContactRuleCheckerTest {

    private static final String NEW_YORK = "America/New_York";
    private static final ContactRules DEFAULTS = ContactRules.defaults();
    /** Rules with a window covering (almost) the whole day, to test period rules on their own. */
    private static final ContactRules ALL_DAY = new ContactRules(LocalTime.MIDNIGHT, LocalTime.of(23, 59), 7, 7, 7, 3,
            7, false, HolidayCalendar.none());

    private static Optional<ContactRule> firstRule(ContactRules rules, Customer customer, List<Contact> contacts,
                                                   Channel channel, Instant at) {
        return rules.firstViolation(customer, contacts, channel, at).map(RuleViolation::rule);
    }

    @Test
    void doNotContactCustomerIsNeverContactable() {
        Instant noon = local("2026-03-03T12:00", NEW_YORK);
        for (Channel channel : Channel.values()) {
            assertEquals(Optional.of(ContactRule.DO_NOT_CONTACT),
                    firstRule(DEFAULTS, doNotContact(NEW_YORK), List.of(), channel, noon));
        }
    }

    @Test
    void optedOutChannelIsClosedFromTheOptOutOn() {
        Instant optOut = local("2026-03-02T10:00", NEW_YORK);
        List<Contact> contacts = List.of(contact(optOut, Channel.SMS, ContactOutcome.OPTED_OUT));
        Customer customer = customer(NEW_YORK);
        assertEquals(Optional.of(ContactRule.CHANNEL_OPTED_OUT),
                firstRule(DEFAULTS, customer, contacts, Channel.SMS, local("2026-05-20T12:00", NEW_YORK)));
        assertEquals(Optional.empty(),
                firstRule(DEFAULTS, customer, contacts, Channel.SMS, local("2026-03-01T12:00", NEW_YORK)),
                "an audit of an earlier sms is not affected by a later opt-out");
        assertEquals(Optional.empty(),
                firstRule(DEFAULTS, customer, contacts, Channel.EMAIL, local("2026-03-10T12:00", NEW_YORK)));
    }

    @Test
    void contactWindowIsHalfOpenInLocalTime() {
        Customer customer = customer(NEW_YORK);
        assertEquals(Optional.of(ContactRule.OUTSIDE_CONTACT_WINDOW),
                firstRule(DEFAULTS, customer, List.of(), Channel.EMAIL, local("2026-03-03T07:59", NEW_YORK)));
        assertEquals(Optional.empty(),
                firstRule(DEFAULTS, customer, List.of(), Channel.EMAIL, local("2026-03-03T08:00", NEW_YORK)));
        assertEquals(Optional.empty(),
                firstRule(DEFAULTS, customer, List.of(), Channel.EMAIL, local("2026-03-03T20:59", NEW_YORK)));
        assertEquals(Optional.of(ContactRule.OUTSIDE_CONTACT_WINDOW),
                firstRule(DEFAULTS, customer, List.of(), Channel.EMAIL, local("2026-03-03T21:00", NEW_YORK)));
    }

    @Test
    void contactWindowFollowsNewYorkAcrossSpringForward() {
        Customer customer = customer(NEW_YORK);
        // Saturday 2026-03-07 is EST (UTC-5): 08:00 local is 13:00Z.
        assertEquals(Optional.of(ContactRule.OUTSIDE_CONTACT_WINDOW),
                firstRule(DEFAULTS, customer, List.of(), Channel.SMS, Instant.parse("2026-03-07T12:30:00Z")));
        assertEquals(Optional.empty(),
                firstRule(DEFAULTS, customer, List.of(), Channel.SMS, Instant.parse("2026-03-07T13:00:00Z")));
        // Sunday 2026-03-08 is EDT (UTC-4) from 02:00: 08:00 local is 12:00Z, 21:00 local is 01:00Z next day.
        assertEquals(Optional.empty(),
                firstRule(DEFAULTS, customer, List.of(), Channel.SMS, Instant.parse("2026-03-08T12:00:00Z")));
        assertEquals(Optional.of(ContactRule.OUTSIDE_CONTACT_WINDOW),
                firstRule(DEFAULTS, customer, List.of(), Channel.SMS, Instant.parse("2026-03-08T11:30:00Z")));
        assertEquals(Optional.of(ContactRule.OUTSIDE_CONTACT_WINDOW),
                firstRule(DEFAULTS, customer, List.of(), Channel.SMS, Instant.parse("2026-03-09T01:00:00Z")));
    }

    @Test
    void contactWindowFollowsLordHoweHalfHourShift() {
        Customer customer = customer("Australia/Lord_Howe");
        // 2026-04-05 02:00 +11:00 -> 01:30 +10:30: 08:00 local on the 5th is 21:30Z on the 4th.
        assertEquals(Optional.of(ContactRule.OUTSIDE_CONTACT_WINDOW),
                firstRule(DEFAULTS, customer, List.of(), Channel.EMAIL, Instant.parse("2026-04-04T21:15:00Z")));
        assertEquals(Optional.empty(),
                firstRule(DEFAULTS, customer, List.of(), Channel.EMAIL, Instant.parse("2026-04-04T21:30:00Z")));
        // The day before, still +11:00: 08:00 local is 21:00Z.
        assertEquals(Optional.empty(),
                firstRule(DEFAULTS, customer, List.of(), Channel.EMAIL, Instant.parse("2026-04-03T21:00:00Z")));
    }

    @Test
    void contactWindowUsesKolkataAndChathamOffsets() {
        assertEquals(Optional.of(ContactRule.OUTSIDE_CONTACT_WINDOW), firstRule(DEFAULTS, customer("Asia/Kolkata"),
                List.of(), Channel.EMAIL, Instant.parse("2026-06-01T02:29:00Z")));
        assertEquals(Optional.empty(), firstRule(DEFAULTS, customer("Asia/Kolkata"),
                List.of(), Channel.EMAIL, Instant.parse("2026-06-01T02:30:00Z")));
        // Chatham winter offset +12:45: 08:00 local on 2026-06-02 is 19:15Z on 06-01.
        assertEquals(Optional.of(ContactRule.OUTSIDE_CONTACT_WINDOW), firstRule(DEFAULTS, customer("Pacific/Chatham"),
                List.of(), Channel.EMAIL, Instant.parse("2026-06-01T19:14:00Z")));
        assertEquals(Optional.empty(), firstRule(DEFAULTS, customer("Pacific/Chatham"),
                List.of(), Channel.EMAIL, Instant.parse("2026-06-01T19:15:00Z")));
    }

    @Test
    void sundayIsTheCustomersLocalSunday() {
        ContactRules noSundays = DEFAULTS.withNoSundays(true);
        // Saturday 20:15Z is Sunday 09:00 on Chatham (+12:45 in June).
        Instant chathamSunday = Instant.parse("2026-06-06T20:15:00Z");
        assertEquals(Optional.of(ContactRule.SUNDAY),
                firstRule(noSundays, customer("Pacific/Chatham"), List.of(), Channel.EMAIL, chathamSunday));
        assertEquals(Optional.empty(),
                firstRule(DEFAULTS, customer("Pacific/Chatham"), List.of(), Channel.EMAIL, chathamSunday));
        assertEquals(Optional.empty(), firstRule(noSundays, customer(NEW_YORK), List.of(), Channel.EMAIL,
                local("2026-06-06T12:00", NEW_YORK)));
    }

    @Test
    void holidaysApplyToTheLocalDateEverywhereOrPerCountry() {
        LocalDate july4 = LocalDate.of(2026, 7, 4);
        ContactRules usHolidays = DEFAULTS.withHolidays(new HolidayCalendar(Set.of(), Map.of("us", Set.of(july4))));
        assertEquals(Optional.of(ContactRule.HOLIDAY), firstRule(usHolidays, customer(NEW_YORK), List.of(),
                Channel.LETTER, local("2026-07-04T10:00", NEW_YORK)));
        Customer german = new Customer("C1", null, "DE", java.time.ZoneId.of("Europe/Berlin"), null, false, null,
                null);
        assertEquals(Optional.empty(), firstRule(usHolidays, german, List.of(), Channel.LETTER,
                local("2026-07-04T10:00", "Europe/Berlin")));
        ContactRules everywhere = DEFAULTS.withHolidays(new HolidayCalendar(Set.of(july4), Map.of()));
        assertEquals(Optional.of(ContactRule.HOLIDAY), firstRule(everywhere, german, List.of(), Channel.LETTER,
                local("2026-07-04T10:00", "Europe/Berlin")));
    }

    @Test
    void eighthPhoneAttemptInSevenDaysIsRefused() {
        Customer customer = customer(NEW_YORK);
        List<Contact> calls = new ArrayList<>();
        calls.add(contactAtLocal("2026-04-13T10:00", NEW_YORK, Channel.PHONE, ContactOutcome.NO_RESPONSE));
        for (int hour = 10; hour < 16; hour++) {
            calls.add(contactAtLocal("2026-04-16T" + hour + ":00", NEW_YORK, Channel.PHONE, ContactOutcome.NO_RESPONSE));
        }
        ContactRules loose = new ContactRules(LocalTime.of(8, 0), LocalTime.of(21, 0), 7, 7, 7, 100, 7, false, null);
        assertEquals(Optional.of(ContactRule.PHONE_ATTEMPT_LIMIT), firstRule(loose, customer, calls, Channel.PHONE,
                local("2026-04-20T09:59", NEW_YORK)));
        assertEquals(Optional.empty(), firstRule(loose, customer, calls, Channel.PHONE,
                local("2026-04-20T10:01", NEW_YORK)), "the first call has left the rolling 7 days");
        assertEquals(Optional.empty(), firstRule(loose, customer, calls, Channel.SMS,
                local("2026-04-17T10:00", NEW_YORK)), "the phone limit does not apply to sms");
    }

    @Test
    void phoneLimitAlsoHoldsOverSevenLocalCalendarDaysAcrossFallBack() {
        // 2026-10-27 00:10 EDT to 2026-11-02 23:30 EST: 7 days 20 minutes elapsed (the clock fell back an
        // hour), yet both are within the 7 calendar days 10-27..11-02.
        Customer customer = customer(NEW_YORK);
        List<Contact> calls = List.of(contactAtLocal("2026-10-27T00:10", NEW_YORK, Channel.PHONE,
                ContactOutcome.NO_RESPONSE));
        ContactRules oneCall = new ContactRules(LocalTime.MIDNIGHT, LocalTime.of(23, 59), 1, 7, 7, 100, 7, false,
                null);
        Instant candidate = local("2026-11-02T23:30", NEW_YORK);
        assertTrue(Duration.between(calls.get(0).contactTime(), candidate).compareTo(Duration.ofDays(7)) > 0);
        assertEquals(Optional.of(ContactRule.PHONE_ATTEMPT_LIMIT),
                firstRule(oneCall, customer, calls, Channel.PHONE, candidate));
        assertEquals(Optional.empty(), firstRule(oneCall, customer, calls, Channel.PHONE,
                local("2026-11-03T00:30", NEW_YORK)));
    }

    @Test
    void phoneLimitCountsCallsAfterTheCandidateWhenAuditing() {
        Customer customer = customer(NEW_YORK);
        List<Contact> calls = List.of(contactAtLocal("2026-03-04T10:00", NEW_YORK, Channel.PHONE,
                ContactOutcome.NO_RESPONSE));
        ContactRules oneCall = new ContactRules(LocalTime.of(8, 0), LocalTime.of(21, 0), 1, 7, 7, 100, 7, false, null);
        assertEquals(Optional.of(ContactRule.PHONE_ATTEMPT_LIMIT),
                firstRule(oneCall, customer, calls, Channel.PHONE, local("2026-03-02T10:00", NEW_YORK)));
    }

    @Test
    void reachedPhoneConversationStartsSevenQuietDays() {
        Customer customer = customer(NEW_YORK);
        List<Contact> contacts = List.of(contactAtLocal("2026-03-10T15:00", NEW_YORK, Channel.PHONE,
                ContactOutcome.REACHED));
        assertEquals(Optional.of(ContactRule.PHONE_QUIET_PERIOD),
                firstRule(DEFAULTS, customer, contacts, Channel.PHONE, local("2026-03-16T20:00", NEW_YORK)));
        assertEquals(Optional.of(ContactRule.PHONE_QUIET_PERIOD),
                firstRule(DEFAULTS, customer, contacts, Channel.PHONE, local("2026-03-17T14:59", NEW_YORK)));
        assertEquals(Optional.empty(),
                firstRule(DEFAULTS, customer, contacts, Channel.PHONE, local("2026-03-17T15:00", NEW_YORK)));
        assertEquals(Optional.empty(),
                firstRule(DEFAULTS, customer, contacts, Channel.EMAIL, local("2026-03-11T10:00", NEW_YORK)),
                "the quiet period is for phone calls only");
    }

    @Test
    void promiseToPayAlsoStartsTheQuietPeriodButNoAnswerDoesNot() {
        Customer customer = customer(NEW_YORK);
        Instant candidate = local("2026-03-12T10:00", NEW_YORK);
        assertEquals(Optional.of(ContactRule.PHONE_QUIET_PERIOD), firstRule(DEFAULTS, customer,
                List.of(contactAtLocal("2026-03-10T15:00", NEW_YORK, Channel.PHONE, ContactOutcome.PROMISE_TO_PAY)),
                Channel.PHONE, candidate));
        assertEquals(Optional.empty(), firstRule(DEFAULTS, customer,
                List.of(contactAtLocal("2026-03-10T15:00", NEW_YORK, Channel.PHONE, ContactOutcome.NO_RESPONSE)),
                Channel.PHONE, candidate));
        assertEquals(Optional.empty(), firstRule(DEFAULTS, customer,
                List.of(contactAtLocal("2026-03-10T15:00", NEW_YORK, Channel.SMS, ContactOutcome.REACHED)),
                Channel.PHONE, candidate), "an sms that reached the customer is no phone conversation");
    }

    @Test
    void quietPeriodAlsoHoldsOverSevenLocalCalendarDaysAcrossFallBack() {
        Customer customer = customer(NEW_YORK);
        List<Contact> contacts = List.of(contactAtLocal("2026-10-27T00:30", NEW_YORK, Channel.PHONE,
                ContactOutcome.REACHED));
        Instant candidate = local("2026-11-02T23:45", NEW_YORK);
        assertTrue(Duration.between(contacts.get(0).contactTime(), candidate).compareTo(Duration.ofDays(7)) > 0);
        assertEquals(Optional.of(ContactRule.PHONE_QUIET_PERIOD),
                firstRule(ALL_DAY, customer, contacts, Channel.PHONE, candidate));
        assertEquals(Optional.empty(), firstRule(ALL_DAY, customer, contacts, Channel.PHONE,
                local("2026-11-03T00:10", NEW_YORK)));
    }

    @Test
    void weeklyCapCountsEveryChannelAndOutcome() {
        Customer customer = customer(NEW_YORK);
        List<Contact> contacts = List.of(
                contactAtLocal("2026-04-13T10:00", NEW_YORK, Channel.EMAIL, ContactOutcome.NO_RESPONSE),
                contactAtLocal("2026-04-14T10:00", NEW_YORK, Channel.LETTER, ContactOutcome.NO_RESPONSE),
                contactAtLocal("2026-04-15T10:00", NEW_YORK, Channel.SMS, ContactOutcome.REACHED));
        assertEquals(Optional.of(ContactRule.CONTACT_CAP),
                firstRule(DEFAULTS, customer, contacts, Channel.EMAIL, local("2026-04-19T12:00", NEW_YORK)));
        assertEquals(Optional.of(ContactRule.CONTACT_CAP),
                firstRule(DEFAULTS, customer, contacts, Channel.PHONE, local("2026-04-19T12:00", NEW_YORK)));
        assertEquals(Optional.empty(),
                firstRule(DEFAULTS, customer, contacts, Channel.EMAIL, local("2026-04-20T10:00", NEW_YORK)),
                "the email of 04-13 has left the rolling week");
        // Across spring forward the same local times are an hour less than 7 days apart: still one week.
        List<Contact> beforeSpringForward = List.of(
                contactAtLocal("2026-03-02T10:00", NEW_YORK, Channel.EMAIL, ContactOutcome.NO_RESPONSE),
                contactAtLocal("2026-03-03T10:00", NEW_YORK, Channel.LETTER, ContactOutcome.NO_RESPONSE),
                contactAtLocal("2026-03-04T10:00", NEW_YORK, Channel.SMS, ContactOutcome.REACHED));
        assertEquals(Optional.of(ContactRule.CONTACT_CAP), firstRule(DEFAULTS, customer, beforeSpringForward,
                Channel.EMAIL, local("2026-03-09T10:00", NEW_YORK)));
        assertEquals(Optional.empty(), firstRule(DEFAULTS, customer, beforeSpringForward,
                Channel.EMAIL, local("2026-03-09T11:00", NEW_YORK)));
    }

    @Test
    void violationsListsEveryBrokenRuleInOrder() {
        Customer customer = customer(NEW_YORK);
        List<Contact> contacts = List.of(
                contactAtLocal("2026-03-02T10:00", NEW_YORK, Channel.PHONE, ContactOutcome.OPTED_OUT),
                contactAtLocal("2026-03-03T10:00", NEW_YORK, Channel.PHONE, ContactOutcome.REACHED),
                contactAtLocal("2026-03-04T10:00", NEW_YORK, Channel.PHONE, ContactOutcome.NO_RESPONSE));
        List<ContactRule> rules = DEFAULTS.checker(customer, contacts)
                .violations(Channel.PHONE, local("2026-03-05T22:00", NEW_YORK)).stream()
                .map(RuleViolation::rule).toList();
        assertEquals(List.of(ContactRule.CHANNEL_OPTED_OUT, ContactRule.OUTSIDE_CONTACT_WINDOW,
                ContactRule.PHONE_QUIET_PERIOD, ContactRule.CONTACT_CAP), rules);
    }

    @Test
    void contactOfAnotherCustomerIsACallerBug() {
        Contact foreign = new Contact(null, "C2", Instant.parse("2026-03-02T15:00:00Z"), Channel.SMS, null);
        assertThrows(IllegalArgumentException.class, () -> DEFAULTS.checker(customer(NEW_YORK), List.of(foreign)));
    }

    @Test
    void rulesRejectInvalidSettings() {
        assertThrows(IllegalArgumentException.class, () -> new ContactRules(LocalTime.of(21, 0), LocalTime.of(8, 0),
                7, 7, 7, 3, 7, false, null));
        assertThrows(IllegalArgumentException.class, () -> new ContactRules(LocalTime.of(8, 0), LocalTime.of(21, 0),
                -1, 7, 7, 3, 7, false, null));
        assertThrows(IllegalArgumentException.class, () -> new ContactRules(LocalTime.of(8, 0), LocalTime.of(21, 0),
                7, 0, 7, 3, 7, false, null));
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        assertEquals(LocalTime.of(8, 0), DEFAULTS.windowStart());
        assertEquals(LocalTime.of(21, 0), DEFAULTS.windowEnd());
        assertEquals(7, DEFAULTS.maxPhoneAttempts());
        assertEquals(7, DEFAULTS.phoneAttemptWindowDays());
        assertEquals(7, DEFAULTS.phoneQuietDays());
        assertEquals(3, DEFAULTS.maxContacts());
        assertEquals(7, DEFAULTS.contactCapWindowDays());
    }
}

package io.paysignal.core.policy;

import io.paysignal.core.history.Channel;
import io.paysignal.core.history.Contact;
import io.paysignal.core.history.ContactOutcome;
import io.paysignal.core.history.Customer;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A deliberately naive second reading of the contact rules, written independently of
 * {@link ContactRuleChecker}: rolling limits are checked as "is there a run of limit + 1 events, the
 * candidate among them, that fits inside one period" (by elapsed time, and by local calendar days) instead of
 * by counting anchored windows. The property tests demand that both readings agree and that no
 * recommendation breaks either.
 */
final class ReferenceContactRules {

    private ReferenceContactRules() {
    }

    /** The rules a contact on {@code channel} at {@code at} breaks. */
    static Set<ContactRule> broken(ContactRules rules, Customer customer, List<Contact> contacts, Channel channel,
                                   Instant at) {
        ZoneId zone = customer.timezone();
        Set<ContactRule> broken = EnumSet.noneOf(ContactRule.class);
        if (customer.doNotContact()) {
            broken.add(ContactRule.DO_NOT_CONTACT);
        }
        for (Contact contact : contacts) {
            if (contact.outcome() == ContactOutcome.OPTED_OUT && contact.channel() == channel
                    && !contact.contactTime().isAfter(at)) {
                broken.add(ContactRule.CHANNEL_OPTED_OUT);
            }
        }
        LocalTime time = at.atZone(zone).toLocalTime();
        if (time.compareTo(rules.windowStart()) < 0 || time.compareTo(rules.windowEnd()) >= 0) {
            broken.add(ContactRule.OUTSIDE_CONTACT_WINDOW);
        }
        LocalDate day = at.atZone(zone).toLocalDate();
        if (rules.noSundays() && day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            broken.add(ContactRule.SUNDAY);
        }
        if (rules.holidays().everywhere().contains(day) || (customer.country() != null
                && rules.holidays().byCountry().getOrDefault(customer.country(), Set.of()).contains(day))) {
            broken.add(ContactRule.HOLIDAY);
        }
        if (channel == Channel.PHONE) {
            for (Contact contact : contacts) {
                if (contact.channel() != Channel.PHONE || !contact.outcome().reachedCustomer()
                        || !contact.contactTime().isBefore(at)) {
                    continue;
                }
                boolean withinHours = Duration.between(contact.contactTime(), at)
                        .compareTo(Duration.ofDays(rules.phoneQuietDays())) < 0;
                long calendarDays = ChronoUnit.DAYS.between(contact.contactTime().atZone(zone).toLocalDate(), day);
                if (withinHours || calendarDays < rules.phoneQuietDays()) {
                    broken.add(ContactRule.PHONE_QUIET_PERIOD);
                }
            }
            List<Instant> calls = new ArrayList<>();
            for (Contact contact : contacts) {
                if (contact.channel() == Channel.PHONE) {
                    calls.add(contact.contactTime());
                }
            }
            if (tooMany(calls, at, rules.maxPhoneAttempts(), rules.phoneAttemptWindowDays(), zone)) {
                broken.add(ContactRule.PHONE_ATTEMPT_LIMIT);
            }
        }
        List<Instant> all = contacts.stream().map(Contact::contactTime).toList();
        if (tooMany(all, at, rules.maxContacts(), rules.contactCapWindowDays(), zone)) {
            broken.add(ContactRule.CONTACT_CAP);
        }
        return broken;
    }

    /** True when limit + 1 events, the candidate one of them, fit in one period under either reading. */
    private static boolean tooMany(List<Instant> others, Instant at, int limit, int days, ZoneId zone) {
        // Events as (instant, local epoch day, is-candidate).
        List<long[]> events = new ArrayList<>();
        for (Instant other : others) {
            events.add(new long[] {other.getEpochSecond(), other.getNano(),
                other.atZone(zone).toLocalDate().toEpochDay(), 0});
        }
        events.add(new long[] {at.getEpochSecond(), at.getNano(), at.atZone(zone).toLocalDate().toEpochDay(), 1});
        int size = limit + 1;
        if (events.size() < size) {
            return false;
        }
        Duration period = Duration.ofDays(days);
        events.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
        if (runFits(events, size, run -> {
            Instant first = Instant.ofEpochSecond(run.get(0)[0], run.get(0)[1]);
            Instant last = Instant.ofEpochSecond(run.get(run.size() - 1)[0], run.get(run.size() - 1)[1]);
            return Duration.between(first, last).compareTo(period) < 0;
        })) {
            return true;
        }
        events.sort(Comparator.comparingLong(e -> e[2]));
        return runFits(events, size, run -> run.get(run.size() - 1)[2] - run.get(0)[2] <= days - 1);
    }

    private static boolean runFits(List<long[]> sorted, int size, java.util.function.Predicate<List<long[]>> fits) {
        for (int start = 0; start + size <= sorted.size(); start++) {
            List<long[]> run = sorted.subList(start, start + size);
            boolean holdsCandidate = run.stream().anyMatch(e -> e[3] == 1);
            if (holdsCandidate && fits.test(run)) {
                return true;
            }
        }
        return false;
    }
}

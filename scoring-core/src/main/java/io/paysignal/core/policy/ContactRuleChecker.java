package io.paysignal.core.policy;

import io.paysignal.core.history.Channel;
import io.paysignal.core.history.Contact;
import io.paysignal.core.history.ContactOutcome;
import io.paysignal.core.history.Customer;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ContactRules} applied to one customer and the contacts already made: answers whether a candidate
 * contact (channel, instant) breaks a rule, and which. Built once per customer by {@link ContactRules#checker}
 * so that searching many slots stays cheap. Immutable.
 *
 * <p>All local-time questions (window, Sunday, holiday, calendar-day periods) are asked of the candidate
 * instant converted to the customer's zone, so they hold across daylight-saving changes, half-hour offsets
 * and skipped days.
 */
public final class ContactRuleChecker {

    /** Local dates can lie this far from the instant's UTC date when a zone changes its offset (Samoa 2011). */
    private static final Duration OFFSET_MARGIN = Duration.ofDays(3);

    private final ContactRules rules;
    private final Customer customer;
    private final ZoneId zone;
    private final Instant[] allContacts;
    private final long[] allContactDays;
    private final Instant[] phoneAttempts;
    private final long[] phoneAttemptDays;
    private final Instant[] phoneConversations;
    private final Map<Channel, Instant> optedOutSince;

    ContactRuleChecker(ContactRules rules, Customer customer, List<Contact> contacts) {
        if (rules == null || customer == null || contacts == null) {
            throw new IllegalArgumentException("rules, customer and contacts are required");
        }
        this.rules = rules;
        this.customer = customer;
        this.zone = customer.timezone();
        List<Instant> all = new ArrayList<>();
        List<Instant> phone = new ArrayList<>();
        List<Instant> conversations = new ArrayList<>();
        Map<Channel, Instant> optOuts = new EnumMap<>(Channel.class);
        for (Contact contact : contacts) {
            if (!contact.customerId().equals(customer.customerId())) {
                throw new IllegalArgumentException("contact of " + contact.customerId()
                        + " given with the history of " + customer.customerId());
            }
            all.add(contact.contactTime());
            if (contact.channel() == Channel.PHONE) {
                phone.add(contact.contactTime());
                if (contact.outcome().reachedCustomer()) {
                    conversations.add(contact.contactTime());
                }
            }
            if (contact.outcome() == ContactOutcome.OPTED_OUT) {
                optOuts.merge(contact.channel(), contact.contactTime(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        this.allContacts = sorted(all);
        this.allContactDays = localEpochDays(allContacts);
        this.phoneAttempts = sorted(phone);
        this.phoneAttemptDays = localEpochDays(phoneAttempts);
        this.phoneConversations = sorted(conversations);
        this.optedOutSince = optOuts;
    }

    /** The rules applied. */
    public ContactRules rules() {
        return rules;
    }

    /** The first rule, in {@link ContactRule} order, that a contact on {@code channel} at {@code at} breaks. */
    public Optional<RuleViolation> firstViolation(Channel channel, Instant at) {
        return firstViolation(channel, candidate(at));
    }

    /**
     * The same as {@link #firstViolation(Channel, Instant)} for the candidate's instant; checking one candidate
     * on several channels computes what depends on the instant alone only once.
     */
    public Optional<RuleViolation> firstViolation(Channel channel, Candidate candidate) {
        if (candidate.checker() != this) {
            throw new IllegalArgumentException("the candidate was prepared by another checker");
        }
        List<RuleViolation> found = check(channel, candidate, true);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /**
     * The rule of {@link #firstViolation(Channel, Candidate)}, or null when none is broken, without writing the
     * violation's text (a planner needs the text only for the first slot each rule stops on a channel). The
     * same predicates in the same order as {@link #check}; the planner's equivalence test compares both.
     */
    ContactRule firstBrokenRule(Channel channel, Candidate candidate) {
        if (candidate.checker() != this) {
            throw new IllegalArgumentException("the candidate was prepared by another checker");
        }
        if (channel == null) {
            throw new IllegalArgumentException("channel and instant are required");
        }
        Instant at = candidate.at;
        if (customer.doNotContact()) {
            return ContactRule.DO_NOT_CONTACT;
        }
        Instant optOut = optedOutSince.get(channel);
        if (optOut != null && !optOut.isAfter(at)) {
            return ContactRule.CHANNEL_OPTED_OUT;
        }
        LocalTime time = candidate.local.toLocalTime();
        if (time.isBefore(rules.windowStart()) || !time.isBefore(rules.windowEnd())) {
            return ContactRule.OUTSIDE_CONTACT_WINDOW;
        }
        if (rules.noSundays() && candidate.local.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return ContactRule.SUNDAY;
        }
        if (candidate.holiday()) {
            return ContactRule.HOLIDAY;
        }
        if (channel == Channel.PHONE) {
            if (quietPeriodStart(at, candidate.localEpochDay) != null) {
                return ContactRule.PHONE_QUIET_PERIOD;
            }
            int calls = busiestPeriod(phoneAttempts, phoneAttemptDays, at, candidate.localEpochDay,
                    rules.phoneAttemptWindowDays());
            if (calls > rules.maxPhoneAttempts()) {
                return ContactRule.PHONE_ATTEMPT_LIMIT;
            }
        }
        return candidate.capContacts() > rules.maxContacts() ? ContactRule.CONTACT_CAP : null;
    }

    /** The instant {@code at} prepared for checking on one or more channels. */
    public Candidate candidate(Instant at) {
        if (at == null) {
            throw new IllegalArgumentException("channel and instant are required");
        }
        return new Candidate(at, at.atZone(zone));
    }

    /**
     * The instant {@code at} prepared with its local time already known: {@code local} must be
     * {@code at.atZone(zone)} for a zone equal to the customer's (the planner's cached {@link SlotGrid} holds
     * exactly that), so the candidate is the one {@link #candidate(Instant)} would build.
     */
    Candidate candidate(Instant at, ZonedDateTime local, long localEpochDay) {
        // local.toInstant().equals(at) without building the Instant: the same seconds and nanos.
        if (!local.getZone().equals(zone) || local.toEpochSecond() != at.getEpochSecond()
                || local.getNano() != at.getNano()) {
            throw new IllegalArgumentException("local time " + local + " is not " + at + " in " + zone);
        }
        return new Candidate(at, local, localEpochDay);
    }

    /**
     * One candidate contact instant with what the rules derive from the instant alone, whatever the channel:
     * its local date and time, and the contacts that would share the busiest cap period with it (computed on
     * first use, then kept), and whether its local date is a holiday for the customer (likewise). All are pure
     * functions of the instant and this checker, so a candidate answers exactly as checking the bare instant
     * does. Not thread-safe: scratch for one decision.
     */
    public final class Candidate {
        private final Instant at;
        private final ZonedDateTime local;
        private final long localEpochDay;
        private int capContacts = -1;
        private byte holiday = -1;

        private Candidate(Instant at, ZonedDateTime local) {
            this(at, local, local.toLocalDate().toEpochDay());
        }

        private Candidate(Instant at, ZonedDateTime local, long localEpochDay) {
            this.at = at;
            this.local = local;
            this.localEpochDay = localEpochDay;
        }

        /** The instant. */
        public Instant at() {
            return at;
        }

        /** The instant in the customer's zone. */
        public ZonedDateTime local() {
            return local;
        }

        private ContactRuleChecker checker() {
            return ContactRuleChecker.this;
        }

        private int capContacts() {
            if (capContacts < 0) {
                capContacts = busiestPeriod(allContacts, allContactDays, at, localEpochDay,
                        rules.contactCapWindowDays());
            }
            return capContacts;
        }

        private boolean holiday() {
            if (holiday < 0) {
                holiday = (byte) (rules.holidays().isHoliday(customer.country(), local.toLocalDate()) ? 1 : 0);
            }
            return holiday == 1;
        }
    }

    /** Every rule a contact on {@code channel} at {@code at} breaks, in {@link ContactRule} order. */
    public List<RuleViolation> violations(Channel channel, Instant at) {
        return check(channel, at, false);
    }

    /** True when a contact on {@code channel} at {@code at} breaks no rule. */
    public boolean allows(Channel channel, Instant at) {
        return check(channel, at, true).isEmpty();
    }

    private List<RuleViolation> check(Channel channel, Instant at, boolean stopAtFirst) {
        if (at == null) {
            throw new IllegalArgumentException("channel and instant are required");
        }
        return check(channel, candidate(at), stopAtFirst);
    }

    private List<RuleViolation> check(Channel channel, Candidate candidate, boolean stopAtFirst) {
        if (channel == null) {
            throw new IllegalArgumentException("channel and instant are required");
        }
        Instant at = candidate.at;
        List<RuleViolation> found = new ArrayList<>(2);
        ZonedDateTime local = candidate.local;
        if (customer.doNotContact()) {
            found.add(new RuleViolation(ContactRule.DO_NOT_CONTACT, "customer is marked do_not_contact"));
            if (stopAtFirst) {
                return found;
            }
        }
        Instant optOut = optedOutSince.get(channel);
        if (optOut != null && !optOut.isAfter(at)) {
            found.add(new RuleViolation(ContactRule.CHANNEL_OPTED_OUT,
                    "customer opted out of " + channel.wireName() + " on " + optOut));
            if (stopAtFirst) {
                return found;
            }
        }
        LocalTime time = local.toLocalTime();
        if (time.isBefore(rules.windowStart()) || !time.isBefore(rules.windowEnd())) {
            found.add(new RuleViolation(ContactRule.OUTSIDE_CONTACT_WINDOW, "local time " + time + " " + zone
                    + " is outside " + rules.windowStart() + "-" + rules.windowEnd()));
            if (stopAtFirst) {
                return found;
            }
        }
        if (rules.noSundays() && local.getDayOfWeek() == DayOfWeek.SUNDAY) {
            found.add(new RuleViolation(ContactRule.SUNDAY, local.toLocalDate() + " is a Sunday in " + zone));
            if (stopAtFirst) {
                return found;
            }
        }
        if (candidate.holiday()) {
            found.add(new RuleViolation(ContactRule.HOLIDAY, local.toLocalDate() + " is a holiday"));
            if (stopAtFirst) {
                return found;
            }
        }
        if (channel == Channel.PHONE) {
            RuleViolation quiet = quietPeriodViolation(at, candidate.localEpochDay);
            if (quiet != null) {
                found.add(quiet);
                if (stopAtFirst) {
                    return found;
                }
            }
            int calls = busiestPeriod(phoneAttempts, phoneAttemptDays, at, candidate.localEpochDay,
                    rules.phoneAttemptWindowDays());
            if (calls > rules.maxPhoneAttempts()) {
                found.add(new RuleViolation(ContactRule.PHONE_ATTEMPT_LIMIT, calls + " phone attempts would fall in "
                        + rules.phoneAttemptWindowDays() + " days (limit " + rules.maxPhoneAttempts() + ")"));
                if (stopAtFirst) {
                    return found;
                }
            }
        }
        int contacts = candidate.capContacts();
        if (contacts > rules.maxContacts()) {
            found.add(new RuleViolation(ContactRule.CONTACT_CAP, contacts + " contacts would fall in "
                    + rules.contactCapWindowDays() + " days (cap " + rules.maxContacts() + ")"));
        }
        return found;
    }

    /**
     * A phone conversation that reached the customer at r forbids calls for {@code phoneQuietDays x 24} hours
     * after r, and on the local calendar days r's day starts (r's own day counts as day 1).
     */
    private RuleViolation quietPeriodViolation(Instant at, long atDay) {
        Instant reached = quietPeriodStart(at, atDay);
        return reached == null ? null : new RuleViolation(ContactRule.PHONE_QUIET_PERIOD,
                "a phone call reached the customer at " + reached + ", no calls for " + rules.phoneQuietDays()
                        + " days after");
    }

    /** The first conversation whose quiet period holds {@code at}, or null. */
    private Instant quietPeriodStart(Instant at, long atDay) {
        int days = rules.phoneQuietDays();
        if (days == 0 || phoneConversations.length == 0) {
            return null; // what the loop below finds without a conversation, without its instant arithmetic
        }
        Duration quiet = Duration.ofDays(days);
        int from = lowerBound(phoneConversations, at.minus(quiet).minus(OFFSET_MARGIN));
        for (int i = from; i < phoneConversations.length && phoneConversations[i].isBefore(at); i++) {
            Instant reached = phoneConversations[i];
            if (Duration.between(reached, at).compareTo(quiet) < 0 || atDay - localEpochDay(reached) < days) {
                return reached;
            }
        }
        return null;
    }

    /**
     * The largest number of events, the candidate at {@code at} included, that share one rolling period with
     * it: the maximum over every {@code days x 24}-hour span and every run of {@code days} local calendar days
     * that contains {@code at}. {@code eventDays} are the events' local epoch days, index for index, and
     * {@code atDay} is {@code at}'s.
     */
    private int busiestPeriod(Instant[] events, long[] eventDays, Instant at, long atDay, int days) {
        if (events.length == 0) {
            return 1; // what both readings below count without events (the candidate alone), without their arithmetic
        }
        Duration span = Duration.ofDays(days);
        // Elapsed-time reading: the busiest span [s, s + span) holding `at` starts at `at` or at an earlier event.
        int busiest = 1 + countIn(events, at, at.plus(span));
        int firstAnchor = lowerBound(events, at.minus(span).plusNanos(1));
        for (int i = firstAnchor; i < events.length && !events[i].isAfter(at); i++) {
            busiest = Math.max(busiest, 1 + countIn(events, events[i], events[i].plus(span)));
        }
        // Calendar reading: local dates need not grow with the instant (a zone may turn its clock back across
        // midnight), so count by date among all events near enough to share a run of days.
        int from = lowerBound(events, at.minus(span).minus(OFFSET_MARGIN));
        int to = lowerBound(events, at.plus(span).plus(OFFSET_MARGIN));
        for (long firstDay = atDay - days + 1; firstDay <= atDay; firstDay++) {
            long lastDay = firstDay + days - 1;
            int count = 1;
            for (int i = from; i < to; i++) {
                if (eventDays[i] >= firstDay && eventDays[i] <= lastDay) {
                    count++;
                }
            }
            busiest = Math.max(busiest, count);
        }
        return busiest;
    }

    private long[] localEpochDays(Instant[] instants) {
        long[] days = new long[instants.length];
        for (int i = 0; i < instants.length; i++) {
            days[i] = localEpochDay(instants[i]);
        }
        return days;
    }

    private long localEpochDay(Instant instant) {
        return instant.atZone(zone).toLocalDate().toEpochDay();
    }

    /** Events in [from, to). */
    private static int countIn(Instant[] events, Instant from, Instant to) {
        return lowerBound(events, to) - lowerBound(events, from);
    }

    /** Index of the first event at or after {@code key}. */
    private static int lowerBound(Instant[] events, Instant key) {
        int low = 0;
        int high = events.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (events[mid].isBefore(key)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static Instant[] sorted(List<Instant> instants) {
        Instant[] array = instants.toArray(new Instant[0]);
        Arrays.sort(array);
        return array;
    }
}

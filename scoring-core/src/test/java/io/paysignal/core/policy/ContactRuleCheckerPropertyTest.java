package io.paysignal.core.policy;

import io.paysignal.core.history.Channel;
import io.paysignal.core.history.Contact;
import io.paysignal.core.history.ContactOutcome;
import io.paysignal.core.history.Customer;
import io.paysignal.core.history.CustomerHistory;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link ContactRuleChecker} agrees with the independent {@link ReferenceContactRules} on every rule, for
 * candidates placed on and around existing contacts and period boundaries, in awkward zones.
 */
class ContactRuleCheckerPropertyTest {

    /** A scenario plus one candidate contact to check. */
    record Candidate(OutreachScenarios.Scenario scenario, Channel channel, Instant at) {
    }

    private static final List<Duration> NUDGES = List.of(Duration.ZERO, Duration.ofSeconds(1),
            Duration.ofSeconds(-1), Duration.ofDays(7), Duration.ofDays(7).minusSeconds(1),
            Duration.ofDays(7).plusSeconds(1), Duration.ofDays(6), Duration.ofHours(1), Duration.ofMinutes(-30),
            Duration.ofDays(3).plusHours(13));

    @Provide
    Arbitrary<Candidate> candidates() {
        return Combinators.combine(OutreachScenarios.scenarios(), Arbitraries.of(Channel.class),
                Arbitraries.of(Placement.class), Arbitraries.integers().between(0, 1000), Arbitraries.of(NUDGES),
                Arbitraries.longs().between(-10 * 86400, 10 * 86400), Arbitraries.integers().between(0, 8),
                Arbitraries.integers().between(-2, 1)).as((s, channel, placement, pick, nudge, seconds, days,
                                                           minutes) -> {
            List<Contact> contacts = s.history().contacts();
            Instant at;
            if (contacts.isEmpty() || placement == Placement.ANYWHERE) {
                at = s.earliest().plusSeconds(seconds);
            } else {
                Instant contact = contacts.get(pick % contacts.size()).contactTime();
                at = placement == Placement.NEAR_CONTACT ? contact.plus(nudge)
                        // Around a local midnight some days after the contact: where the calendar reading of a
                        // rolling period differs from the elapsed-time one.
                        : contact.atZone(s.zone()).toLocalDate().plusDays(days).atStartOfDay(s.zone()).toInstant()
                        .plusSeconds(60L * minutes);
            }
            return new Candidate(s, channel, at);
        });
    }

    /** Where a candidate is placed. */
    enum Placement { NEAR_CONTACT, NEAR_LOCAL_MIDNIGHT, ANYWHERE }

    @Property(tries = 2000)
    void aCandidateCheckedOnEveryChannelAnswersLikeItsBareInstant(@ForAll("candidates") Candidate candidate) {
        OutreachScenarios.Scenario s = candidate.scenario();
        ContactRuleChecker checker = s.config().rules().checker(s.history().customer(), s.history().contacts());
        ContactRuleChecker.Candidate shared = checker.candidate(candidate.at());
        for (Channel channel : Channel.values()) {
            assertEquals(checker.firstViolation(channel, candidate.at()), checker.firstViolation(channel, shared),
                    channel + " at " + candidate.at());
        }
    }

    @Property(tries = 5000)
    void checkerAgreesWithTheReferenceReading(@ForAll("candidates") Candidate candidate) {
        OutreachScenarios.Scenario s = candidate.scenario();
        ContactRules rules = s.config().rules();
        List<Contact> contacts = s.history().contacts();
        Set<ContactRule> expected = ReferenceContactRules.broken(rules, s.history().customer(), contacts,
                candidate.channel(), candidate.at());
        Set<ContactRule> actual = EnumSet.noneOf(ContactRule.class);
        rules.checker(s.history().customer(), contacts).violations(candidate.channel(), candidate.at())
                .forEach(violation -> actual.add(violation.rule()));
        assertEquals(expected, actual);
        Statistics.label("broken").collect(actual.isEmpty() ? "allowed" : actual.iterator().next().code());
    }

    /**
     * Contacts just after a local midnight shortly before a clock change, candidates around later midnights:
     * the rare inputs on which the elapsed-time and calendar-day readings of a rolling period differ, drawn
     * on purpose because random histories almost never hit them.
     */
    @Provide
    Arbitrary<Candidate> aroundClockChanges() {
        return Combinators.combine(Arbitraries.of(OutreachScenarios.ZONES), Arbitraries.integers().between(0, 40),
                Arbitraries.integers().between(0, 7), Arbitraries.integers().between(0, 90),
                Arbitraries.integers().between(0, 8), Arbitraries.integers().between(-90, 30),
                Arbitraries.integers().between(1, 7), Arbitraries.of(ContactOutcome.REACHED,
                        ContactOutcome.NO_RESPONSE)).as((zoneName, transitionIndex, daysBefore, minutesAfterMidnight,
                                                         daysLater, candidateMinutes, periodDays, outcome) -> {
            ZoneId zone = ZoneId.of(zoneName);
            List<ZoneOffsetTransition> transitions = zone.getRules().getTransitions();
            Instant change = transitions.isEmpty() ? Instant.parse("2026-03-08T07:00:00Z")
                    : transitions.get(transitions.size() - 1 - transitionIndex % Math.min(transitions.size(), 40))
                    .getInstant();
            LocalDate contactDay = change.atZone(zone).toLocalDate().minusDays(daysBefore);
            Instant contactAt = contactDay.atStartOfDay(zone).plusMinutes(minutesAfterMidnight).toInstant();
            Instant at = contactDay.plusDays(daysLater).atStartOfDay(zone).plusMinutes(candidateMinutes).toInstant();
            Customer customer = new Customer("P1", null, null, zone, null, false, null, null);
            ContactRules rules = new ContactRules(LocalTime.MIDNIGHT, LocalTime.of(23, 59), 1, periodDays,
                    periodDays, 1, periodDays, false, null);
            CustomerHistory history = new CustomerHistory(customer, List.of(), List.of(),
                    List.of(new Contact(null, "P1", contactAt, Channel.PHONE, outcome)));
            OutreachConfig config = OutreachConfig.defaults().withRules(rules);
            return new Candidate(new OutreachScenarios.Scenario(history, LocalDate.of(2026, 1, 1), RiskTier.HIGH,
                    contactAt, config, OutreachScenarios.MODELS.get(0)), Channel.PHONE, at);
        });
    }

    @Property(tries = 2000)
    void checkerAgreesWithTheReferenceAroundClockChanges(@ForAll("aroundClockChanges") Candidate candidate) {
        checkerAgreesWithTheReferenceReading(candidate);
    }
}

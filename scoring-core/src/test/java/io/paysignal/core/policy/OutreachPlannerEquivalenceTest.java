package io.paysignal.core.policy;

import io.paysignal.core.history.Channel;
import io.paysignal.core.history.Contact;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link OutreachPlanner} with its slot-grid cache, per-slot precomputations and hand-built explanation text
 * answers exactly as the planner of commit a52c647 ({@link LegacyOutreachPlanner}, which built the slots, local
 * times and {@code String.format} text per decision): equal decisions, explanation and suppressions included,
 * over thousands of generated scenarios, each decided from several nearby instants with one planner so that
 * later decisions are served from grids cached by earlier ones.
 */
class OutreachPlannerEquivalenceTest {

    /** Later decisions of a scenario: the same instant (a cache hit), then nearby ones (same or next day). */
    private static final List<Duration> SHIFTS = List.of(Duration.ZERO, Duration.ZERO, Duration.ofMinutes(1),
            Duration.ofMinutes(-1), Duration.ofMinutes(37), Duration.ofHours(5), Duration.ofHours(-7),
            Duration.ofHours(23), Duration.ofDays(1).plusMinutes(11));

    /** Planners kept across scenarios with equal configurations, as the API keeps one per policy. */
    private final Map<OutreachConfig, OutreachPlanner> planners = new HashMap<>();

    @Provide
    Arbitrary<OutreachScenarios.Scenario> scenarios() {
        return OutreachScenarios.scenarios();
    }

    @Provide
    Arbitrary<OutreachScenarios.Scenario> doNotContact() {
        return OutreachScenarios.doNotContactScenarios();
    }

    @Property(tries = 4000)
    void decisionsEqualThoseOfThePlannerWithoutCaches(@ForAll("scenarios") OutreachScenarios.Scenario s) {
        OutreachPlanner planner = planners.computeIfAbsent(s.config(), OutreachPlanner::new);
        LegacyOutreachPlanner legacy = new LegacyOutreachPlanner(s.config());
        for (Duration shift : SHIFTS) {
            Instant earliest = s.earliest().plus(shift);
            OutreachDecision expected = legacy.decide(s.history(), s.asOf(), s.tier(), earliest, s.model());
            OutreachDecision actual = planner.decide(s.history(), s.asOf(), s.tier(), earliest, s.model());
            assertEquals(expected, actual);
            assertEquals(expected.explanation(), actual.explanation());
            assertEquals(legacy.slots(s.zone(), earliest), planner.slots(s.zone(), earliest));
            Statistics.label("action").collect(actual.action().wireName());
            Statistics.label("suppressed").collect(actual.suppressed().isEmpty() ? "none" : "some");
        }
    }

    @Property(tries = 1000)
    void firstBrokenRuleIsTheRuleOfTheFirstViolation(@ForAll("scenarios") OutreachScenarios.Scenario s) {
        List<Contact> known = OutreachPlanner.knownContacts(s.history(), s.asOf(), s.earliest());
        ContactRuleChecker checker = s.config().rules().checker(s.history().customer(), known);
        for (Instant slot : new OutreachPlanner(s.config()).slots(s.zone(), s.earliest().minus(Duration.ofDays(3)))) {
            // Every quarter hour of the day around each slot, so that window edges are crossed too.
            for (int quarter = 0; quarter < 4; quarter++) {
                ContactRuleChecker.Candidate candidate = checker.candidate(slot.plus(Duration.ofMinutes(quarter * 15L
                        - 30)));
                for (Channel channel : Channel.values()) {
                    assertEquals(checker.firstViolation(channel, candidate).map(RuleViolation::rule).orElse(null),
                            checker.firstBrokenRule(channel, candidate));
                }
            }
        }
    }

    @Property(tries = 500)
    void doNotContactDecisionsAreUnchanged(@ForAll("doNotContact") OutreachScenarios.Scenario s) {
        OutreachDecision expected = new LegacyOutreachPlanner(s.config())
                .decide(s.history(), s.asOf(), s.tier(), s.earliest(), s.model());
        assertEquals(expected, new OutreachPlanner(s.config())
                .decide(s.history(), s.asOf(), s.tier(), s.earliest(), s.model()));
    }
}

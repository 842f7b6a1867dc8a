package io.paysignal.core.policy;

import io.paysignal.core.history.Channel;
import io.paysignal.core.history.Contact;
import io.paysignal.core.history.Customer;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.response.CustomerResponse;
import io.paysignal.core.response.ResponseModel;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * TEST REFERENCE: a verbatim copy of {@link OutreachPlanner} as of commit a52c647 (before the slot-grid cache,
 * the per-slot precomputations and the explanation formatting without {@link String#format}), kept so that
 * {@code OutreachPlannerEquivalenceTest} can show the current planner answers exactly as this one did. One
 * deliberate change since: an explanation that waits past the first allowed slot names the delay discount,
 * which since policy {@code outreach-2} is estimated per bundle (added here and in the planner alike).
 * Do not change it otherwise.
 *
 * <p>Original documentation:
 *
 * <p>Decides the outreach for one customer: the {@link TreatmentPolicy} picks the action, then every
 * (channel, slot) the action may use over the next {@link OutreachConfig#searchHorizonDays()} local days is
 * checked against the {@link ContactRules}; among the slots that pass, the one with the highest value
 * (estimated response, discounted per day of delay) wins, on the customer's preferred channel unless that
 * channel is much worse. Slots are the local times {@code windowStart + n hours} inside the window, built in
 * the customer's zone and then re-checked as instants, so daylight-saving gaps and overlaps cannot move a
 * contact outside the window.
 *
 * <p>Point in time: as of {@code asOf}, with outreach no earlier than {@code earliest}, the planner sees
 * invoices issued and payments dated on or before {@code asOf} and contacts made before
 * {@link #knowledgeCutoff} (the earlier of {@code earliest} and the end of {@code asOf} in UTC).
 *
 * <p>Stateless apart from its configuration; safe to share between threads.
 */
public final class LegacyOutreachPlanner implements Serializable {

    private static final DateTimeFormatter LOCAL_FORMAT =
            DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ROOT);

    private final OutreachConfig config;

    /** A planner applying {@code config}. */
    public LegacyOutreachPlanner(OutreachConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("config is required");
        }
        this.config = config;
    }

    /** The configuration applied. */
    public OutreachConfig config() {
        return config;
    }

    /**
     * The instant before which contacts are known when deciding as of {@code asOf} for outreach from
     * {@code earliest}: the earlier of the two, so that nothing dated after {@code asOf} is used.
     */
    public static Instant knowledgeCutoff(LocalDate asOf, Instant earliest) {
        Instant endOfAsOf = asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return earliest.isBefore(endOfAsOf) ? earliest : endOfAsOf;
    }

    /** The contacts of {@code history} the planner uses: those made before {@link #knowledgeCutoff}. */
    public static List<Contact> knownContacts(CustomerHistory history, LocalDate asOf, Instant earliest) {
        Instant cutoff = knowledgeCutoff(asOf, earliest);
        List<Contact> known = new ArrayList<>();
        for (Contact contact : history.contacts()) {
            if (contact.contactTime().isBefore(cutoff)) {
                known.add(contact);
            }
        }
        return known;
    }

    /**
     * The outreach decision for one customer.
     *
     * @param history the customer's history
     * @param asOf the decision date
     * @param tier the customer's risk tier as of {@code asOf}
     * @param earliest no contact is recommended before this instant
     * @param model the response model
     */
    public OutreachDecision decide(CustomerHistory history, LocalDate asOf, RiskTier tier, Instant earliest,
                                   ResponseModel model) {
        if (history == null || asOf == null || tier == null || earliest == null || model == null) {
            throw new IllegalArgumentException("history, asOf, tier, earliest and model are required");
        }
        Customer customer = history.customer();
        Instant cutoff = knowledgeCutoff(asOf, earliest);
        List<Contact> known = knownContacts(history, asOf, earliest);
        Treatment treatment = config.treatment().treat(history, asOf, tier, cutoff);
        if (treatment.action() == OutreachAction.NONE) {
            return none(customer, asOf, treatment, treatment.explanation(), List.of());
        }
        if (customer.doNotContact()) {
            Suppression all = new Suppression(null, ContactRule.DO_NOT_CONTACT, 0, "customer is marked do_not_contact");
            return none(customer, asOf, treatment, treatment.explanation() + "; not sent: customer is do_not_contact",
                    List.of(all));
        }

        LegacyContactRuleChecker checker = new LegacyContactRuleChecker(config.rules(), customer, known);
        CustomerResponse response = model.forCustomer(customer, known);
        List<Instant> slots = slots(customer.timezone(), earliest);
        // Per slot, what does not depend on the channel is computed once for all channels: the slot's local time
        // (for the rule checks and the response estimate; the checker's zone is the customer's), the contact-cap
        // count (inside the candidate) and the delay discount (on first use). Each is the same pure computation
        // on the same inputs as per channel, so every value below is unchanged.
        List<LegacyContactRuleChecker.Candidate> candidates = new ArrayList<>(slots.size());
        for (Instant slot : slots) {
            candidates.add(checker.candidate(slot));
        }
        double[] delayDiscounts = new double[slots.size()];
        Arrays.fill(delayDiscounts, Double.NaN);
        Map<String, Suppression> suppressions = new LinkedHashMap<>();
        Map<Channel, Slot> bestByChannel = new LinkedHashMap<>();
        Map<Channel, Slot> firstByChannel = new LinkedHashMap<>();
        for (Channel channel : config.channelsFor(treatment.action())) {
            for (int i = 0; i < slots.size(); i++) {
                Instant slot = slots.get(i);
                var violation = checker.firstViolation(channel, candidates.get(i));
                if (violation.isPresent()) {
                    tally(suppressions, channel, violation.get());
                    continue;
                }
                double probability = response.probability(channel, candidates.get(i).local());
                if (Double.isNaN(delayDiscounts[i])) {
                    double delayDays = Duration.between(earliest, slot).toMinutes() / (24.0 * 60);
                    delayDiscounts[i] = Math.pow(config.dailyDelayDiscount(), delayDays);
                }
                double value = probability * delayDiscounts[i];
                firstByChannel.putIfAbsent(channel, new Slot(channel, slot, probability, value));
                Slot incumbent = bestByChannel.get(channel);
                if (incumbent == null || value > incumbent.value()) {
                    bestByChannel.put(channel, new Slot(channel, slot, probability, value));
                }
            }
        }
        List<Suppression> suppressed = List.copyOf(suppressions.values());
        if (bestByChannel.isEmpty()) {
            return none(customer, asOf, treatment, treatment.explanation() + "; not sent: no slot in the next "
                    + config.searchHorizonDays() + " days passes the contact rules (" + summarize(suppressed) + ")",
                    suppressed);
        }
        Slot best = null;
        for (Slot slot : bestByChannel.values()) {
            if (best == null || slot.value() > best.value()) {
                best = slot;
            }
        }
        Slot chosen = best;
        List<Channel> allowed = config.channelsFor(treatment.action());
        String channelWhy = allowed.size() == 1
                ? "the only channel used for " + treatment.action().wireName()
                : "the best estimated response of the allowed channels";
        Channel preferred = customer.preferredChannel();
        if (preferred != null && !allowed.contains(preferred)) {
            channelWhy += "; preferred channel " + preferred.wireName() + " is not used for "
                    + treatment.action().wireName();
        } else if (preferred != null && !bestByChannel.containsKey(preferred)) {
            channelWhy += "; preferred channel " + preferred.wireName() + " has no slot the contact rules allow";
        } else if (preferred != null) {
            Slot onPreferred = bestByChannel.get(preferred);
            if (onPreferred.value() >= config.preferredChannelTolerance() * best.value()) {
                chosen = onPreferred;
                channelWhy = preferred == best.channel()
                        ? "the preferred channel, also the best estimated response"
                        : String.format(Locale.ROOT, "the preferred channel (best was %s at %.2f; %.2f is within "
                                + "the %.2fx tolerance)", best.channel().wireName(), best.probability(),
                                onPreferred.probability(), config.preferredChannelTolerance());
            } else {
                channelWhy += String.format(Locale.ROOT, "; preferred channel %s estimated at only %.2f, below "
                        + "%.2fx the best", preferred.wireName(), onPreferred.probability(),
                        config.preferredChannelTolerance());
            }
        }
        ZonedDateTime local = chosen.at().atZone(customer.timezone());
        Slot first = firstByChannel.get(chosen.channel());
        String timeWhy = first.at().equals(chosen.at()) ? "the first slot the rules allow"
                : String.format(Locale.ROOT, "answered better than the first allowed slot (%s, %.2f) at a delay"
                        + " discount of %s/day", LOCAL_FORMAT.format(first.at().atZone(customer.timezone())),
                        first.probability(), config.dailyDelayDiscount());
        String explanation = String.format(Locale.ROOT, "%s. %s at %s %s (%s): %s; estimated response %.2f, %s%s",
                treatment.explanation(), chosen.channel().wireName(), LOCAL_FORMAT.format(local),
                customer.timezone().getId(), chosen.at(), timeWhy, chosen.probability(), channelWhy,
                suppressed.isEmpty() ? "" : ". Suppressed: " + summarize(suppressed));
        return new OutreachDecision(customer.customerId(), asOf, treatment.action(), treatment.action(),
                treatment.reason(), chosen.channel(), chosen.at(), local, chosen.probability(), explanation,
                suppressed, config.policyVersion());
    }

    /**
     * Candidate instants, in time order and at or after {@code earliest}: for each of the horizon's local days,
     * {@code windowStart}, {@code windowStart + 1h}, ... before {@code windowEnd}, resolved in {@code zone}
     * (a local time in a DST gap moves forward; in an overlap the earlier instant is used). These are the
     * only instants {@link #decide} considers; offline evaluations enumerate the same grid.
     */
    public List<Instant> slots(ZoneId zone, Instant earliest) {
        ContactRules rules = config.rules();
        LocalDate first = earliest.atZone(zone).toLocalDate();
        int startMinute = rules.windowStart().toSecondOfDay() / 60;
        int endMinute = rules.windowEnd().toSecondOfDay() / 60;
        TreeSet<Instant> slots = new TreeSet<>();
        for (int day = 0; day < config.searchHorizonDays(); day++) {
            LocalDate date = first.plusDays(day);
            for (int minute = startMinute; minute < endMinute; minute += 60) {
                Instant slot = ZonedDateTime.of(date, LocalTime.ofSecondOfDay(minute * 60L), zone).toInstant();
                if (!slot.isBefore(earliest)) {
                    slots.add(slot);
                }
            }
        }
        return List.copyOf(slots);
    }

    private OutreachDecision none(Customer customer, LocalDate asOf, Treatment treatment, String explanation,
                                  List<Suppression> suppressed) {
        return new OutreachDecision(customer.customerId(), asOf, OutreachAction.NONE, treatment.action(),
                treatment.reason(), null, null, null, null, explanation, suppressed, config.policyVersion());
    }

    private static void tally(Map<String, Suppression> suppressions, Channel channel, RuleViolation violation) {
        suppressions.merge(channel.name() + "|" + violation.rule().name(),
                new Suppression(channel, violation.rule(), 1, violation.detail()),
                (old, added) -> new Suppression(channel, old.rule(), old.slots() + 1, old.detail()));
    }

    private static String summarize(List<Suppression> suppressed) {
        List<String> parts = new ArrayList<>();
        for (Suppression suppression : suppressed) {
            parts.add((suppression.channel() == null ? "all" : suppression.channel().wireName()) + " "
                    + suppression.rule().code() + " x" + suppression.slots());
        }
        return String.join(", ", parts);
    }

    /** One allowed candidate contact and its estimated worth. */
    private record Slot(Channel channel, Instant at, double probability, double value) {
    }
}

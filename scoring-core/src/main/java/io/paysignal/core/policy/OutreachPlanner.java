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

/**
 * Decides the outreach for one customer: the {@link TreatmentPolicy} picks the action, then every
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
public final class OutreachPlanner implements Serializable {

    private static final DateTimeFormatter LOCAL_FORMAT =
            DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ROOT);

    private final OutreachConfig config;
    /**
     * The candidate slot grids already built, by (zone, first local date): see {@link SlotGrid} for why a cached
     * grid gives the same slots as building them per decision. Not serialized: {@link #readResolve} starts an
     * empty one.
     */
    private final transient SlotGrid.Cache grids;

    /** A planner applying {@code config}. Keep one per configuration: it caches the slot grids it builds. */
    public OutreachPlanner(OutreachConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("config is required");
        }
        this.config = config;
        this.grids = new SlotGrid.Cache(config.rules().windowStart(), config.rules().windowEnd(),
                config.searchHorizonDays(), LOCAL_FORMAT);
    }

    private Object readResolve() {
        return new OutreachPlanner(config);
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

        ContactRuleChecker checker = config.rules().checker(customer, known);
        CustomerResponse response = model.forCustomer(customer, known);
        // The slots are the cached grid's suffix from `earliest` (SlotGrid says why that is the list slots()
        // built). Per slot, what does not depend on the channel is computed once for all channels: the slot's
        // local time and local day (from the grid: the same atZone conversion; the checker's zone is the
        // customer's), the contact-cap count and holiday flag (inside the candidate) and the delay discount (on
        // first use). Each is the same pure computation on the same inputs as per channel, so every value below
        // is unchanged.
        SlotGrid grid = grids.forEarliest(customer.timezone(), earliest);
        int firstSlot = grid.firstAtOrAfter(earliest);
        int slotCount = grid.size() - firstSlot;
        ContactRuleChecker.Candidate[] candidates = new ContactRuleChecker.Candidate[slotCount];
        for (int i = 0; i < slotCount; i++) {
            int g = firstSlot + i;
            candidates[i] = checker.candidate(grid.instant(g), grid.local(g), grid.localEpochDay(g));
        }
        double[] delayDiscounts = new double[slotCount];
        Arrays.fill(delayDiscounts, Double.NaN);
        // Suppressions as the old merge by (channel, rule) built them: in order of first occurrence, each with the
        // number of slots it stopped and the text of the first; the text is written only for that first slot.
        int[][] suppressedSlots = new int[Channel.values().length][ContactRule.values().length];
        List<Channel> suppressedChannels = new ArrayList<>();
        List<RuleViolation> firstViolations = new ArrayList<>();
        Map<Channel, Slot> bestByChannel = new LinkedHashMap<>();
        Map<Channel, Slot> firstByChannel = new LinkedHashMap<>();
        for (Channel channel : config.channelsFor(treatment.action())) {
            for (int i = 0; i < slotCount; i++) {
                Instant slot = candidates[i].at();
                ContactRule broken = checker.firstBrokenRule(channel, candidates[i]);
                if (broken != null) {
                    if (suppressedSlots[channel.ordinal()][broken.ordinal()]++ == 0) {
                        suppressedChannels.add(channel);
                        firstViolations.add(checker.firstViolation(channel, candidates[i]).orElseThrow());
                    }
                    continue;
                }
                double probability = response.probability(channel, candidates[i].local());
                if (Double.isNaN(delayDiscounts[i])) {
                    double delayDays = Duration.between(earliest, slot).toMinutes() / (24.0 * 60);
                    delayDiscounts[i] = Math.pow(config.dailyDelayDiscount(), delayDays);
                }
                double value = probability * delayDiscounts[i];
                firstByChannel.putIfAbsent(channel, new Slot(channel, slot, probability, value, firstSlot + i));
                Slot incumbent = bestByChannel.get(channel);
                if (incumbent == null || value > incumbent.value()) {
                    bestByChannel.put(channel, new Slot(channel, slot, probability, value, firstSlot + i));
                }
            }
        }
        Suppression[] suppressions = new Suppression[firstViolations.size()];
        for (int k = 0; k < suppressions.length; k++) {
            Channel channel = suppressedChannels.get(k);
            RuleViolation first = firstViolations.get(k);
            suppressions[k] = new Suppression(channel, first.rule(),
                    suppressedSlots[channel.ordinal()][first.rule().ordinal()], first.detail());
        }
        List<Suppression> suppressed = List.of(suppressions);
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
                        : "the preferred channel (best was " + best.channel().wireName() + " at "
                                + TwoDecimals.format(best.probability()) + "; "
                                + TwoDecimals.format(onPreferred.probability()) + " is within the "
                                + TwoDecimals.format(config.preferredChannelTolerance()) + "x tolerance)";
            } else {
                channelWhy += "; preferred channel " + preferred.wireName() + " estimated at only "
                        + TwoDecimals.format(onPreferred.probability()) + ", below "
                        + TwoDecimals.format(config.preferredChannelTolerance()) + "x the best";
            }
        }
        ZonedDateTime local = chosen.at().atZone(customer.timezone());
        Slot first = firstByChannel.get(chosen.channel());
        String timeWhy = first.at().equals(chosen.at()) ? "the first slot the rules allow"
                : "answered better than the first allowed slot ("
                        + grid.localText(first.gridIndex()) + ", "
                        + TwoDecimals.format(first.probability()) + ") at a delay discount of "
                        + config.dailyDelayDiscount() + "/day";
        // The text String.format(Locale.ROOT, "%s. %s at %s %s (%s): %s; estimated response %.2f, %s%s", ...)
        // gave: %s of a String or Instant is its toString, as concatenation; %.2f is TwoDecimals.format; the local
        // times are LOCAL_FORMAT's text of the slot, kept in the grid (SlotGrid says why it is the same text).
        String explanation = treatment.explanation() + ". " + chosen.channel().wireName() + " at "
                + grid.localText(chosen.gridIndex()) + " " + customer.timezone().getId() + " (" + chosen.at() + "): "
                + timeWhy + "; estimated response " + TwoDecimals.format(chosen.probability()) + ", " + channelWhy
                + (suppressed.isEmpty() ? "" : ". Suppressed: " + summarize(suppressed));
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
        SlotGrid grid = grids.forEarliest(zone, earliest);
        Instant[] slots = new Instant[grid.size() - grid.firstAtOrAfter(earliest)];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = grid.instant(grid.size() - slots.length + i);
        }
        return List.of(slots);
    }

    private OutreachDecision none(Customer customer, LocalDate asOf, Treatment treatment, String explanation,
                                  List<Suppression> suppressed) {
        return new OutreachDecision(customer.customerId(), asOf, OutreachAction.NONE, treatment.action(),
                treatment.reason(), null, null, null, null, explanation, suppressed, config.policyVersion());
    }

    private static String summarize(List<Suppression> suppressed) {
        List<String> parts = new ArrayList<>();
        for (Suppression suppression : suppressed) {
            parts.add((suppression.channel() == null ? "all" : suppression.channel().wireName()) + " "
                    + suppression.rule().code() + " x" + suppression.slots());
        }
        return String.join(", ", parts);
    }

    /** One allowed candidate contact, its estimated worth and its index in the slot grid. */
    private record Slot(Channel channel, Instant at, double probability, double value, int gridIndex) {
    }
}

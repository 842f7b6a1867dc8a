package io.paysignal.core.replay;

import io.paysignal.core.history.Channel;
import io.paysignal.core.history.Contact;
import io.paysignal.core.history.Customer;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.policy.OutreachAction;
import io.paysignal.core.policy.OutreachDecision;
import io.paysignal.core.policy.OutreachPlanner;
import io.paysignal.core.policy.RiskTier;
import io.paysignal.core.response.CustomerResponse;
import io.paysignal.core.response.ResponseModel;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One customer's outreach as of T, replayed: the planner's recommendation next to what else could have been
 * done with the same action under the same rules (the model's best allowed slot, the per-segment best hour,
 * a random allowed slot, and every allowed slot for the truth to rate), the contacts the existing policy
 * really made in the held-out window, and the audit of the recommendation. Every estimate uses the response
 * model for this customer as known at T, the one the planner used.
 *
 * @param customerId the customer
 * @param segment the customer's segment
 * @param earliest the earliest instant the decision could name
 * @param tier the risk tier the decision was made for
 * @param action the recommended action ({@link OutreachAction#NONE} when none)
 * @param lowTierNotOverdue true when the customer is low tier with no overdue invoice on T
 * @param recommended the recommendation; null when none
 * @param modelBest the allowed slot with the highest estimate; null when no recommendation
 * @param segmentBestHour the heuristic's slot; null when no recommendation
 * @param heuristicFallback true when no ranked (channel, hour) cell of the heuristic had an allowed slot and
 *                          it fell back to the first allowed slot
 * @param randomAllowed a reproducibly random allowed slot; null when no recommendation
 * @param allowedKeys the {@link SlotKey#code()} of every allowed slot (empty when no recommendation)
 * @param allowedDelayDays for each of {@code allowedKeys}, in the same order, days from {@code earliest} to the slot
 * @param delayDiscount the planner's daily delay discount (in (0, 1]), so the evaluation can also judge the
 *                      slots by the value the planner maximises: true probability x discount^delay
 * @param heldOut the existing policy's contacts in the held-out window
 * @param findings what the audit found wrong with the recommendation (empty when sound or none)
 * @param preferredChannelUse what became of the customer's preferred channel; null when no recommendation
 * @param withoutPreference the slot the same planner picks for the customer with the preferred channel removed
 *                          (the recommendation itself when there is no preference); null when no recommendation
 */
public record OutreachReplay(
        String customerId,
        String segment,
        Instant earliest,
        RiskTier tier,
        OutreachAction action,
        boolean lowTierNotOverdue,
        ScoredSlot recommended,
        ScoredSlot modelBest,
        ScoredSlot segmentBestHour,
        boolean heuristicFallback,
        ScoredSlot randomAllowed,
        int[] allowedKeys,
        double[] allowedDelayDays,
        double delayDiscount,
        List<HeldOutContact> heldOut,
        Set<AuditFinding> findings,
        PreferredChannelUse preferredChannelUse,
        ScoredSlot withoutPreference) implements Serializable {

    public OutreachReplay {
        if (customerId == null || segment == null || earliest == null || tier == null || action == null || allowedKeys == null
                || allowedDelayDays == null || heldOut == null || findings == null) {
            throw new IllegalArgumentException("customerId, segment, earliest, tier, action, allowedKeys, "
                    + "allowedDelayDays, heldOut and findings are required");
        }
        if (allowedDelayDays.length != allowedKeys.length) {
            throw new IllegalArgumentException("one delay per allowed slot is required");
        }
        if (!(delayDiscount > 0 && delayDiscount <= 1)) {
            throw new IllegalArgumentException("delayDiscount must lie in (0, 1], was " + delayDiscount);
        }
        boolean none = action == OutreachAction.NONE;
        if (none != (recommended == null) || none != (modelBest == null) || none != (segmentBestHour == null)
                || none != (randomAllowed == null) || none != (allowedKeys.length == 0)
                || none != (preferredChannelUse == null) || none != (withoutPreference == null)) {
            throw new IllegalArgumentException("slots are given exactly when a contact is recommended");
        }
        allowedKeys = allowedKeys.clone();
        allowedDelayDays = allowedDelayDays.clone();
        heldOut = List.copyOf(heldOut);
        findings = Set.copyOf(findings);
    }

    /**
     * Replays the decision for one customer.
     *
     * @param split the customer's history cut at T, and the held-out contacts
     * @param asOf T
     * @param earliest the earliest instant the decision could name
     * @param tier the tier the decision was made for
     * @param decision the planner's decision on {@code split.known()}
     * @param planner the planner that decided (its grid and rules enumerate the allowed slots)
     * @param model the response model the planner used
     * @param heuristic the per-segment best hours fitted on contacts before T
     * @param seed seed of the random baseline
     */
    public static OutreachReplay of(HeldOutSplit split, LocalDate asOf, Instant earliest, RiskTier tier,
                                    OutreachDecision decision, OutreachPlanner planner, ResponseModel model,
                                    SegmentBestHours heuristic, long seed) {
        Customer customer = split.known().customer();
        if (!decision.customerId().equals(customer.customerId())) {
            throw new IllegalArgumentException("decision for " + decision.customerId() + " replayed with the history of "
                    + customer.customerId());
        }
        List<Contact> known = OutreachPlanner.knownContacts(split.known(), asOf, earliest);
        CustomerResponse response = model.forCustomer(customer, known);
        List<HeldOutContact> heldOut = new ArrayList<>(split.heldOut().size());
        for (Contact contact : split.heldOut()) {
            heldOut.add(new HeldOutContact(SlotKey.of(contact.channel(), contact.contactTime(), customer.timezone()),
                    contact.outcome().reachedCustomer(), response.probability(contact.channel(), contact.contactTime())));
        }
        double discount = planner.config().dailyDelayDiscount();
        Set<AuditFinding> findings = RecommendationAudit.audit(decision, split.known(), asOf, tier, earliest,
                planner.config());
        boolean lowTierNotOverdue = tier == RiskTier.LOW
                && !RecommendationAudit.hasOverdueInvoice(split.known(), asOf);
        if (!decision.recommendsContact()) {
            return new OutreachReplay(customer.customerId(), customer.segment(), earliest, tier, OutreachAction.NONE,
                    lowTierNotOverdue, null, null, null, false, null, new int[0], new double[0], discount, heldOut,
                    findings, null, null);
        }
        AllowedSlots allowed = AllowedSlots.of(planner, customer, known, earliest,
                planner.config().channelsFor(decision.action()));
        CandidateSlot recommendedSlot = CandidateSlot.of(decision.channel(), decision.contactAt(), customer.timezone());
        // The recommendation is normally one of the allowed slots; should the audit find it is not, it still
        // takes part in the comparison, so the ceiling is never below it.
        AllowedSlots withRecommended = allowed.contains(decision.channel(), decision.contactAt()) ? allowed
                : withSlot(allowed, recommendedSlot);
        CandidateSlot modelBest = withRecommended.best(slot -> response.probability(slot.channel(), slot.at()))
                .orElseThrow();
        Optional<CandidateSlot> placed = heuristic.place(customer.segment(), withRecommended);
        CandidateSlot heuristicSlot = placed.orElseGet(() -> withRecommended.slots().get(0));
        CandidateSlot randomSlot = withRecommended.random(seed, customer.customerId()).orElseThrow();
        ScoredSlot recommended = new ScoredSlot(recommendedSlot, decision.estimatedResponse());
        Channel preferred = customer.preferredChannel();
        PreferredChannelUse use = PreferredChannelUse.NO_PREFERENCE;
        ScoredSlot withoutPreference = recommended;
        if (preferred != null) {
            // The same decision for the customer without a preferred channel: the response model does not read
            // the preference, so only the preferred-channel rule differs.
            CustomerHistory neutral = new CustomerHistory(withoutPreferredChannel(customer),
                    split.known().invoices(), split.known().payments(), split.known().contacts());
            OutreachDecision free = planner.decide(neutral, asOf, tier, earliest, model);
            if (free.recommendsContact()) {
                withoutPreference = new ScoredSlot(CandidateSlot.of(free.channel(), free.contactAt(),
                        customer.timezone()), free.estimatedResponse());
            }
            boolean usable = allowed.slots().stream().anyMatch(slot -> slot.channel() == preferred);
            if (decision.channel() == preferred) {
                use = withoutPreference.slot().channel() == preferred ? PreferredChannelUse.HONOURED_ALSO_BEST
                        : PreferredChannelUse.HONOURED_OVER_BEST;
            } else {
                use = usable ? PreferredChannelUse.OVERRULED : PreferredChannelUse.UNAVAILABLE;
            }
        }
        return new OutreachReplay(customer.customerId(), customer.segment(), earliest, tier, decision.action(),
                lowTierNotOverdue, recommended, scored(modelBest, response), scored(heuristicSlot, response),
                placed.isEmpty(), scored(randomSlot, response), withRecommended.keyCodes(),
                delays(withRecommended, earliest), discount, heldOut, findings, use, withoutPreference);
    }

    private static Customer withoutPreferredChannel(Customer c) {
        return new Customer(c.customerId(), c.segment(), c.country(), c.timezone(), null, c.doNotContact(),
                c.creditLimit(), c.openedDate());
    }

    /** True when a contact is recommended. */
    public boolean recommendsContact() {
        return action != OutreachAction.NONE;
    }

    /** Days from {@link #earliest()} to {@code slot}. */
    public double delayDays(ScoredSlot slot) {
        return Duration.between(earliest, slot.slot().at()).toSeconds() / 86_400.0;
    }

    /** {@code probability} x {@link #delayDiscount()}^{@code delayDays}: the value the planner maximises. */
    public double discounted(double probability, double delayDays) {
        return probability * Math.pow(delayDiscount, delayDays);
    }

    /** The allowed slots' keys, decoded. */
    public List<SlotKey> allowedSlotKeys() {
        return Arrays.stream(allowedKeys).mapToObj(SlotKey::fromCode).toList();
    }

    @Override
    public int[] allowedKeys() {
        return allowedKeys.clone();
    }

    @Override
    public double[] allowedDelayDays() {
        return allowedDelayDays.clone();
    }

    /** Equal when every component is, the allowed keys compared by content. */
    @Override
    public boolean equals(Object other) {
        return other instanceof OutreachReplay that
                && customerId.equals(that.customerId) && segment.equals(that.segment)
                && earliest.equals(that.earliest) && tier == that.tier && action == that.action
                && lowTierNotOverdue == that.lowTierNotOverdue && heuristicFallback == that.heuristicFallback
                && Objects.equals(recommended, that.recommended)
                && Objects.equals(modelBest, that.modelBest)
                && Objects.equals(segmentBestHour, that.segmentBestHour)
                && Objects.equals(randomAllowed, that.randomAllowed)
                && Arrays.equals(allowedKeys, that.allowedKeys)
                && Arrays.equals(allowedDelayDays, that.allowedDelayDays)
                && Double.compare(delayDiscount, that.delayDiscount) == 0 && heldOut.equals(that.heldOut)
                && findings.equals(that.findings) && preferredChannelUse == that.preferredChannelUse
                && Objects.equals(withoutPreference, that.withoutPreference);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(customerId, earliest, action, recommended) + Arrays.hashCode(allowedKeys);
    }

    private static ScoredSlot scored(CandidateSlot slot, CustomerResponse response) {
        return new ScoredSlot(slot, response.probability(slot.channel(), slot.at()));
    }

    private static double[] delays(AllowedSlots allowed, Instant earliest) {
        double[] delays = new double[allowed.slots().size()];
        for (int i = 0; i < delays.length; i++) {
            delays[i] = Duration.between(earliest, allowed.slots().get(i).at()).toSeconds() / 86_400.0;
        }
        return delays;
    }

    private static AllowedSlots withSlot(AllowedSlots allowed, CandidateSlot extra) {
        List<CandidateSlot> slots = new ArrayList<>(allowed.slots());
        slots.add(extra);
        slots.sort(Comparator.comparing(CandidateSlot::at));
        return new AllowedSlots(slots);
    }
}

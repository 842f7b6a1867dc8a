package io.paysignal.core.replay;

import io.paysignal.core.history.Channel;
import io.paysignal.core.history.Contact;
import io.paysignal.core.history.Customer;
import io.paysignal.core.policy.ContactRuleChecker;
import io.paysignal.core.policy.OutreachPlanner;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Every contact the planner could have recommended that passes every contact rule: the planner's own slot
 * grid ({@link OutreachPlanner#slots}: each local hour of the contact window over its search horizon) on each
 * of the action's channels, kept when {@link ContactRuleChecker#allows} says so. The best slot of this set is
 * the ceiling a recommendation is measured against, and a uniformly drawn one is the random baseline.
 *
 * @param slots the allowed slots, in time order and, at equal times, in channel order
 */
public record AllowedSlots(List<CandidateSlot> slots) implements Serializable {

    public AllowedSlots {
        slots = List.copyOf(slots);
    }

    /**
     * The allowed slots for {@code customer} on {@code channels}, given the contacts known at decision time.
     *
     * @param planner the planner whose slot grid and contact rules apply
     * @param customer the customer
     * @param knownContacts the contacts known when deciding (what the planner's checker saw)
     * @param earliest no slot before this instant
     * @param channels the channels the action may use
     */
    public static AllowedSlots of(OutreachPlanner planner, Customer customer, List<Contact> knownContacts,
                                  Instant earliest, List<Channel> channels) {
        ContactRuleChecker checker = planner.config().rules().checker(customer, knownContacts);
        List<CandidateSlot> allowed = new ArrayList<>();
        for (Instant at : planner.slots(customer.timezone(), earliest)) {
            for (Channel channel : channels) {
                if (checker.allows(channel, at)) {
                    allowed.add(CandidateSlot.of(channel, at, customer.timezone()));
                }
            }
        }
        return new AllowedSlots(allowed);
    }

    /** True when no slot is allowed. */
    public boolean isEmpty() {
        return slots.isEmpty();
    }

    /** True when {@code slot} (channel and instant) is one of the allowed slots. */
    public boolean contains(Channel channel, Instant at) {
        for (CandidateSlot slot : slots) {
            if (slot.channel() == channel && slot.at().equals(at)) {
                return true;
            }
        }
        return false;
    }

    /** The slot with the highest {@code value}; ties go to the earlier slot (then channel order). */
    public Optional<CandidateSlot> best(ToDoubleFunction<CandidateSlot> value) {
        CandidateSlot best = null;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (CandidateSlot slot : slots) {
            double v = value.applyAsDouble(slot);
            if (best == null || v > bestValue) {
                best = slot;
                bestValue = v;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * One slot drawn uniformly from the allowed ones, reproducibly: the draw depends only on {@code seed} and
     * {@code customerId}, not on which task or in what order customers are replayed.
     */
    public Optional<CandidateSlot> random(long seed, String customerId) {
        if (slots.isEmpty()) {
            return Optional.empty();
        }
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + customerId.hashCode());
        return Optional.of(slots.get(random.nextInt(slots.size())));
    }

    /** The earliest allowed slot on {@code channel} at local hour {@code localHour}. */
    public Optional<CandidateSlot> firstAt(Channel channel, int localHour) {
        for (CandidateSlot slot : slots) {
            if (slot.channel() == channel && slot.key().localHour() == localHour) {
                return Optional.of(slot);
            }
        }
        return Optional.empty();
    }

    /** The {@link SlotKey#code()} of every allowed slot, in slot order. */
    public int[] keyCodes() {
        int[] codes = new int[slots.size()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = slots.get(i).key().code();
        }
        return codes;
    }
}

package io.paysignal.core.policy;

import io.paysignal.core.history.Channel;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The outreach recommendation for one customer: the score table's {@code action}, {@code channel} and
 * {@code contact_at}, plus why.
 *
 * @param customerId the customer
 * @param asOf the decision date
 * @param action what to do; {@link OutreachAction#NONE} when nothing, or when the rules allow no slot
 * @param intendedAction what the treatment policy wanted; differs from {@code action} only when every
 *                       candidate slot was suppressed
 * @param reason the treatment-table row behind {@code intendedAction}
 * @param channel the channel, null exactly when {@code action} is none
 * @param contactAt when to make the contact (UTC), null exactly when {@code action} is none
 * @param localContactTime {@code contactAt} in the customer's zone, null exactly when {@code action} is none
 * @param estimatedResponse the response model's probability of reaching the customer with that contact, or
 *                          null when {@code action} is none
 * @param explanation a short account of why this action, channel and time (or why none)
 * @param suppressed candidate contacts the contact rules stopped, each with its rule
 * @param policyVersion the {@link OutreachConfig#policyVersion()} that decided
 */
public record OutreachDecision(
        String customerId,
        LocalDate asOf,
        OutreachAction action,
        OutreachAction intendedAction,
        TreatmentReason reason,
        Channel channel,
        Instant contactAt,
        ZonedDateTime localContactTime,
        Double estimatedResponse,
        String explanation,
        List<Suppression> suppressed,
        String policyVersion) implements Serializable {

    public OutreachDecision {
        if (customerId == null || asOf == null || action == null || intendedAction == null || reason == null
                || policyVersion == null) {
            throw new IllegalArgumentException("customerId, asOf, action, intendedAction, reason and policyVersion "
                    + "are required");
        }
        if (explanation == null || explanation.isBlank()) {
            throw new IllegalArgumentException("explanation must not be blank");
        }
        boolean none = action == OutreachAction.NONE;
        if (none != (channel == null) || none != (contactAt == null) || none != (localContactTime == null)
                || none != (estimatedResponse == null)) {
            throw new IllegalArgumentException("channel, contactAt, localContactTime and estimatedResponse are set "
                    + "exactly when the action is not none");
        }
        if (!none && action != intendedAction) {
            throw new IllegalArgumentException("a recommended action must be the intended one");
        }
        if (!none && !localContactTime.toInstant().equals(contactAt)) {
            throw new IllegalArgumentException("localContactTime must be contactAt in the customer's zone");
        }
        if (!none && !(estimatedResponse >= 0 && estimatedResponse <= 1)) {
            throw new IllegalArgumentException("estimatedResponse must be a probability");
        }
        suppressed = suppressed == null ? List.of() : List.copyOf(suppressed);
    }

    /** True when some outreach is recommended. */
    public boolean recommendsContact() {
        return action != OutreachAction.NONE;
    }
}

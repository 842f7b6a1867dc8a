package io.paysignal.core.policy;

import io.paysignal.core.history.Channel;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every setting of the outreach engine, versioned as one record so a model bundle can carry it and a
 * decision can name the policy that made it. Plain records, enums and {@code java.time} values only, so it
 * reads and writes as JSON (Jackson with the JSR-310 module).
 *
 * @param policyVersion names this configuration in bundles and decisions (default {@code outreach-1})
 * @param rules the hard contact rules
 * @param treatment the treatment table
 * @param channelsByAction channels each action may use, in tie-break order (defaults: reminder by email, sms
 *                         or letter; payment-plan offer by any channel; agent call by phone)
 * @param preferredChannelTolerance the customer's preferred channel is used unless its value is below this
 *                                  share of the best channel's (default 0.5; 0: always preferred when allowed,
 *                                  1: only when it is at least as good)
 * @param searchHorizonDays local days searched for a slot, starting with the day of the earliest instant
 *                          (default 7)
 * @param dailyDelayDiscount a slot's value is its estimated response times this factor per day of delay after
 *                           the earliest instant (1: time does not matter). {@code train} sets it from the
 *                           history ({@link DelayDiscountEstimate}); the default 0.85 is only the fallback when
 *                           the history has too few overdue invoices, and what an untrained planner uses
 */
public record OutreachConfig(
        String policyVersion,
        ContactRules rules,
        TreatmentPolicy treatment,
        Map<OutreachAction, List<Channel>> channelsByAction,
        double preferredChannelTolerance,
        int searchHorizonDays,
        double dailyDelayDiscount) implements Serializable {

    /**
     * {@code outreach-2}: the daily delay discount of a trained bundle is estimated from its training history
     * ({@link DelayDiscountEstimate}); {@code outreach-1} bundles carry the hand-set 0.85.
     */
    public static final String DEFAULT_POLICY_VERSION = "outreach-2";
    public static final double DEFAULT_PREFERRED_CHANNEL_TOLERANCE = 0.5;
    public static final int DEFAULT_SEARCH_HORIZON_DAYS = 7;
    /** The fallback daily delay discount: see {@link DelayDiscountEstimate} for the value a bundle uses. */
    public static final double DEFAULT_DAILY_DELAY_DISCOUNT = 0.85;
    /** Longest search horizon accepted: decisions are remade every scoring run. */
    public static final int MAX_SEARCH_HORIZON_DAYS = 60;

    public OutreachConfig {
        if (policyVersion == null || policyVersion.isBlank()) {
            throw new IllegalArgumentException("policyVersion must not be blank");
        }
        if (rules == null || treatment == null || channelsByAction == null) {
            throw new IllegalArgumentException("rules, treatment and channelsByAction are required");
        }
        Map<OutreachAction, List<Channel>> channels = new EnumMap<>(OutreachAction.class);
        for (OutreachAction action : OutreachAction.values()) {
            List<Channel> list = channelsByAction.get(action);
            if (action == OutreachAction.NONE) {
                if (list != null && !list.isEmpty()) {
                    throw new IllegalArgumentException("action none takes no channel");
                }
                continue;
            }
            if (list == null || list.isEmpty()) {
                throw new IllegalArgumentException("no channel configured for " + action.wireName());
            }
            Set<Channel> seen = new HashSet<>();
            for (Channel channel : list) {
                if (channel == null || !seen.add(channel)) {
                    throw new IllegalArgumentException("channels for " + action.wireName()
                            + " must be distinct and non-null: " + list);
                }
            }
            channels.put(action, List.copyOf(list));
        }
        channelsByAction = Map.copyOf(channels);
        if (!(preferredChannelTolerance >= 0 && preferredChannelTolerance <= 1)) {
            throw new IllegalArgumentException("preferredChannelTolerance must be in [0, 1], was "
                    + preferredChannelTolerance);
        }
        if (searchHorizonDays < 1 || searchHorizonDays > MAX_SEARCH_HORIZON_DAYS) {
            throw new IllegalArgumentException("searchHorizonDays must be in [1, " + MAX_SEARCH_HORIZON_DAYS
                    + "], was " + searchHorizonDays);
        }
        if (!(dailyDelayDiscount > 0 && dailyDelayDiscount <= 1)) {
            throw new IllegalArgumentException("dailyDelayDiscount must be in (0, 1], was " + dailyDelayDiscount);
        }
    }

    /** The documented defaults (see {@code docs/OUTREACH.md}). */
    public static OutreachConfig defaults() {
        return new OutreachConfig(DEFAULT_POLICY_VERSION, ContactRules.defaults(), TreatmentPolicy.defaults(),
                defaultChannels(), DEFAULT_PREFERRED_CHANNEL_TOLERANCE, DEFAULT_SEARCH_HORIZON_DAYS,
                DEFAULT_DAILY_DELAY_DISCOUNT);
    }

    /**
     * Reminders are written nudges (email, sms, letter); a payment-plan offer may use any channel; an agent
     * call is a phone call.
     */
    public static Map<OutreachAction, List<Channel>> defaultChannels() {
        return Map.of(
                OutreachAction.REMINDER, List.of(Channel.EMAIL, Channel.SMS, Channel.LETTER),
                OutreachAction.PAYMENT_PLAN_OFFER, List.of(Channel.EMAIL, Channel.SMS, Channel.PHONE, Channel.LETTER),
                OutreachAction.AGENT_CALL, List.of(Channel.PHONE));
    }

    /** The channels {@code action} may use; empty for {@link OutreachAction#NONE}. */
    public List<Channel> channelsFor(OutreachAction action) {
        return channelsByAction.getOrDefault(action, List.of());
    }

    /** This configuration with other contact rules. */
    public OutreachConfig withRules(ContactRules newRules) {
        return new OutreachConfig(policyVersion, newRules, treatment, channelsByAction, preferredChannelTolerance,
                searchHorizonDays, dailyDelayDiscount);
    }

    /** This configuration with another value per day of delay (1: time does not matter). */
    public OutreachConfig withDailyDelayDiscount(double discount) {
        return new OutreachConfig(policyVersion, rules, treatment, channelsByAction, preferredChannelTolerance,
                searchHorizonDays, discount);
    }

    /** This configuration searching another number of local days. */
    public OutreachConfig withSearchHorizonDays(int days) {
        return new OutreachConfig(policyVersion, rules, treatment, channelsByAction, preferredChannelTolerance,
                days, dailyDelayDiscount);
    }

    /** This configuration with another treatment table. */
    public OutreachConfig withTreatment(TreatmentPolicy newTreatment) {
        return new OutreachConfig(policyVersion, rules, newTreatment, channelsByAction, preferredChannelTolerance,
                searchHorizonDays, dailyDelayDiscount);
    }
}

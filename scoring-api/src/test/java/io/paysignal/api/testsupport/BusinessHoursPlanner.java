package io.paysignal.api.testsupport;

import io.paysignal.api.service.OutreachPlan;
import io.paysignal.api.service.OutreachPlanner;
import io.paysignal.api.service.RiskModel;
import io.paysignal.api.service.ScoreResult;
import io.paysignal.core.history.Channel;
import io.paysignal.core.history.Contact;
import io.paysignal.core.history.ContactOutcome;
import io.paysignal.core.history.Customer;
import io.paysignal.core.history.CustomerHistory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A small, real outreach planner for API tests: nothing for do-not-contact or low-risk customers, a reminder
 * for medium risk, an agent call for high risk; the preferred channel unless opted out (then the first channel
 * not opted out); at the next 10:00 in the customer's zone. It stands in for scoring-core's policy.
 */
public final class BusinessHoursPlanner implements OutreachPlanner {

    private static final LocalTime CONTACT_TIME = LocalTime.of(10, 0);

    @Override
    public OutreachPlan plan(RiskModel model, CustomerHistory history, LocalDate asOf, ScoreResult score,
                             Instant now) {
        Customer customer = history.customer();
        if (customer.doNotContact()) {
            return new OutreachPlan(OutreachPlan.NONE, null, null, "customer asked not to be contacted");
        }
        String action = switch (score.tier()) {
            case LOW -> OutreachPlan.NONE;
            case MEDIUM -> "reminder";
            case HIGH -> "agent_call";
        };
        if (action.equals(OutreachPlan.NONE)) {
            return new OutreachPlan(action, null, null, "low risk: no outreach");
        }
        Set<Channel> optedOut = EnumSet.noneOf(Channel.class);
        for (Contact contact : history.contacts()) {
            if (contact.outcome() == ContactOutcome.OPTED_OUT) {
                optedOut.add(contact.channel());
            }
        }
        Channel preferred = action.equals("agent_call") ? Channel.PHONE
                : customer.preferredChannel() == null ? Channel.EMAIL : customer.preferredChannel();
        Channel channel = preferred;
        if (optedOut.contains(channel)) {
            channel = List.of(Channel.values()).stream().filter(c -> !optedOut.contains(c)).findFirst().orElse(null);
        }
        if (channel == null) {
            return new OutreachPlan(OutreachPlan.NONE, null, null, "opted out of every channel");
        }
        ZonedDateTime local = now.atZone(customer.timezone());
        ZonedDateTime at = local.with(CONTACT_TIME);
        if (!at.isAfter(local)) {
            at = at.plusDays(1).with(CONTACT_TIME);
        }
        return new OutreachPlan(action, channel, at.toInstant(), score.tier().wireName() + " risk: " + action
                + " by " + channel.wireName() + " at 10:00 local time");
    }
}

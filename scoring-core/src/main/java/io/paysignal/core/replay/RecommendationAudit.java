package io.paysignal.core.replay;

import io.paysignal.core.definition.InvoiceLedger;
import io.paysignal.core.history.Contact;
import io.paysignal.core.history.ContactOutcome;
import io.paysignal.core.history.Customer;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.history.Invoice;
import io.paysignal.core.history.Payment;
import io.paysignal.core.policy.ContactRules;
import io.paysignal.core.policy.OutreachConfig;
import io.paysignal.core.policy.OutreachDecision;
import io.paysignal.core.policy.OutreachPlanner;
import io.paysignal.core.policy.RiskTier;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Re-checks one recommendation after the fact. The planner's {@code ContactRuleChecker} is asked again, and
 * the rules that matter most are also read plainly and independently of it (do-not-contact, an opt-out on
 * the channel before the contact, the local window, the action's channels, the search horizon), so that a
 * bug shared by planner and checker would still show. Finally the business rule: a low-tier customer with no
 * overdue invoice gets no action.
 */
public final class RecommendationAudit {

    private RecommendationAudit() {
    }

    /**
     * What is wrong with {@code decision}; empty when nothing is.
     *
     * @param decision the recommendation
     * @param known the customer's history as known at decision time (contacts after it are ignored anyway)
     * @param asOf the decision date
     * @param tier the risk tier the decision was made for
     * @param earliest the earliest instant the decision could name
     * @param config the policy that decided
     */
    public static Set<AuditFinding> audit(OutreachDecision decision, CustomerHistory known, LocalDate asOf,
                                          RiskTier tier, Instant earliest, OutreachConfig config) {
        if (decision == null || known == null || asOf == null || tier == null || earliest == null || config == null) {
            throw new IllegalArgumentException("decision, history, asOf, tier, earliest and config are required");
        }
        Set<AuditFinding> findings = EnumSet.noneOf(AuditFinding.class);
        if (!decision.recommendsContact()) {
            return findings;
        }
        Customer customer = known.customer();
        List<Contact> contacts = OutreachPlanner.knownContacts(known, asOf, earliest);
        Instant at = decision.contactAt();
        if (!config.rules().checker(customer, contacts).violations(decision.channel(), at).isEmpty()) {
            findings.add(AuditFinding.CONTACT_RULE);
        }
        if (customer.doNotContact()) {
            findings.add(AuditFinding.DO_NOT_CONTACT);
        }
        for (Contact contact : contacts) {
            if (contact.outcome() == ContactOutcome.OPTED_OUT && contact.channel() == decision.channel()
                    && !contact.contactTime().isAfter(at)) {
                findings.add(AuditFinding.OPTED_OUT_CHANNEL);
            }
        }
        ContactRules rules = config.rules();
        LocalTime local = at.atZone(customer.timezone()).toLocalTime();
        if (local.isBefore(rules.windowStart()) || !local.isBefore(rules.windowEnd())) {
            findings.add(AuditFinding.OUTSIDE_CONTACT_WINDOW);
        }
        if (!config.channelsFor(decision.action()).contains(decision.channel())) {
            findings.add(AuditFinding.CHANNEL_NOT_FOR_ACTION);
        }
        LocalDate lastDay = earliest.atZone(customer.timezone()).toLocalDate().plusDays(config.searchHorizonDays() - 1L);
        if (at.isBefore(earliest) || at.atZone(customer.timezone()).toLocalDate().isAfter(lastDay)) {
            findings.add(AuditFinding.OUTSIDE_SEARCH_HORIZON);
        }
        if (tier == RiskTier.LOW && !hasOverdueInvoice(known, asOf)) {
            findings.add(AuditFinding.LOW_TIER_NOT_OVERDUE);
        }
        return findings;
    }

    /** True when some invoice issued by {@code asOf} is still open on {@code asOf} and was due before it. */
    public static boolean hasOverdueInvoice(CustomerHistory history, LocalDate asOf) {
        Map<String, List<Payment>> payments = history.paymentsByInvoice();
        for (Invoice invoice : history.invoices()) {
            if (invoice.issueDate().isAfter(asOf) || !invoice.dueDate().isBefore(asOf)) {
                continue;
            }
            List<Payment> paid = payments.getOrDefault(invoice.invoiceId(), List.of()).stream()
                    .filter(payment -> !payment.paymentDate().isAfter(asOf)).toList();
            if (!new InvoiceLedger(invoice, paid).isSettledOn(asOf)) {
                return true;
            }
        }
        return false;
    }
}

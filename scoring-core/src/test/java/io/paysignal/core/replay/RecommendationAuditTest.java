package io.paysignal.core.replay;

import io.paysignal.core.history.Channel;
import io.paysignal.core.history.Contact;
import io.paysignal.core.history.ContactOutcome;
import io.paysignal.core.history.Customer;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.history.Invoice;
import io.paysignal.core.policy.OutreachAction;
import io.paysignal.core.policy.OutreachConfig;
import io.paysignal.core.policy.OutreachDecision;
import io.paysignal.core.policy.OutreachPlanner;
import io.paysignal.core.policy.RiskTier;
import io.paysignal.core.policy.TreatmentReason;
import io.paysignal.core.response.ResponseModel;
import io.paysignal.core.response.ResponseModelSettings;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static io.paysignal.core.testsupport.OutreachFixtures.contactAtLocal;
import static io.paysignal.core.testsupport.OutreachFixtures.customer;
import static io.paysignal.core.testsupport.OutreachFixtures.doNotContact;
import static io.paysignal.core.testsupport.OutreachFixtures.history;
import static io.paysignal.core.testsupport.OutreachFixtures.invoice;
import static io.paysignal.core.testsupport.OutreachFixtures.local;
import static io.paysignal.core.testsupport.OutreachFixtures.payment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecommendationAuditTest {

    private static final String CHICAGO = "America/Chicago";
    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 2);
    private static final Instant EARLIEST = Instant.parse("2026-03-03T00:00:00Z");
    private static final OutreachConfig CONFIG = OutreachConfig.defaults();
    private static final List<Invoice> LATE = List.of(invoice("I1", AS_OF.minusDays(20)));

    /** A decision as a planner with a bug might make it: any channel, any time. */
    private static OutreachDecision forged(Customer customer, OutreachAction action, Channel channel, Instant at) {
        return new OutreachDecision(customer.customerId(), AS_OF, action, action, TreatmentReason.DUE_MEDIUM_RISK,
                channel, at, at.atZone(customer.timezone()), 0.3, "forged for the audit test", List.of(), "test");
    }

    private static Set<AuditFinding> audit(OutreachDecision decision, CustomerHistory history, RiskTier tier) {
        return RecommendationAudit.audit(decision, history, AS_OF, tier, EARLIEST, CONFIG);
    }

    @Test
    void aPlannersDecisionIsSound() {
        CustomerHistory history = history(customer(CHICAGO), LATE, List.of(), List.of(
                contactAtLocal("2026-02-20T10:00", CHICAGO, Channel.SMS, ContactOutcome.OPTED_OUT)));
        OutreachDecision decision = new OutreachPlanner(CONFIG).decide(history, AS_OF, RiskTier.MEDIUM, EARLIEST,
                ResponseModel.fit(List.of(), ResponseModelSettings.hourOfDayBaseline()));
        assertTrue(decision.recommendsContact());
        assertEquals(Set.of(), audit(decision, history, RiskTier.MEDIUM));
    }

    @Test
    void noneHasNothingToAudit() {
        CustomerHistory history = history(doNotContact(CHICAGO), LATE, List.of(), List.of());
        OutreachDecision none = new OutreachPlanner(CONFIG).decide(history, AS_OF, RiskTier.HIGH, EARLIEST,
                ResponseModel.fit(List.of(), ResponseModelSettings.hourOfDayBaseline()));
        assertFalse(none.recommendsContact());
        assertEquals(Set.of(), audit(none, history, RiskTier.HIGH));
    }

    @Test
    void findsAContactOnAnOptedOutChannel() {
        List<Contact> contacts = List.of(contactAtLocal("2026-02-20T10:00", CHICAGO, Channel.SMS, ContactOutcome.OPTED_OUT));
        CustomerHistory history = history(customer(CHICAGO), LATE, List.of(), contacts);
        OutreachDecision decision = forged(customer(CHICAGO), OutreachAction.REMINDER, Channel.SMS,
                local("2026-03-03T10:00", CHICAGO));
        assertEquals(Set.of(AuditFinding.CONTACT_RULE, AuditFinding.OPTED_OUT_CHANNEL),
                audit(decision, history, RiskTier.MEDIUM));
    }

    @Test
    void findsDoNotContactOutsideTheWindowAndTheWrongChannel() {
        CustomerHistory history = history(doNotContact(CHICAGO), LATE, List.of(), List.of());
        OutreachDecision decision = forged(doNotContact(CHICAGO), OutreachAction.REMINDER, Channel.PHONE,
                local("2026-03-03T22:30", CHICAGO));
        assertEquals(Set.of(AuditFinding.CONTACT_RULE, AuditFinding.DO_NOT_CONTACT,
                AuditFinding.OUTSIDE_CONTACT_WINDOW, AuditFinding.CHANNEL_NOT_FOR_ACTION),
                audit(decision, history, RiskTier.MEDIUM));
    }

    @Test
    void findsATimeOutsideTheSearchHorizon() {
        CustomerHistory history = history(customer(CHICAGO), LATE, List.of(), List.of());
        OutreachDecision early = forged(customer(CHICAGO), OutreachAction.REMINDER, Channel.EMAIL,
                local("2026-03-02T17:00", CHICAGO));
        OutreachDecision late = forged(customer(CHICAGO), OutreachAction.REMINDER, Channel.EMAIL,
                local("2026-03-09T10:00", CHICAGO));
        OutreachDecision lastDay = forged(customer(CHICAGO), OutreachAction.REMINDER, Channel.EMAIL,
                local("2026-03-08T10:00", CHICAGO));
        assertEquals(Set.of(AuditFinding.OUTSIDE_SEARCH_HORIZON), audit(early, history, RiskTier.MEDIUM));
        assertEquals(Set.of(AuditFinding.OUTSIDE_SEARCH_HORIZON), audit(late, history, RiskTier.MEDIUM));
        assertEquals(Set.of(), audit(lastDay, history, RiskTier.MEDIUM));
    }

    @Test
    void findsALowTierCustomerWithoutOverdueInvoiceGivenAnAction() {
        CustomerHistory notDue = history(customer(CHICAGO), List.of(invoice("I1", AS_OF.plusDays(3))), List.of(),
                List.of());
        OutreachDecision decision = forged(customer(CHICAGO), OutreachAction.REMINDER, Channel.EMAIL,
                local("2026-03-03T10:00", CHICAGO));
        assertEquals(Set.of(AuditFinding.LOW_TIER_NOT_OVERDUE), audit(decision, notDue, RiskTier.LOW));
        assertEquals(Set.of(), audit(decision, notDue, RiskTier.MEDIUM));
    }

    @Test
    void anInvoiceIsOverdueOnlyWhenOpenAfterItsDueDate() {
        Invoice dueYesterday = invoice("I1", AS_OF.minusDays(1));
        Invoice dueToday = invoice("I2", AS_OF);
        assertTrue(RecommendationAudit.hasOverdueInvoice(history(customer(CHICAGO), List.of(dueYesterday), List.of(),
                List.of()), AS_OF));
        assertFalse(RecommendationAudit.hasOverdueInvoice(history(customer(CHICAGO), List.of(dueToday), List.of(),
                List.of()), AS_OF));
        assertFalse(RecommendationAudit.hasOverdueInvoice(history(customer(CHICAGO), List.of(dueYesterday),
                List.of(payment("I1", AS_OF, 100.0)), List.of()), AS_OF));
        assertTrue(RecommendationAudit.hasOverdueInvoice(history(customer(CHICAGO), List.of(dueYesterday),
                List.of(payment("I1", AS_OF.plusDays(1), 100.0)), List.of()), AS_OF), "a later payment is not known");
    }
}

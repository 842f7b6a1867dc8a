package io.paysignal.core.policy;

import io.paysignal.core.definition.InvoiceLedger;
import io.paysignal.core.history.Contact;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.history.Invoice;
import io.paysignal.core.history.Payment;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Properties of {@link OutreachPlanner}: no recommendation ever breaks a contact rule, whatever the input. */
class OutreachPlannerPropertyTest {

    @Provide
    Arbitrary<OutreachScenarios.Scenario> scenarios() {
        return OutreachScenarios.scenarios();
    }

    @Provide
    Arbitrary<OutreachScenarios.Scenario> doNotContact() {
        return OutreachScenarios.doNotContactScenarios();
    }

    @Provide
    Arbitrary<OutreachScenarios.Scenario> lowTierWithoutOverdue() {
        return OutreachScenarios.lowTierWithoutOverdue();
    }

    private static OutreachDecision decide(OutreachScenarios.Scenario s) {
        return new OutreachPlanner(s.config()).decide(s.history(), s.asOf(), s.tier(), s.earliest(), s.model());
    }

    @Property(tries = 5000)
    void noRecommendationBreaksAContactRule(@ForAll("scenarios") OutreachScenarios.Scenario s) {
        OutreachDecision decision = decide(s);
        Statistics.label("action").collect(decision.action().wireName());
        Statistics.label("intended action and reason").collect(decision.intendedAction().wireName() + " / "
                + decision.reason().code() + (decision.recommendsContact() ? "" : " / not sent"));
        Statistics.label("suppressed rules").collect(decision.suppressed().isEmpty() ? "none" : "some");
        Statistics.label("contacts known").collect(bucket(
                OutreachPlanner.knownContacts(s.history(), s.asOf(), s.earliest()).size()));
        for (Suppression suppression : decision.suppressed()) {
            assertNotNull(suppression.rule());
        }
        if (!decision.recommendsContact()) {
            return;
        }
        List<Contact> known = OutreachPlanner.knownContacts(s.history(), s.asOf(), s.earliest());
        assertEquals(Set.of(), ReferenceContactRules.broken(s.config().rules(), s.history().customer(), known,
                decision.channel(), decision.contactAt()), decision.explanation());
        assertEquals(List.of(), s.config().rules().checker(s.history().customer(), known)
                .violations(decision.channel(), decision.contactAt()));
        assertFalse(decision.contactAt().isBefore(s.earliest()));
        LocalDate firstDay = s.earliest().atZone(s.zone()).toLocalDate();
        LocalDate contactDay = decision.contactAt().atZone(s.zone()).toLocalDate();
        assertTrue(!contactDay.isBefore(firstDay) && contactDay.isBefore(firstDay.plusDays(
                s.config().searchHorizonDays())), "contact day " + contactDay + " outside the horizon");
        assertEquals(decision.contactAt().atZone(s.zone()), decision.localContactTime());
        assertTrue(s.config().channelsFor(decision.action()).contains(decision.channel()));
        assertFalse(s.history().customer().doNotContact());
        assertFalse(decision.explanation().isBlank());
        Statistics.label("recommended local hour").collect(decision.localContactTime().getHour());
    }

    @Property(tries = 1000)
    void doNotContactAlwaysGetsNone(@ForAll("doNotContact") OutreachScenarios.Scenario s) {
        OutreachDecision decision = decide(s);
        assertEquals(OutreachAction.NONE, decision.action());
        Statistics.label("intended").collect(decision.intendedAction().wireName());
        if (decision.intendedAction() != OutreachAction.NONE) {
            assertEquals(ContactRule.DO_NOT_CONTACT, decision.suppressed().get(0).rule());
        }
    }

    @Property(tries = 1000)
    void lowTierWithoutOverdueInvoiceGetsNone(@ForAll("lowTierWithoutOverdue") OutreachScenarios.Scenario s) {
        assertTrue(noOverdueInvoice(s.history(), s.asOf()));
        OutreachDecision decision = decide(s);
        assertEquals(OutreachAction.NONE, decision.action(), decision.explanation());
        assertEquals(OutreachAction.NONE, decision.intendedAction());
        Statistics.label("reason").collect(decision.reason().code());
    }

    @Property(tries = 500)
    void decisionIgnoresEverythingAfterTheKnowledgeCutoff(@ForAll("scenarios") OutreachScenarios.Scenario s) {
        var cutoff = OutreachPlanner.knowledgeCutoff(s.asOf(), s.earliest());
        CustomerHistory past = new CustomerHistory(s.history().customer(),
                s.history().invoices().stream().filter(i -> !i.issueDate().isAfter(s.asOf())).toList(),
                s.history().payments().stream().filter(p -> !p.paymentDate().isAfter(s.asOf())).toList(),
                s.history().contacts().stream().filter(c -> c.contactTime().isBefore(cutoff)).toList());
        OutreachDecision full = decide(s);
        OutreachDecision pointInTime = new OutreachPlanner(s.config()).decide(past, s.asOf(), s.tier(), s.earliest(),
                s.model());
        assertEquals(pointInTime, full);
        assertFalse(cutoff.isAfter(s.earliest()));
    }

    private static boolean noOverdueInvoice(CustomerHistory history, LocalDate asOf) {
        Map<String, List<Payment>> payments = history.paymentsByInvoice();
        for (Invoice invoice : history.invoices()) {
            if (invoice.issueDate().isAfter(asOf)) {
                continue;
            }
            if (new InvoiceLedger(invoice, payments.getOrDefault(invoice.invoiceId(), List.of()))
                    .daysPastDue(asOf) > 0) {
                return false;
            }
        }
        return true;
    }

    private static String bucket(int contacts) {
        return contacts == 0 ? "0" : contacts < 5 ? "1-4" : contacts < 20 ? "5-19" : "20+";
    }
}

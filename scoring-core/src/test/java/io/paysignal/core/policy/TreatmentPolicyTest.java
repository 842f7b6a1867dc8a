package io.paysignal.core.policy;

import io.paysignal.core.history.Channel;
import io.paysignal.core.history.Contact;
import io.paysignal.core.history.ContactOutcome;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.history.Invoice;
import io.paysignal.core.history.Payment;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;

import static io.paysignal.core.testsupport.OutreachFixtures.contact;
import static io.paysignal.core.testsupport.OutreachFixtures.customer;
import static io.paysignal.core.testsupport.OutreachFixtures.disputedInvoice;
import static io.paysignal.core.testsupport.OutreachFixtures.history;
import static io.paysignal.core.testsupport.OutreachFixtures.invoice;
import static io.paysignal.core.testsupport.OutreachFixtures.payment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TreatmentPolicyTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 2);
    private static final Instant DECISION = AS_OF.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final TreatmentPolicy POLICY = TreatmentPolicy.defaults();

    /** The treatment for one invoice due {@code daysFromDue} days before the as-of date. */
    private static Treatment treat(RiskTier tier, long daysFromDue) {
        return treat(tier, List.of(invoice("I1", AS_OF.minusDays(daysFromDue))), List.of(), List.of());
    }

    private static Treatment treat(RiskTier tier, List<Invoice> invoices, List<Payment> payments,
                                   List<Contact> contacts) {
        CustomerHistory history = history(customer("UTC"), invoices, payments, contacts);
        return POLICY.treat(history, AS_OF, tier, DECISION);
    }

    private static void assertRow(OutreachAction action, TreatmentReason reason, Treatment treatment) {
        assertEquals(action, treatment.action(), treatment.explanation());
        assertEquals(reason, treatment.reason(), treatment.explanation());
    }

    @Test
    void noOpenInvoiceGetsNothingAtAnyTier() {
        for (RiskTier tier : RiskTier.values()) {
            assertRow(OutreachAction.NONE, TreatmentReason.NO_OPEN_INVOICE,
                    treat(tier, List.of(), List.of(), List.of()));
        }
    }

    @Test
    void settledInvoiceGetsNothingEvenWhenLongPastDue() {
        Invoice old = invoice("I1", AS_OF.minusDays(90));
        Treatment treatment = treat(RiskTier.HIGH, List.of(old), List.of(payment("I1", AS_OF.minusDays(80), 99.5)),
                List.of());
        assertRow(OutreachAction.NONE, TreatmentReason.NO_OPEN_INVOICE, treatment);
    }

    @Test
    void paymentsAndInvoicesAfterAsOfAreNotSeen() {
        Invoice late = invoice("I1", AS_OF.minusDays(5));
        assertRow(OutreachAction.PAYMENT_PLAN_OFFER, TreatmentReason.LATE_HIGH_RISK, treat(RiskTier.HIGH,
                List.of(late), List.of(payment("I1", AS_OF.plusDays(1), 100)), List.of()));
        Invoice future = new Invoice("I2", "C1", AS_OF.plusDays(1), AS_OF.plusDays(2), 50, "USD", false);
        assertRow(OutreachAction.NONE, TreatmentReason.NO_OPEN_INVOICE,
                treat(RiskTier.HIGH, List.of(future), List.of(), List.of()));
    }

    @Test
    void highRiskGetsAReminderAFewDaysBeforeTheDueDate() {
        assertRow(OutreachAction.NONE, TreatmentReason.NOT_DUE_YET, treat(RiskTier.HIGH, -4));
        assertRow(OutreachAction.REMINDER, TreatmentReason.DUE_SOON_HIGH_RISK, treat(RiskTier.HIGH, -3));
        assertRow(OutreachAction.REMINDER, TreatmentReason.DUE_SOON_HIGH_RISK, treat(RiskTier.HIGH, 0));
    }

    @Test
    void highRiskGetsAPaymentPlanOfferOnceLate() {
        assertRow(OutreachAction.PAYMENT_PLAN_OFFER, TreatmentReason.LATE_HIGH_RISK, treat(RiskTier.HIGH, 1));
        assertRow(OutreachAction.PAYMENT_PLAN_OFFER, TreatmentReason.LATE_HIGH_RISK, treat(RiskTier.HIGH, 59));
    }

    @Test
    void mediumRiskGetsAReminderAroundTheDueDate() {
        assertRow(OutreachAction.NONE, TreatmentReason.NOT_DUE_YET, treat(RiskTier.MEDIUM, -2));
        assertRow(OutreachAction.REMINDER, TreatmentReason.DUE_MEDIUM_RISK, treat(RiskTier.MEDIUM, -1));
        assertRow(OutreachAction.REMINDER, TreatmentReason.DUE_MEDIUM_RISK, treat(RiskTier.MEDIUM, 0));
        assertRow(OutreachAction.REMINDER, TreatmentReason.DUE_MEDIUM_RISK, treat(RiskTier.MEDIUM, 20));
    }

    @Test
    void lowRiskGetsNothingUntilTheGracePeriodHasPassed() {
        assertRow(OutreachAction.NONE, TreatmentReason.NOT_DUE_YET, treat(RiskTier.LOW, -1));
        assertRow(OutreachAction.NONE, TreatmentReason.NOT_DUE_YET, treat(RiskTier.LOW, 0));
        assertRow(OutreachAction.NONE, TreatmentReason.WITHIN_GRACE_PERIOD, treat(RiskTier.LOW, 1));
        assertRow(OutreachAction.NONE, TreatmentReason.WITHIN_GRACE_PERIOD, treat(RiskTier.LOW, 10));
        assertRow(OutreachAction.REMINDER, TreatmentReason.PAST_GRACE_LOW_RISK, treat(RiskTier.LOW, 11));
    }

    @Test
    void longOverdueGetsAnAgentCallAtEveryTier() {
        for (RiskTier tier : RiskTier.values()) {
            assertRow(OutreachAction.AGENT_CALL, TreatmentReason.LONG_OVERDUE, treat(tier, 60));
            assertRow(OutreachAction.AGENT_CALL, TreatmentReason.LONG_OVERDUE, treat(tier, 200));
        }
    }

    @Test
    void disputedInvoiceGetsAnAgentInsteadOfDunning() {
        Treatment treatment = treat(RiskTier.HIGH, List.of(disputedInvoice("I1", AS_OF.minusDays(5))), List.of(),
                List.of());
        assertRow(OutreachAction.AGENT_CALL, TreatmentReason.DISPUTED_INVOICE, treatment);
        assertTrue(treatment.explanation().contains("instead of payment_plan_offer"), treatment.explanation());
    }

    @Test
    void disputedInvoiceWithinTheLowRiskGracePeriodStillGetsNothing() {
        assertRow(OutreachAction.NONE, TreatmentReason.WITHIN_GRACE_PERIOD, treat(RiskTier.LOW,
                List.of(disputedInvoice("I1", AS_OF.minusDays(5))), List.of(), List.of()));
    }

    @Test
    void strongestActionOverAllOpenInvoicesWins() {
        Treatment treatment = treat(RiskTier.HIGH, List.of(invoice("I1", AS_OF.plusDays(2)),
                invoice("I2", AS_OF.minusDays(70)), invoice("I3", AS_OF.minusDays(4))), List.of(), List.of());
        assertRow(OutreachAction.AGENT_CALL, TreatmentReason.LONG_OVERDUE, treatment);
        assertEquals("I2", treatment.invoiceId());
        assertEquals(70L, treatment.daysFromDue());
    }

    @Test
    void withoutActionTheMostAdvancedInvoiceExplains() {
        Treatment treatment = treat(RiskTier.LOW, List.of(invoice("I1", AS_OF.plusDays(20)),
                invoice("I2", AS_OF.minusDays(3))), List.of(), List.of());
        assertRow(OutreachAction.NONE, TreatmentReason.WITHIN_GRACE_PERIOD, treatment);
        assertEquals("I2", treatment.invoiceId());
    }

    @Test
    void reminderIsNotRepeatedWithinAWeekOfAnyContact() {
        List<Invoice> dueSoon = List.of(invoice("I1", AS_OF.plusDays(2)));
        Contact twoDaysAgo = contact(DECISION.minus(Duration.ofDays(2)), Channel.EMAIL, ContactOutcome.NO_RESPONSE);
        Contact eightDaysAgo = contact(DECISION.minus(Duration.ofDays(8)), Channel.EMAIL, ContactOutcome.NO_RESPONSE);
        assertRow(OutreachAction.NONE, TreatmentReason.RECENTLY_CONTACTED,
                treat(RiskTier.HIGH, dueSoon, List.of(), List.of(twoDaysAgo)));
        assertRow(OutreachAction.REMINDER, TreatmentReason.DUE_SOON_HIGH_RISK,
                treat(RiskTier.HIGH, dueSoon, List.of(), List.of(eightDaysAgo)));
    }

    @Test
    void contactsAfterTheDecisionTimeDoNotHoldBackAReminder() {
        Contact later = contact(DECISION.plus(Duration.ofHours(1)), Channel.SMS, ContactOutcome.NO_RESPONSE);
        assertRow(OutreachAction.REMINDER, TreatmentReason.DUE_SOON_HIGH_RISK,
                treat(RiskTier.HIGH, List.of(invoice("I1", AS_OF.plusDays(2))), List.of(), List.of(later)));
    }

    @Test
    void paymentPlanOfferWaitsThreeDaysAfterAContact() {
        List<Invoice> late = List.of(invoice("I1", AS_OF.minusDays(5)));
        assertRow(OutreachAction.NONE, TreatmentReason.RECENTLY_CONTACTED, treat(RiskTier.HIGH, late, List.of(),
                List.of(contact(DECISION.minus(Duration.ofDays(2)), Channel.SMS, ContactOutcome.NO_RESPONSE))));
        assertRow(OutreachAction.PAYMENT_PLAN_OFFER, TreatmentReason.LATE_HIGH_RISK, treat(RiskTier.HIGH, late,
                List.of(), List.of(contact(DECISION.minus(Duration.ofDays(4)), Channel.SMS,
                        ContactOutcome.NO_RESPONSE))));
    }

    @Test
    void agentCallIsNotHeldBackByRecentContacts() {
        assertRow(OutreachAction.AGENT_CALL, TreatmentReason.LONG_OVERDUE, treat(RiskTier.MEDIUM,
                List.of(invoice("I1", AS_OF.minusDays(65))), List.of(),
                List.of(contact(DECISION.minus(Duration.ofHours(5)), Channel.EMAIL, ContactOutcome.NO_RESPONSE))));
    }

    @Test
    void describesDaysFromDueInWords() {
        assertEquals("due in 3 days", TreatmentPolicy.describe(-3));
        assertEquals("due tomorrow", TreatmentPolicy.describe(-1));
        assertEquals("due today", TreatmentPolicy.describe(0));
        assertEquals("1 day past due", TreatmentPolicy.describe(1));
        assertEquals("12 days past due", TreatmentPolicy.describe(12));
    }

    @Test
    void rejectsALongOverdueThresholdInsideTheGracePeriod() {
        assertThrows(IllegalArgumentException.class, () -> new TreatmentPolicy(3, 1, 30, 20, 7, 3));
        assertThrows(IllegalArgumentException.class, () -> new TreatmentPolicy(-1, 1, 10, 60, 7, 3));
    }

    @Test
    void rowActionIsTheActionOfTheRowForEveryStateTierAndPolicy() {
        SplittableRandom random = new SplittableRandom(11L);
        for (int p = 0; p < 60; p++) {
            int grace = random.nextInt(0, 20);
            TreatmentPolicy policy = p == 0 ? TreatmentPolicy.defaults() : new TreatmentPolicy(random.nextInt(0, 10),
                    random.nextInt(0, 10), grace, grace + 2 + random.nextInt(0, 80), random.nextInt(0, 10),
                    random.nextInt(0, 10));
            for (boolean disputed : new boolean[] {false, true}) {
                Invoice invoice = new Invoice("I1", "C1", AS_OF.minusDays(30), AS_OF, 50, "USD", disputed);
                for (RiskTier tier : RiskTier.values()) {
                    for (long days = -120; days <= 200; days++) {
                        assertEquals(policy.row(invoice, days, tier).action(), policy.rowAction(invoice, days, tier),
                                "days " + days + ", tier " + tier + ", disputed " + disputed + ", " + policy);
                    }
                }
            }
        }
    }
}

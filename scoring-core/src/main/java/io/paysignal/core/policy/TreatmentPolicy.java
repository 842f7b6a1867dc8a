package io.paysignal.core.policy;

import io.paysignal.core.definition.InvoiceLedger;
import io.paysignal.core.history.Contact;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.history.Invoice;
import io.paysignal.core.history.Payment;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The treatment table: from the risk tier and where each open invoice stands, the action the business
 * wants. Per open invoice, with {@code d = asOf - due_date} in days (negative before the due date):
 *
 * <table>
 *   <caption>Treatment table</caption>
 *   <tr><th>invoice state</th><th>low</th><th>medium</th><th>high</th></tr>
 *   <tr><td>{@code d >= longOverdueDays}</td><td>agent_call</td><td>agent_call</td><td>agent_call</td></tr>
 *   <tr><td>{@code 1 <= d < longOverdueDays}</td><td>reminder if {@code d > lowRiskGraceDays}, else none</td>
 *       <td>reminder</td><td>payment_plan_offer</td></tr>
 *   <tr><td>{@code -highRiskReminderLeadDays <= d <= 0}</td><td>none</td>
 *       <td>reminder if {@code d >= -mediumRiskReminderLeadDays}, else none</td><td>reminder</td></tr>
 *   <tr><td>earlier</td><td>none</td><td>none</td><td>none</td></tr>
 * </table>
 *
 * A disputed invoice whose row is not none gets an agent call instead (no dunning of disputes). The customer
 * gets the strongest action over its open invoices. A reminder (payment-plan offer) is held back while the
 * customer had any contact in the last {@code reminderRepeatDays} ({@code offerRepeatDays}) days.
 *
 * <p>Point in time: invoices issued after {@code asOf} and payments dated after it are not seen; contacts
 * count only when made before the decision time given.
 *
 * @param highRiskReminderLeadDays high tier: a reminder starts this many days before the due date (default 3)
 * @param mediumRiskReminderLeadDays medium tier: a reminder starts this many days before the due date (default 1)
 * @param lowRiskGraceDays low tier: no outreach until an invoice is more than this many days late (default 10)
 * @param longOverdueDays any tier: an agent calls once an invoice is this many days late (default 60)
 * @param reminderRepeatDays no reminder while the customer had a contact in this many days (default 7; 0: off)
 * @param offerRepeatDays no payment-plan offer while the customer had a contact in this many days (default 3; 0: off)
 */
public record TreatmentPolicy(
        int highRiskReminderLeadDays,
        int mediumRiskReminderLeadDays,
        int lowRiskGraceDays,
        int longOverdueDays,
        int reminderRepeatDays,
        int offerRepeatDays) implements Serializable {

    public TreatmentPolicy {
        if (highRiskReminderLeadDays < 0 || mediumRiskReminderLeadDays < 0 || lowRiskGraceDays < 0
                || reminderRepeatDays < 0 || offerRepeatDays < 0) {
            throw new IllegalArgumentException("treatment day counts must not be negative");
        }
        if (longOverdueDays <= lowRiskGraceDays + 1) {
            throw new IllegalArgumentException("longOverdueDays (" + longOverdueDays
                    + ") must leave room after the low-risk grace period (" + lowRiskGraceDays + ")");
        }
    }

    /** The documented defaults: lead 3 (high) and 1 (medium) days, grace 10, long overdue 60, repeat 7 and 3. */
    public static TreatmentPolicy defaults() {
        return new TreatmentPolicy(3, 1, 10, 60, 7, 3);
    }

    /**
     * The action wanted for one customer.
     *
     * @param history the customer's history (invoices, payments and contacts in any time range)
     * @param asOf the decision date: invoices issued and payments dated on or before it are seen
     * @param tier the customer's risk tier as of {@code asOf}
     * @param decisionTime contacts made before this instant count for the repeat rule
     */
    public Treatment treat(CustomerHistory history, LocalDate asOf, RiskTier tier, Instant decisionTime) {
        if (history == null || asOf == null || tier == null || decisionTime == null) {
            throw new IllegalArgumentException("history, asOf, tier and decisionTime are required");
        }
        Map<String, List<Payment>> payments = history.paymentsByInvoice();
        // The strongest row is chosen on (action, days from due, invoice id) alone, so its text is written only
        // for the chosen invoice: rowAction is row(...).action() without the text (TreatmentPolicyTest compares
        // them), and the comparison is isBetter's on the same three values.
        Invoice strongest = null;
        OutreachAction strongestAction = null;
        long strongestDays = 0;
        Invoice mostAdvanced = null;
        long mostAdvancedDays = Long.MIN_VALUE;
        for (Invoice invoice : history.invoices()) {
            if (invoice.issueDate().isAfter(asOf)) {
                continue;
            }
            InvoiceLedger ledger = new InvoiceLedger(invoice, payments.getOrDefault(invoice.invoiceId(), List.of()));
            if (ledger.isSettledOn(asOf)) {
                continue;
            }
            long daysFromDue = ChronoUnit.DAYS.between(invoice.dueDate(), asOf);
            if (daysFromDue > mostAdvancedDays
                    || (daysFromDue == mostAdvancedDays && invoice.invoiceId().compareTo(mostAdvanced.invoiceId()) < 0)) {
                mostAdvanced = invoice;
                mostAdvancedDays = daysFromDue;
            }
            OutreachAction action = rowAction(invoice, daysFromDue, tier);
            if (action != OutreachAction.NONE && (strongest == null || isBetter(action, daysFromDue,
                    invoice.invoiceId(), strongestAction, strongestDays, strongest.invoiceId()))) {
                strongest = invoice;
                strongestAction = action;
                strongestDays = daysFromDue;
            }
        }
        if (strongest == null) {
            if (mostAdvanced == null) {
                return new Treatment(OutreachAction.NONE, TreatmentReason.NO_OPEN_INVOICE, null, null,
                        "no open invoice as of " + asOf);
            }
            return row(mostAdvanced, mostAdvancedDays, tier);
        }
        return holdBackRepeat(row(strongest, strongestDays, tier), history.contacts(), decisionTime);
    }

    /** The action of {@link #row}, without writing its explanation. */
    OutreachAction rowAction(Invoice invoice, long daysFromDue, RiskTier tier) {
        OutreachAction plain;
        if (daysFromDue >= longOverdueDays) {
            plain = OutreachAction.AGENT_CALL;
        } else {
            plain = switch (tier) {
                case HIGH -> daysFromDue >= 1 ? OutreachAction.PAYMENT_PLAN_OFFER
                        : daysFromDue >= -highRiskReminderLeadDays ? OutreachAction.REMINDER : OutreachAction.NONE;
                case MEDIUM -> daysFromDue >= -mediumRiskReminderLeadDays ? OutreachAction.REMINDER
                        : OutreachAction.NONE;
                case LOW -> daysFromDue > lowRiskGraceDays ? OutreachAction.REMINDER : OutreachAction.NONE;
            };
        }
        return invoice.disputed() && plain != OutreachAction.NONE ? OutreachAction.AGENT_CALL : plain;
    }

    /** The treatment-table row for one open invoice. */
    Treatment row(Invoice invoice, long daysFromDue, RiskTier tier) {
        String id = invoice.invoiceId();
        String state = "invoice " + id + " is " + describe(daysFromDue);
        Treatment plain;
        if (daysFromDue >= longOverdueDays) {
            plain = new Treatment(OutreachAction.AGENT_CALL, TreatmentReason.LONG_OVERDUE, id, daysFromDue,
                    state + " (long overdue from " + longOverdueDays + " days): an agent calls");
        } else {
            plain = switch (tier) {
                case HIGH -> highRiskRow(id, daysFromDue, state);
                case MEDIUM -> daysFromDue >= -mediumRiskReminderLeadDays
                        ? new Treatment(OutreachAction.REMINDER, TreatmentReason.DUE_MEDIUM_RISK, id, daysFromDue,
                                "medium risk and " + state + ": a reminder")
                        : notDueYet(id, daysFromDue, state);
                case LOW -> lowRiskRow(id, daysFromDue, state);
            };
        }
        if (invoice.disputed() && plain.action() != OutreachAction.NONE) {
            return new Treatment(OutreachAction.AGENT_CALL, TreatmentReason.DISPUTED_INVOICE, id, daysFromDue,
                    state + " and disputed: an agent resolves the dispute instead of "
                            + plain.action().wireName());
        }
        return plain;
    }

    private Treatment highRiskRow(String id, long daysFromDue, String state) {
        if (daysFromDue >= 1) {
            return new Treatment(OutreachAction.PAYMENT_PLAN_OFFER, TreatmentReason.LATE_HIGH_RISK, id, daysFromDue,
                    "high risk and " + state + ": offer a payment plan");
        }
        if (daysFromDue >= -highRiskReminderLeadDays) {
            return new Treatment(OutreachAction.REMINDER, TreatmentReason.DUE_SOON_HIGH_RISK, id, daysFromDue,
                    "high risk and " + state + ": a friendly reminder before the due date");
        }
        return notDueYet(id, daysFromDue, state);
    }

    private Treatment lowRiskRow(String id, long daysFromDue, String state) {
        if (daysFromDue > lowRiskGraceDays) {
            return new Treatment(OutreachAction.REMINDER, TreatmentReason.PAST_GRACE_LOW_RISK, id, daysFromDue,
                    "low risk but " + state + ", beyond the " + lowRiskGraceDays + "-day grace period: a reminder");
        }
        if (daysFromDue >= 1) {
            return new Treatment(OutreachAction.NONE, TreatmentReason.WITHIN_GRACE_PERIOD, id, daysFromDue,
                    "low risk and " + state + ", within the " + lowRiskGraceDays + "-day grace period: no outreach");
        }
        return notDueYet(id, daysFromDue, state);
    }

    private static Treatment notDueYet(String id, long daysFromDue, String state) {
        return new Treatment(OutreachAction.NONE, TreatmentReason.NOT_DUE_YET, id, daysFromDue,
                state + ": too early for outreach at this risk tier");
    }

    private Treatment holdBackRepeat(Treatment wanted, List<Contact> contacts, Instant decisionTime) {
        int repeatDays = switch (wanted.action()) {
            case REMINDER -> reminderRepeatDays;
            case PAYMENT_PLAN_OFFER -> offerRepeatDays;
            case NONE, AGENT_CALL -> 0;
        };
        if (repeatDays == 0) {
            return wanted;
        }
        Instant since = decisionTime.minus(Duration.ofDays(repeatDays));
        Contact latest = null;
        for (Contact contact : contacts) {
            if (contact.contactTime().isBefore(decisionTime) && contact.contactTime().isAfter(since)) {
                latest = contact;
            }
        }
        if (latest == null) {
            return wanted;
        }
        return new Treatment(OutreachAction.NONE, TreatmentReason.RECENTLY_CONTACTED, wanted.invoiceId(),
                wanted.daysFromDue(), wanted.explanation() + "; held back: last contact (" + latest.channel().wireName()
                        + " at " + latest.contactTime() + ") is within " + repeatDays + " days");
    }

    /** Stronger action first; between equals, the more overdue invoice, then the smaller id. */
    private static boolean isBetter(OutreachAction action, long daysFromDue, String invoiceId,
                                    OutreachAction incumbentAction, long incumbentDays, String incumbentInvoiceId) {
        if (action != incumbentAction) {
            return action.isStrongerThan(incumbentAction);
        }
        int byDays = Long.compare(daysFromDue, incumbentDays);
        return byDays > 0 || (byDays == 0 && invoiceId.compareTo(incumbentInvoiceId) < 0);
    }

    /** "due in 3 days", "due tomorrow", "due today", "1 day past due", "12 days past due". */
    static String describe(long daysFromDue) {
        if (daysFromDue < -1) {
            return "due in " + -daysFromDue + " days";
        }
        if (daysFromDue == -1) {
            return "due tomorrow";
        }
        if (daysFromDue == 0) {
            return "due today";
        }
        return daysFromDue + (daysFromDue == 1 ? " day" : " days") + " past due";
    }
}

package io.paysignal.core.policy;

import java.io.Serializable;

/**
 * What the treatment policy wants for one customer, before the contact rules and the channel search.
 *
 * @param action the action wanted
 * @param reason the treatment-table row that chose it
 * @param invoiceId the invoice that drove the choice, or null when none did
 * @param daysFromDue that invoice's as-of date minus its due date (negative: not yet due), or null
 * @param explanation one short sentence on why
 */
public record Treatment(OutreachAction action, TreatmentReason reason, String invoiceId, Long daysFromDue,
                        String explanation) implements Serializable {

    public Treatment {
        if (action == null || reason == null) {
            throw new IllegalArgumentException("action and reason are required");
        }
        if (explanation == null || explanation.isBlank()) {
            throw new IllegalArgumentException("explanation must not be blank");
        }
        if ((invoiceId == null) != (daysFromDue == null)) {
            throw new IllegalArgumentException("invoiceId and daysFromDue are given together or not at all");
        }
    }
}

package io.paysignal.pipeline.generate;

import io.paysignal.core.definition.SettlementTolerance;

/**
 * An invoice while it is not settled, with the hidden facts that steer how it gets paid. Mutable: the
 * simulation records payments on it; {@link #copy()} gives truth re-simulations their own instance.
 */
final class OpenInvoice {

    final String invoiceId;
    final int issueDay;
    final int dueDay;
    final long amountCents;
    final boolean disputed;
    /** Extra days of delay while the dispute is being resolved. */
    final double disputeDelay;
    /** True when, after a partial payment of the undisputed part, the rest is never paid. */
    final boolean remainderWrittenOff;

    long paidCents;
    /** No further payment before this day (the customer just paid part of it). */
    int cooldownUntil;
    /** True once the customer has stopped paying this invoice for good. */
    boolean frozen;

    OpenInvoice(String invoiceId, int issueDay, int dueDay, long amountCents, boolean disputed,
                double disputeDelay, boolean remainderWrittenOff) {
        this.invoiceId = invoiceId;
        this.issueDay = issueDay;
        this.dueDay = dueDay;
        this.amountCents = amountCents;
        this.disputed = disputed;
        this.disputeDelay = disputeDelay;
        this.remainderWrittenOff = remainderWrittenOff;
    }

    OpenInvoice copy() {
        OpenInvoice copy = new OpenInvoice(invoiceId, issueDay, dueDay, amountCents, disputed, disputeDelay,
                remainderWrittenOff);
        copy.paidCents = paidCents;
        copy.cooldownUntil = cooldownUntil;
        copy.frozen = frozen;
        return copy;
    }

    long balanceCents() {
        return amountCents - paidCents;
    }

    /** The contract's settlement rule, applied to the amounts exactly as they are written. */
    boolean isSettled() {
        return SettlementTolerance.isSettled(amountCents / 100.0, balanceCents() / 100.0);
    }

    /** Days past due on {@code day} while open (the contract's DPD), never negative. */
    int daysPastDue(int day) {
        return Math.max(0, day - dueDay);
    }

    /** The largest shortfall (in cents) a payment may leave and still settle this invoice. */
    long toleranceCents() {
        return (long) Math.floor(SettlementTolerance.of(amountCents / 100.0) * 100);
    }
}

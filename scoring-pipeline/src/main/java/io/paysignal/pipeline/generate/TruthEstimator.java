package io.paysignal.pipeline.generate;

import io.paysignal.core.definition.DelinquencyLabel;
import io.paysignal.core.history.Channel;
import io.paysignal.core.history.ContactOutcome;
import io.paysignal.core.history.Customer;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.history.Invoice;
import io.paysignal.core.history.Payment;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The true probability of the contract's delinquency label given the complete latent state at an as-of
 * date: re-simulates the next H days from a copy of the state {@code samples} times, each with a stream
 * derived from (seed, customer, as-of, sample), and averages the labels. The main history's streams are
 * never touched, so computing the truth does not change the generated tables.
 *
 * <p>Each sample's label is decided by {@link DelinquencyLabel} on the invoices open at the as-of date
 * (with what was already paid on them) plus those issued after it. Settled invoices cannot count, since
 * a settled invoice stays settled. A sample stops early on the first day an invoice reaches D days past
 * due unsettled, which leaves the label unchanged (later payments cannot settle it on that day), and as
 * soon as no open or future invoice can still reach D days past due within the horizon.
 */
final class TruthEstimator {

    private final long seed;
    private final DelinquencyLabel label;
    private final int samples;

    TruthEstimator(long seed, DelinquencyLabel label, int samples) {
        if (samples < 1) {
            throw new IllegalArgumentException("need at least one Monte Carlo sample, got " + samples);
        }
        this.seed = seed;
        this.label = label;
        this.samples = samples;
    }

    int samples() {
        return samples;
    }

    /** How many of the samples ended with label 1, for the state {@code atAsOf} taken at the end of {@code asOfDay}. */
    int delinquentSamples(CustomerSimulation atAsOf, int asOfDay) {
        if (atAsOf.profile().reliable()) {
            // A reliable customer pays every invoice by its due date in every run (CustomerSimulation forces
            // payment on the due day), so no sample can be delinquent: skip the re-simulations.
            return 0;
        }
        int delinquent = 0;
        for (int sample = 0; sample < samples; sample++) {
            SplittableRandom random = RandomStreams.derive(seed, atAsOf.profile().index(), RandomStreams.TRUTH,
                    asOfDay, sample);
            if (sampleLabel(atAsOf.copy(), asOfDay, random)) {
                delinquent++;
            }
        }
        return delinquent;
    }

    private boolean sampleLabel(CustomerSimulation simulation, int asOfDay, SplittableRandom random) {
        CustomerProfile profile = simulation.profile();
        LabelInputs inputs = new LabelInputs(profile);
        for (OpenInvoice invoice : simulation.openInvoices()) {
            inputs.invoiceIssued(invoice);
            if (invoice.paidCents > 0) {
                inputs.payments.add(new Payment(null, invoice.invoiceId, LocalDate.ofEpochDay(asOfDay),
                        invoice.paidCents / 100.0));
            }
        }
        int horizonEnd = asOfDay + label.horizonDays();
        // Only invoices due by this day can reach D days past due within the horizon.
        int lastCountingDue = horizonEnd - label.dpdThreshold();
        int lastCountingIssue = lastCountingDue - profile.termsDays();
        boolean stoppedEarly = false;
        for (int day = asOfDay + 1; day <= horizonEnd; day++) {
            simulation.step(day, random, inputs);
            int state = labelState(simulation, day, lastCountingDue);
            if (state == DELINQUENT) {
                stoppedEarly = true;
                break;
            }
            if (state == NOTHING_OPEN_COUNTS && day >= lastCountingIssue) {
                // Every invoice that could count is settled and none that could count is still to come.
                break;
            }
        }
        CustomerHistory history = new CustomerHistory(Customer.withDefaults(profile.customerId()),
                inputs.invoices, inputs.payments, List.of());
        boolean delinquent = label.isDelinquent(history, LocalDate.ofEpochDay(asOfDay));
        if (delinquent != stoppedEarly) {
            // The simulation's own settlement bookkeeping must agree with the contract's definition.
            throw new IllegalStateException("label disagreement for " + profile.customerId() + " as of "
                    + LocalDate.ofEpochDay(asOfDay) + ": contract label " + delinquent + ", simulation " + stoppedEarly);
        }
        return delinquent;
    }

    private static final int DELINQUENT = 2;
    private static final int OPEN_INVOICE_COUNTS = 1;
    private static final int NOTHING_OPEN_COUNTS = 0;

    /** Whether an open invoice reaches D days past due today, else whether any open invoice still could. */
    private int labelState(CustomerSimulation simulation, int day, int lastCountingDue) {
        int state = NOTHING_OPEN_COUNTS;
        for (OpenInvoice invoice : simulation.openInvoices()) {
            if (invoice.dueDay + label.dpdThreshold() == day) {
                return DELINQUENT;
            }
            if (invoice.dueDay + label.dpdThreshold() > day && invoice.dueDay <= lastCountingDue) {
                state = OPEN_INVOICE_COUNTS;
            }
        }
        return state;
    }

    /** Collects the records the label needs from a re-simulation. */
    private static final class LabelInputs implements SimulationSink {
        private final CustomerProfile profile;
        private final List<Invoice> invoices = new ArrayList<>();
        private final List<Payment> payments = new ArrayList<>();

        LabelInputs(CustomerProfile profile) {
            this.profile = profile;
        }

        @Override
        public void invoiceIssued(OpenInvoice invoice) {
            invoices.add(new Invoice(invoice.invoiceId, profile.customerId(),
                    LocalDate.ofEpochDay(invoice.issueDay), LocalDate.ofEpochDay(invoice.dueDay),
                    invoice.amountCents / 100.0, profile.region().currency(), invoice.disputed));
        }

        @Override
        public void paymentMade(OpenInvoice invoice, int day, long cents, int paymentNumber) {
            payments.add(new Payment(null, invoice.invoiceId, LocalDate.ofEpochDay(day), cents / 100.0));
        }

        @Override
        public void contactMade(int contactNumber, long epochSecond, ZoneOffset offset, Channel channel,
                                ContactOutcome outcome) {
            // Contacts change behaviour inside the simulation; the label itself does not read them.
        }
    }
}

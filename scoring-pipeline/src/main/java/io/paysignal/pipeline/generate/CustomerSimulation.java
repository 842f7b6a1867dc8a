package io.paysignal.pipeline.generate;

import io.paysignal.core.history.Channel;
import io.paysignal.core.history.ContactOutcome;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One customer's day-by-day life: invoicing, payments, financial stress and the legacy policy's outreach.
 * The object is the customer's complete latent state; {@link #copy()} snapshots it so that truth
 * re-simulations can continue the same state with their own random streams.
 *
 * <p>Payment model. Each open invoice is paid on a given day with probability
 * {@code maxDaily(stress) * logistic((daysAfterDue - offset) / spread)}, where
 * {@code offset = habit + season + stressDelay(stress) + disputeDelay}: payments cluster around the
 * customer's habitual lateness, drift later as a stress episode builds up, slow down in summer and at year
 * end, and slow down on weekends for businesses. Under stress, and for disputed invoices, a payment is often
 * partial. A contact that reaches the customer raises the daily probability for overdue invoices for
 * {@value #CONTACT_EFFECT_DAYS} days; a promise to pay is kept with a probability that falls with stress.
 * Reliable customers never have stress or disputes and always pay by the due date.
 */
final class CustomerSimulation {

    /** Days of extra delay at stress 1, scaled by stress^1.5 (mild stress shows as a small drift first). */
    static final double STRESS_DELAY_AT_FULL = 55;
    /** Daily probability that a stress episode ends (mean length 140 days). */
    static final double EPISODE_END_PER_DAY = 1 / 140.0;
    /** Daily decay of stress once the episode is over. */
    static final double STRESS_RECOVERY_PER_DAY = 0.98;
    /** Highest daily payment probability of a non-reliable customer without stress. */
    static final double MAX_DAILY_PAYMENT = 0.8;
    /** No new invoices while an undisputed invoice is this many days past due. */
    static final int CREDIT_HOLD_DPD = 60;
    /** How long a contact that reached the customer speeds up payment. */
    static final int CONTACT_EFFECT_DAYS = 10;
    static final double CONTACT_PAYMENT_BOOST = 1.7;
    /** Share of reached contacts that end in a promise to pay, by channel ordinal (email, sms, phone, letter). */
    static final double[] PROMISE_SHARE = {0.20, 0.25, 0.50, 0.30};
    /** Probability of opting out, given the contact did not reach the customer, by channel ordinal. */
    static final double[] OPT_OUT_RATE = {0.004, 0.012, 0.008, 0};

    private static final int NEVER = Integer.MIN_VALUE / 2;

    private final CustomerProfile profile;
    private final SimCalendar calendar;
    private final LegacyOutreachPolicy policy;
    private final String invoicePrefix;

    private double stress;
    private boolean episodeActive;
    private double episodePeak;
    private double rampPerDay;
    private int nextBillingDay;
    private int billingCount;
    private int invoiceCount;
    private int paymentCount;
    private int contactCount;
    private ArrayList<OpenInvoice> open = new ArrayList<>();
    private int promiseDay = NEVER;
    private boolean promiseKept;
    private int contactEffectUntil = NEVER;
    private int optedOutMask;
    private int lastCallDay = NEVER;

    CustomerSimulation(CustomerProfile profile, SimCalendar calendar, LegacyOutreachPolicy policy) {
        this.profile = profile;
        this.calendar = calendar;
        this.policy = policy;
        this.invoicePrefix = "INV-" + profile.customerId().substring(1) + "-";
        this.nextBillingDay = profile.firstBillingDay();
        if (profile.initialStress() > 0) {
            stress = profile.initialStress();
            episodeActive = true;
            episodePeak = Math.min(1, stress + 0.2);
            rampPerDay = 0.005;
        }
    }

    private CustomerSimulation(CustomerSimulation other) {
        this.profile = other.profile;
        this.calendar = other.calendar;
        this.policy = other.policy;
        this.invoicePrefix = other.invoicePrefix;
        this.stress = other.stress;
        this.episodeActive = other.episodeActive;
        this.episodePeak = other.episodePeak;
        this.rampPerDay = other.rampPerDay;
        this.nextBillingDay = other.nextBillingDay;
        this.billingCount = other.billingCount;
        this.invoiceCount = other.invoiceCount;
        this.paymentCount = other.paymentCount;
        this.contactCount = other.contactCount;
        this.open = new ArrayList<>(other.open.size());
        for (OpenInvoice invoice : other.open) {
            this.open.add(invoice.copy());
        }
        this.promiseDay = other.promiseDay;
        this.promiseKept = other.promiseKept;
        this.contactEffectUntil = other.contactEffectUntil;
        this.optedOutMask = other.optedOutMask;
        this.lastCallDay = other.lastCallDay;
    }

    /** An independent copy of the complete state. */
    CustomerSimulation copy() {
        return new CustomerSimulation(this);
    }

    CustomerProfile profile() {
        return profile;
    }

    /** The invoices not settled yet, oldest first. */
    List<OpenInvoice> openInvoices() {
        return Collections.unmodifiableList(open);
    }

    /** Current stress level in [0, 1]. */
    double stress() {
        return stress;
    }

    /** Simulates one day; days before the customer's first active day do nothing. */
    void step(int day, SplittableRandom random, SimulationSink sink) {
        if (day < profile.activeFromDay()) {
            return;
        }
        updateStress(random);
        if (day == nextBillingDay) {
            if (day <= profile.billingEndDay() && !onCreditHold(day)) {
                issueInvoice(day, random, sink);
            }
            advanceBilling(day, random);
        }
        if (promiseDay == day) {
            promiseDay = NEVER;
            if (promiseKept) {
                payOverdueInFull(day, random, sink);
            }
        }
        payInvoices(day, random, sink);
        if (!profile.doNotContact()) {
            reachOut(day, random, sink);
        }
    }

    private void updateStress(SplittableRandom random) {
        if (profile.reliable()) {
            return;
        }
        if (episodeActive) {
            stress = Math.min(episodePeak, stress + rampPerDay);
            if (random.nextDouble() < EPISODE_END_PER_DAY) {
                episodeActive = false;
            }
        } else {
            if (stress > 0) {
                stress *= STRESS_RECOVERY_PER_DAY;
                if (stress < 0.01) {
                    stress = 0;
                }
            }
            if (random.nextDouble() < profile.episodeRatePerDay()) {
                episodeActive = true;
                episodePeak = Math.max(stress, RandomStreams.uniform(random, 0.25, 1.0));
                // A slow build-up: delays drift for several invoices before the customer becomes delinquent.
                rampPerDay = (episodePeak - stress) / RandomStreams.uniform(random, 45, 150);
            }
        }
    }

    private boolean onCreditHold(int day) {
        for (OpenInvoice invoice : open) {
            if (!invoice.disputed && invoice.daysPastDue(day) >= CREDIT_HOLD_DPD) {
                return true;
            }
        }
        return false;
    }

    private void issueInvoice(int day, SplittableRandom random, SimulationSink sink) {
        long cents = Math.max(100, Math.round(profile.amountMedianCents()
                * StrictMath.exp(profile.amountSigma() * RandomStreams.gaussian(random))));
        boolean disputed = random.nextDouble() < profile.disputeRate();
        double disputeDelay = disputed ? RandomStreams.uniform(random, 15, 60) : 0;
        boolean writtenOff = disputed && random.nextDouble() < 0.25;
        invoiceCount++;
        OpenInvoice invoice = new OpenInvoice(invoicePrefix + pad4(invoiceCount), day, day + profile.termsDays(),
                cents, disputed, disputeDelay, writtenOff);
        open.add(invoice);
        sink.invoiceIssued(invoice);
    }

    private void advanceBilling(int day, SplittableRandom random) {
        billingCount++;
        LocalDate first = LocalDate.ofEpochDay(profile.firstBillingDay());
        nextBillingDay = switch (profile.frequency()) {
            case WEEKLY -> profile.firstBillingDay() + 7 * billingCount;
            case MONTHLY -> (int) first.plusMonths(billingCount).toEpochDay();
            case QUARTERLY -> (int) first.plusMonths(3L * billingCount).toEpochDay();
            case IRREGULAR -> day + Math.max(3, (int) Math.round(-25 * StrictMath.log(1 - random.nextDouble())));
        };
    }

    private void payInvoices(int day, SplittableRandom random, SimulationSink sink) {
        if (open.isEmpty()) {
            return;
        }
        boolean weekend = SimCalendar.isWeekend(day);
        boolean contacted = contactEffectUntil >= day;
        double offset = profile.habitOffset();
        double maxDaily = 0.3;
        if (!profile.reliable()) {
            offset += calendar.seasonDelay(day, profile.region().southernHemisphere());
            if (stress > 0) {
                offset += STRESS_DELAY_AT_FULL * stress * Math.sqrt(stress);
            }
            maxDaily = MAX_DAILY_PAYMENT * (1 - 0.7 * stress);
        }
        boolean paid = false;
        for (OpenInvoice invoice : open) {
            if (invoice.frozen || day < invoice.cooldownUntil) {
                continue;
            }
            int daysAfterDue = day - invoice.dueDay;
            double probability;
            if (profile.reliable() && daysAfterDue >= 0) {
                probability = 1;
            } else {
                double invoiceOffset = invoice.disputed ? offset + invoice.disputeDelay : offset;
                probability = maxDaily * LogisticTable.of((daysAfterDue - invoiceOffset) / profile.habitSpread());
                if (weekend) {
                    probability *= profile.weekendPaymentFactor();
                }
                if (contacted && daysAfterDue > 0) {
                    probability = Math.min(0.95, probability * CONTACT_PAYMENT_BOOST);
                }
            }
            if (random.nextDouble() < probability) {
                pay(invoice, day, !profile.reliable(), random, sink);
                paid = true;
            }
        }
        if (paid) {
            open.removeIf(OpenInvoice::isSettled);
        }
    }

    private void pay(OpenInvoice invoice, int day, boolean partialPossible, SplittableRandom random,
                     SimulationSink sink) {
        long balance = invoice.balanceCents();
        double partialShare = 0;
        if (partialPossible) {
            partialShare = 0.02 + (stress > 0 ? 0.5 * StrictMath.pow(stress, 1.2) : 0) + (invoice.disputed ? 0.45 : 0);
        }
        if (balance >= 200 && random.nextDouble() < partialShare) {
            long part = Math.max(1, Math.round(balance * RandomStreams.uniform(random, 0.2, 0.7)));
            record(invoice, day, part, sink);
            invoice.cooldownUntil = day + 5 + random.nextInt(21);
            if (invoice.remainderWrittenOff) {
                invoice.frozen = true;
            }
            return;
        }
        long amount = balance;
        long tolerance = invoice.toleranceCents();
        // A few payments arrive short by a bank fee; the contract's settlement tolerance absorbs it.
        if (tolerance >= 1 && random.nextDouble() < 0.03) {
            amount -= 1 + random.nextInt((int) Math.min(tolerance, Integer.MAX_VALUE));
        }
        record(invoice, day, amount > 0 ? amount : balance, sink);
    }

    private void payOverdueInFull(int day, SplittableRandom random, SimulationSink sink) {
        for (OpenInvoice invoice : open) {
            if (!invoice.frozen && day > invoice.dueDay) {
                record(invoice, day, invoice.balanceCents(), sink);
            }
        }
        open.removeIf(OpenInvoice::isSettled);
    }

    private void record(OpenInvoice invoice, int day, long cents, SimulationSink sink) {
        invoice.paidCents += cents;
        paymentCount++;
        sink.paymentMade(invoice, day, cents, paymentCount);
    }

    private void reachOut(int day, SplittableRandom random, SimulationSink sink) {
        int worst = 0;
        for (OpenInvoice invoice : open) {
            int dpd = invoice.daysPastDue(day);
            if (dpd <= LegacyOutreachPolicy.GIVE_UP_AFTER_DPD && dpd > worst) {
                worst = dpd;
            }
        }
        if (worst == 0) {
            return;
        }
        for (LegacyOutreachPolicy.Planned planned : policy.plan(day, worst, optedOutMask, lastCallDay, random,
                profile.region().zone())) {
            contact(day, planned, random, sink);
        }
    }

    private void contact(int day, LegacyOutreachPolicy.Planned planned, SplittableRandom random, SimulationSink sink) {
        Channel channel = planned.channel();
        long epochSecond = planned.epochSecond();
        ZoneOffset offset = profile.region().zone().getRules().getOffset(Instant.ofEpochSecond(epochSecond));
        long local = epochSecond + offset.getTotalSeconds();
        int localHour = (int) (Math.floorMod(local, 86_400L) / 3600);
        DayOfWeek localDay = DayOfWeek.of(SimCalendar.dayOfWeek((int) Math.floorDiv(local, 86_400L)));
        double reach = ResponseTruth.probability(profile.response(), channel, localHour, localDay);
        double draw = random.nextDouble();
        ContactOutcome outcome;
        if (draw < reach) {
            outcome = random.nextDouble() < PROMISE_SHARE[channel.ordinal()]
                    ? ContactOutcome.PROMISE_TO_PAY : ContactOutcome.REACHED;
        } else if (draw < reach + OPT_OUT_RATE[channel.ordinal()] * (1 - reach)) {
            outcome = ContactOutcome.OPTED_OUT;
        } else {
            outcome = ContactOutcome.NO_RESPONSE;
        }
        if (outcome.reachedCustomer()) {
            contactEffectUntil = day + CONTACT_EFFECT_DAYS;
        }
        if (outcome == ContactOutcome.PROMISE_TO_PAY && promiseDay == NEVER) {
            promiseDay = day + 2 + random.nextInt(8);
            promiseKept = random.nextDouble() < 0.1 + 0.8 * StrictMath.pow(1 - stress, 1.5);
        }
        if (outcome == ContactOutcome.OPTED_OUT) {
            optedOutMask |= 1 << channel.ordinal();
        }
        if (planned.escalation()) {
            lastCallDay = day;
        }
        contactCount++;
        sink.contactMade(contactCount, epochSecond, offset, channel, outcome);
    }

    static String pad4(int number) {
        String digits = Integer.toString(number);
        return digits.length() >= 4 ? digits : "0000".substring(digits.length()) + digits;
    }
}

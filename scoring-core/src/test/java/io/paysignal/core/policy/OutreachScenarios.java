package io.paysignal.core.policy;

import io.paysignal.core.history.Channel;
import io.paysignal.core.history.Contact;
import io.paysignal.core.history.ContactOutcome;
import io.paysignal.core.history.Customer;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.history.Invoice;
import io.paysignal.core.history.Payment;
import io.paysignal.core.response.ResponseModel;
import io.paysignal.core.response.ResponseModelSettings;
import io.paysignal.core.response.ResponseObservation;
import io.paysignal.core.testsupport.SyntheticResponses;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Random outreach situations for the property tests: customers in zones with daylight-saving changes,
 * half-hour and 45-minute offsets and skipped days, decision instants clustered around those changes,
 * contact histories from empty to dense with recent calls, invoices in every state, and random rule settings.
 */
final class OutreachScenarios {

    /** Zones chosen for awkward clocks. */
    static final List<String> ZONES = List.of(
            "America/New_York", "America/Chicago", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham",
            "Europe/London", "Europe/Dublin", "America/Sao_Paulo", "America/Santiago", "Pacific/Apia",
            "Asia/Kathmandu", "America/St_Johns", "Africa/Casablanca", "Pacific/Kiritimati", "Pacific/Pago_Pago",
            "UTC");

    /** Models the planner is tried with: no information, and a fit with customer-level lifts. */
    static final List<ResponseModel> MODELS = List.of(
            ResponseModel.fit(List.of(), ResponseModelSettings.hourOfDayBaseline()),
            ResponseModel.fit(ResponseObservation.aggregate(SyntheticResponses.histories(200, 30, 120, 99),
                    Instant.parse("2030-01-01T00:00:00Z")), ResponseModelSettings.full(3)));

    private OutreachScenarios() {
    }

    /** One decision to make. */
    record Scenario(CustomerHistory history, LocalDate asOf, RiskTier tier, Instant earliest, OutreachConfig config,
                    ResponseModel model) {

        ZoneId zone() {
            return history.customer().timezone();
        }
    }

    /** Knobs of one scenario that jqwik draws (and shrinks); the lists are then drawn from {@code seed}. */
    private record Shape(String zone, boolean nearTransition, long offsetMinutes, RiskTier tier, boolean doNotContact,
                         Channel preferred, int contactCount, long seed) {
    }

    static Arbitrary<Scenario> scenarios() {
        return Combinators.combine(shapes(), configs(), Arbitraries.integers().between(0, MODELS.size() - 1))
                .as((shape, config, model) -> build(shape, config, MODELS.get(model)));
    }

    /** Scenarios whose customer is marked do_not_contact. */
    static Arbitrary<Scenario> doNotContactScenarios() {
        return scenarios().map(s -> new Scenario(withCustomer(s.history(), markDoNotContact(s.history().customer())),
                s.asOf(), s.tier(), s.earliest(), s.config(), s.model()));
    }

    /** Low-tier scenarios where no invoice is past due as of the decision date. */
    static Arbitrary<Scenario> lowTierWithoutOverdue() {
        return scenarios().map(s -> {
            List<Invoice> notOverdue = new ArrayList<>();
            for (Invoice invoice : s.history().invoices()) {
                LocalDate due = invoice.dueDate().isBefore(s.asOf()) ? s.asOf().plusDays(
                        Math.floorMod(invoice.invoiceId().hashCode(), 20)) : invoice.dueDate();
                notOverdue.add(new Invoice(invoice.invoiceId(), invoice.customerId(), due.minusDays(30), due,
                        invoice.amount(), invoice.currency(), invoice.disputed()));
            }
            CustomerHistory history = new CustomerHistory(s.history().customer(), notOverdue,
                    s.history().payments(), s.history().contacts());
            return new Scenario(history, s.asOf(), RiskTier.LOW, s.earliest(), s.config(), s.model());
        });
    }

    private static Arbitrary<Shape> shapes() {
        return Combinators.combine(
                Arbitraries.of(ZONES),
                Arbitraries.of(true, true, true, false),
                Arbitraries.longs().between(-4 * 24 * 60, 4 * 24 * 60),
                Arbitraries.of(RiskTier.class),
                Arbitraries.of(false, false, false, false, false, false, false, false, false, true),
                Arbitraries.of(Channel.class).injectNull(0.3),
                Arbitraries.oneOf(Arbitraries.integers().between(0, 4), Arbitraries.integers().between(5, 45)),
                Arbitraries.longs()).as(Shape::new);
    }

    private static Arbitrary<OutreachConfig> configs() {
        Arbitrary<ContactRules> rules = Combinators.combine(
                Arbitraries.integers().between(0, 12 * 4 - 1),
                Arbitraries.integers().between(4, 15 * 4),
                Arbitraries.integers().between(0, 7),
                Arbitraries.integers().between(1, 7),
                Arbitraries.integers().between(0, 7),
                Arbitraries.integers().between(1, 5),
                Arbitraries.integers().between(1, 7),
                Arbitraries.of(false, true)).as((startQuarter, lengthQuarters, phones, phoneDays, quiet, cap, capDays,
                                                 noSundays) -> {
            LocalTime start = LocalTime.of(0, 0).plusMinutes(15L * startQuarter);
            long endMinute = Math.min(23 * 60 + 59, 15L * (startQuarter + lengthQuarters));
            LocalTime end = LocalTime.of(0, 0).plusMinutes(endMinute);
            return new ContactRules(start, end, phones, phoneDays, quiet, cap, capDays, noSundays, null);
        });
        Arbitrary<ContactRules> rulesOrDefault = Arbitraries.oneOf(Arbitraries.just(ContactRules.defaults()), rules);
        return Combinators.combine(rulesOrDefault,
                Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(1, 10),
                Arbitraries.of(0.5, 0.85, 1.0),
                Arbitraries.of(false, true),
                Arbitraries.of(false, false, true)).as((contactRules, tolerance, horizon, discount, phoneReminders,
                                                        holidays) -> {
            Map<OutreachAction, List<Channel>> channels = new EnumMap<>(OutreachConfig.defaultChannels());
            if (phoneReminders) {
                channels.put(OutreachAction.REMINDER, List.of(Channel.PHONE, Channel.SMS));
            }
            ContactRules withHolidays = holidays ? contactRules.withHolidays(new HolidayCalendar(
                    Set.of(LocalDate.of(2026, 3, 9), LocalDate.of(2026, 11, 2), LocalDate.of(2026, 4, 6),
                            LocalDate.of(2026, 10, 5), LocalDate.of(2026, 9, 28)),
                    Map.of("US", Set.of(LocalDate.of(2026, 3, 10), LocalDate.of(2026, 11, 3))))) : contactRules;
            return new OutreachConfig("property", withHolidays, TreatmentPolicy.defaults(), channels, tolerance,
                    horizon, discount);
        });
    }

    private static Scenario build(Shape shape, OutreachConfig config, ResponseModel model) {
        Random random = new Random(shape.seed());
        ZoneId zone = ZoneId.of(shape.zone());
        Instant anchor = shape.nearTransition() ? transitionNear(zone, random) : randomInstant(random);
        Instant earliest = anchor.plus(Duration.ofMinutes(shape.offsetMinutes())).plusSeconds(random.nextInt(60));
        LocalDate asOf = earliest.atZone(ZoneOffset.UTC).toLocalDate().minusDays(random.nextInt(2));
        Customer customer = new Customer("P1", random.nextBoolean() ? "smb" : "consumer",
                random.nextBoolean() ? "US" : "NZ", zone, shape.preferred(), shape.doNotContact(), null, null);
        List<Contact> contacts = contacts(random, zone, earliest, shape.contactCount());
        List<Invoice> invoices = new ArrayList<>();
        List<Payment> payments = new ArrayList<>();
        int invoiceCount = random.nextDouble() < 0.15 ? 0 : 1 + random.nextInt(4);
        for (int i = 0; i < invoiceCount; i++) {
            // Half around the due date (reminders, first late days), half far past it (offers, agent calls).
            LocalDate due = random.nextBoolean() ? asOf.plusDays(random.nextInt(31) - 15)
                    : asOf.minusDays(random.nextInt(120));
            String id = "INV" + i;
            double amount = 50 + random.nextInt(1000);
            invoices.add(new Invoice(id, "P1", due.minusDays(random.nextInt(45)), due, amount, "USD",
                    random.nextDouble() < 0.15));
            int paymentCount = random.nextDouble() < 0.6 ? 0 : 1 + random.nextInt(2);
            for (int p = 0; p < paymentCount; p++) {
                payments.add(new Payment(null, id, due.plusDays(random.nextInt(80) - 30),
                        random.nextBoolean() ? amount : amount / 3));
            }
        }
        CustomerHistory history = new CustomerHistory(customer, invoices, payments, contacts);
        return new Scenario(history, asOf, shape.tier(), earliest, config, model);
    }

    /** Contacts: clustered in the last days, some on the hour, a few after the decision instant. */
    private static List<Contact> contacts(Random random, ZoneId zone, Instant earliest, int count) {
        List<Contact> contacts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double where = random.nextDouble();
            long maxMinutes = where < 0.5 ? 3 * 24 * 60 : where < 0.8 ? 10 * 24 * 60 : 60 * 24 * 60;
            Instant at = earliest.minus(Duration.ofMinutes(1 + (long) (random.nextDouble() * maxMinutes)));
            if (random.nextDouble() < 0.05) {
                at = earliest.plus(Duration.ofMinutes(random.nextInt(5 * 24 * 60)));
            }
            double placement = random.nextDouble();
            if (placement < 0.3) {
                at = at.atZone(zone).truncatedTo(ChronoUnit.HOURS).toInstant();
            } else if (placement < 0.45) {
                // Just after local midnight: where calendar-day periods outlast elapsed-time ones.
                at = at.atZone(zone).toLocalDate().atStartOfDay(zone).plusMinutes(random.nextInt(60)).toInstant();
            }
            Channel channel = random.nextDouble() < 0.5 ? Channel.PHONE
                    : Channel.values()[random.nextInt(Channel.values().length)];
            double roll = random.nextDouble();
            ContactOutcome outcome = roll < 0.55 ? ContactOutcome.NO_RESPONSE
                    : roll < 0.8 ? ContactOutcome.REACHED
                    : roll < 0.93 ? ContactOutcome.PROMISE_TO_PAY : ContactOutcome.OPTED_OUT;
            contacts.add(new Contact(null, "P1", at, channel, outcome));
        }
        return contacts;
    }

    /** A daylight-saving (or other offset) change of the zone in 2025-2027, or a random instant if none. */
    private static Instant transitionNear(ZoneId zone, Random random) {
        List<Instant> transitions = new ArrayList<>();
        Instant cursor = Instant.parse("2025-01-01T00:00:00Z");
        Set<Instant> seen = new HashSet<>();
        while (true) {
            ZoneOffsetTransition next = zone.getRules().nextTransition(cursor);
            if (next == null || next.getInstant().isAfter(Instant.parse("2028-01-01T00:00:00Z"))
                    || !seen.add(next.getInstant())) {
                break;
            }
            transitions.add(next.getInstant());
            cursor = next.getInstant();
        }
        return transitions.isEmpty() ? randomInstant(random) : transitions.get(random.nextInt(transitions.size()));
    }

    private static Instant randomInstant(Random random) {
        return Instant.parse("2025-01-01T00:00:00Z").plusSeconds((long) (random.nextDouble() * 3 * 365 * 86400));
    }

    private static Customer markDoNotContact(Customer c) {
        return new Customer(c.customerId(), c.segment(), c.country(), c.timezone(), c.preferredChannel(), true,
                c.creditLimit(), c.openedDate());
    }

    private static CustomerHistory withCustomer(CustomerHistory h, Customer customer) {
        return new CustomerHistory(customer, h.invoices(), h.payments(), h.contacts());
    }
}

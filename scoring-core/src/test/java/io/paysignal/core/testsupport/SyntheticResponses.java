package io.paysignal.core.testsupport;

import io.paysignal.core.history.Channel;
import io.paysignal.core.history.Contact;
import io.paysignal.core.history.ContactOutcome;
import io.paysignal.core.history.Customer;
import io.paysignal.core.history.CustomerHistory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic contact histories where every customer has a best local hour of their own: the chance a contact
 * reaches them is {@code channelRate x (0.15 + 0.85 exp(-(h - best)^2 / 4.5))} (a bell of width 1.5 hours),
 * with channel rates differing by segment. Hours are drawn uniformly from 08-20 local, so the population's
 * hour-of-day curve is nearly flat: only a model that learns each customer's own hours can beat it.
 */
public final class SyntheticResponses {

    /** The start of the synthetic period. */
    public static final LocalDate START = LocalDate.of(2026, 1, 5);
    private static final String[] ZONES = {"America/New_York", "Asia/Kolkata", "Australia/Lord_Howe",
        "Europe/Berlin", "Pacific/Chatham"};

    private SyntheticResponses() {
    }

    /**
     * {@code customers} histories of {@code contactsEach} contacts spread over {@code days} days, from a seeded
     * generator (same seed, same data).
     */
    public static List<CustomerHistory> histories(int customers, int contactsEach, int days, long seed) {
        Random random = new Random(seed);
        List<CustomerHistory> histories = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            String id = "S" + i;
            boolean consumer = i % 2 == 0;
            ZoneId zone = ZoneId.of(ZONES[i % ZONES.length]);
            Customer customer = new Customer(id, consumer ? "consumer" : "smb", "US", zone, null, false, null, null);
            int bestHour = 8 + random.nextInt(13);
            double responsiveness = 0.6 + 0.8 * random.nextDouble();
            List<Contact> contacts = new ArrayList<>();
            for (int k = 0; k < contactsEach; k++) {
                Channel channel = Channel.values()[random.nextInt(Channel.values().length)];
                int hour = 8 + random.nextInt(13);
                LocalDate day = START.plusDays(random.nextInt(days));
                Instant at = ZonedDateTime.of(day.atTime(hour, random.nextInt(60)), zone).toInstant();
                double p = Math.min(0.95, responsiveness * channelRate(consumer, channel)
                        * (0.15 + 0.85 * Math.exp(-Math.pow(hour - bestHour, 2) / 4.5)));
                ContactOutcome outcome = random.nextDouble() < p
                        ? (random.nextBoolean() ? ContactOutcome.REACHED : ContactOutcome.PROMISE_TO_PAY)
                        : ContactOutcome.NO_RESPONSE;
                contacts.add(new Contact(null, id, at, channel, outcome));
            }
            histories.add(new CustomerHistory(customer, List.of(), List.of(), contacts));
        }
        return histories;
    }

    /** Consumers answer sms and phone; businesses answer email and letters. */
    private static double channelRate(boolean consumer, Channel channel) {
        return switch (channel) {
            case SMS -> consumer ? 0.6 : 0.25;
            case PHONE -> consumer ? 0.5 : 0.35;
            case EMAIL -> consumer ? 0.2 : 0.55;
            case LETTER -> consumer ? 0.1 : 0.3;
        };
    }
}

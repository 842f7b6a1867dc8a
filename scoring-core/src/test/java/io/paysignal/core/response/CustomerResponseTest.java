package io.paysignal.core.response;

import io.paysignal.core.history.Channel;
import io.paysignal.core.history.Contact;
import io.paysignal.core.history.ContactOutcome;
import io.paysignal.core.history.Customer;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CustomerResponseTest {

    private static final ZoneId ZONE = ZoneId.of("Australia/Lord_Howe");
    private static final Customer CUSTOMER = new Customer("C1", "smb", "AU", ZONE, null, false, null, null);

    /** A population where every cell reaches 20% of customers. */
    private static List<ResponseObservation> population() {
        List<ResponseObservation> cells = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            for (int hour = 0; hour < 24; hour++) {
                for (DayOfWeek day : DayOfWeek.values()) {
                    cells.add(new ResponseObservation("smb", channel, hour, day, 50, 10));
                }
            }
        }
        return cells;
    }

    private static Contact at(String localDateTime, Channel channel, ContactOutcome outcome) {
        return new Contact(null, "C1", LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant(), channel, outcome);
    }

    /** Ten evening calls that reached the customer and ten morning calls that did not. */
    private static List<Contact> eveningPerson() {
        List<Contact> contacts = new ArrayList<>();
        for (int day = 1; day <= 10; day++) {
            contacts.add(at(String.format("2026-03-%02dT19:10", day), Channel.PHONE, ContactOutcome.REACHED));
            contacts.add(at(String.format("2026-03-%02dT09:10", day), Channel.PHONE, ContactOutcome.NO_RESPONSE));
        }
        return contacts;
    }

    @Test
    void withoutOwnContactsTheCustomerGetsThePopulationRate() {
        ResponseModel model = ResponseModel.fit(population(), ResponseModelSettings.full(10));
        CustomerResponse response = model.forCustomer(CUSTOMER, List.of());
        var at = LocalDateTime.parse("2026-03-20T19:00").atZone(ZONE);
        assertEquals(model.populationProbability("smb", Channel.PHONE, 19, at.getDayOfWeek()),
                response.probability(Channel.PHONE, at.toInstant()), 1e-12);
    }

    @Test
    void withoutOwnContactsEveryChannelHourAndDayIsExactlyThePopulationRateOfTheSegment() {
        // Segments answering differently per channel, hour and day, so a list taken for the wrong channel or
        // segment would show.
        List<ResponseObservation> cells = new ArrayList<>();
        String[] segments = {"smb", "consumer"};
        for (int s = 0; s < segments.length; s++) {
            for (Channel channel : Channel.values()) {
                for (int hour = 0; hour < 24; hour++) {
                    for (DayOfWeek day : DayOfWeek.values()) {
                        int reached = 1 + (7 * s + 5 * channel.ordinal() + hour + 3 * day.ordinal()) % 40;
                        cells.add(new ResponseObservation(segments[s], channel, hour, day, 50, reached));
                    }
                }
            }
        }
        ResponseModel model = ResponseModel.fit(cells, ResponseModelSettings.full(10));
        for (String segment : new String[] {"smb", "consumer", "never_seen"}) {
            Customer customer = new Customer("C1", segment, "AU", ZONE, null, false, null, null);
            CustomerResponse response = model.forCustomer(customer, List.of());
            for (int day = 0; day < 7; day++) {
                for (int hour = 0; hour < 24; hour++) {
                    var local = LocalDateTime.of(2026, 3, 16 + day, hour, 30).atZone(ZONE);
                    for (Channel channel : Channel.values()) {
                        assertEquals(model.populationProbability(segment, channel, local.getHour(),
                                local.getDayOfWeek()), response.probability(channel, local),
                                segment + " " + channel + " " + local);
                    }
                }
            }
        }
    }

    @Test
    void aLocalTimeInTheCustomersZoneGivesTheInstantsEstimateAndAnotherZoneIsRefused() {
        CustomerResponse response = ResponseModel.fit(population(), ResponseModelSettings.full(10))
                .forCustomer(CUSTOMER, eveningPerson());
        var at = LocalDateTime.parse("2026-03-20T19:00").atZone(ZONE);

        assertEquals(response.probability(Channel.SMS, at.toInstant()), response.probability(Channel.SMS, at));
        assertThrows(IllegalArgumentException.class, () -> response.probability(Channel.SMS,
                at.withZoneSameInstant(ZoneOffset.UTC)));
    }

    @Test
    void learnsTheCustomersOwnHoursAndNeighbouringHours() {
        ResponseModel model = ResponseModel.fit(population(), ResponseModelSettings.full(10));
        CustomerResponse response = model.forCustomer(CUSTOMER, eveningPerson());
        double evening = response.probability(Channel.PHONE, LocalDateTime.parse("2026-03-20T19:00").atZone(ZONE)
                .toInstant());
        double nextToEvening = response.probability(Channel.PHONE, LocalDateTime.parse("2026-03-20T18:00")
                .atZone(ZONE).toInstant());
        double morning = response.probability(Channel.PHONE, LocalDateTime.parse("2026-03-20T09:00").atZone(ZONE)
                .toInstant());
        // Half of all calls reached this customer (the population: 20%), every one of them in the evening.
        assertTrue(evening > 0.4, "evening " + evening);
        assertTrue(evening > 1.8 * morning, evening + " / " + morning);
        assertTrue(nextToEvening > morning && nextToEvening < evening, "smoothed onto 18:00: " + nextToEvening);
        assertEquals(20, response.evidenceContacts());
        assertEquals(10, response.evidenceReached());
    }

    @Test
    void strongerPriorTrustsTheCustomerLess() {
        var evening = LocalDateTime.parse("2026-03-20T19:00").atZone(ZONE).toInstant();
        double weak = ResponseModel.fit(population(), ResponseModelSettings.full(3))
                .forCustomer(CUSTOMER, eveningPerson()).probability(Channel.PHONE, evening);
        double strong = ResponseModel.fit(population(), ResponseModelSettings.full(100))
                .forCustomer(CUSTOMER, eveningPerson()).probability(Channel.PHONE, evening);
        assertTrue(weak > strong && strong > 0.2, weak + " vs " + strong);
    }

    @Test
    void evidenceOnOneChannelIsNotCountedTwice() {
        // 10 of 20 phone calls reached, against 20% expected; a lift of at most the observed 2.5 overall.
        ResponseModel model = ResponseModel.fit(population(), ResponseModelSettings.full(3));
        CustomerResponse response = model.forCustomer(CUSTOMER, eveningPerson());
        double average = 0;
        for (int hour = 0; hour < 24; hour++) {
            average += response.probability(Channel.PHONE, LocalDateTime.parse("2026-03-20T00:00").plusHours(hour)
                    .atZone(ZONE).toInstant()) / 24;
        }
        assertTrue(average < 0.5, "average phone response over the day " + average);
    }

    @Test
    void modelWithoutCustomerLevelIgnoresTheRecord() {
        ResponseModel model = ResponseModel.fit(population(), new ResponseModelSettings(true, true, true, false, 10));
        CustomerResponse response = model.forCustomer(CUSTOMER, eveningPerson());
        var evening = LocalDateTime.parse("2026-03-20T19:00").atZone(ZONE);
        assertEquals(model.populationProbability("smb", Channel.PHONE, 19, evening.getDayOfWeek()),
                response.probability(Channel.PHONE, evening.toInstant()), 1e-12);
        assertEquals(0, response.evidenceContacts());
    }
}

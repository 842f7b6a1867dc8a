package io.paysignal.core.response;

import io.paysignal.core.history.Channel;
import io.paysignal.core.history.Contact;
import io.paysignal.core.history.ContactOutcome;
import io.paysignal.core.history.Customer;
import io.paysignal.core.history.CustomerHistory;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ResponseObservationTest {

    private static final Customer KOLKATA = new Customer("C1", "consumer", "IN", ZoneId.of("Asia/Kolkata"), null,
            false, null, null);

    @Test
    void contactIsKeyedByTheCustomersLocalHourAndWeekday() {
        // Sunday 2026-03-01 20:45Z is Monday 02:15 in Kolkata (+05:30).
        Contact contact = new Contact(null, "C1", Instant.parse("2026-03-01T20:45:00Z"), Channel.SMS,
                ContactOutcome.PROMISE_TO_PAY);
        ResponseObservation observation = ResponseObservation.of(KOLKATA, contact);
        assertEquals(new ResponseObservation("consumer", Channel.SMS, 2, DayOfWeek.MONDAY, 1, 1), observation);
    }

    @Test
    void optedOutAndNoResponseDoNotCountAsReached() {
        for (ContactOutcome outcome : List.of(ContactOutcome.OPTED_OUT, ContactOutcome.NO_RESPONSE)) {
            Contact contact = new Contact(null, "C1", Instant.parse("2026-03-02T05:00:00Z"), Channel.EMAIL, outcome);
            assertEquals(0, ResponseObservation.of(KOLKATA, contact).reached());
        }
    }

    @Test
    void mergeSumsEqualCells() {
        ResponseObservation a = new ResponseObservation("smb", Channel.PHONE, 9, DayOfWeek.TUESDAY, 3, 1);
        ResponseObservation b = new ResponseObservation("smb", Channel.PHONE, 9, DayOfWeek.TUESDAY, 2, 2);
        ResponseObservation c = new ResponseObservation("smb", Channel.PHONE, 10, DayOfWeek.TUESDAY, 1, 0);
        List<ResponseObservation> merged = ResponseObservation.merge(List.of(a, c, b));
        assertEquals(List.of(new ResponseObservation("smb", Channel.PHONE, 10, DayOfWeek.TUESDAY, 1, 0),
                new ResponseObservation("smb", Channel.PHONE, 9, DayOfWeek.TUESDAY, 5, 3)), merged);
    }

    @Test
    void aggregateCountsOnlyContactsBeforeTheCutoff() {
        Instant cutoff = Instant.parse("2026-03-05T00:00:00Z");
        CustomerHistory history = new CustomerHistory(KOLKATA, List.of(), List.of(), List.of(
                new Contact(null, "C1", Instant.parse("2026-03-02T05:00:00Z"), Channel.EMAIL, ContactOutcome.REACHED),
                new Contact(null, "C1", cutoff, Channel.EMAIL, ContactOutcome.REACHED)));
        List<ResponseObservation> observations = ResponseObservation.aggregate(List.of(history), cutoff);
        assertEquals(1, observations.stream().mapToLong(ResponseObservation::attempts).sum());
    }

    @Test
    void blankSegmentIsUnknownAndCountsMustBeConsistent() {
        assertEquals("unknown", new ResponseObservation(" ", Channel.SMS, 0, DayOfWeek.MONDAY, 1, 0).segment());
        assertThrows(IllegalArgumentException.class,
                () -> new ResponseObservation("smb", Channel.SMS, 24, DayOfWeek.MONDAY, 1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new ResponseObservation("smb", Channel.SMS, 3, DayOfWeek.MONDAY, 1, 2));
    }
}

package io.paysignal.core.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CustomerHistoryTest {

    private static final Customer CUSTOMER =
            new Customer("C1", "smb", "US", ZoneId.of("UTC"), null, false, null, null);

    @Test
    void tiedContactsAreOrderedByChannelOutcomeThenIdWhateverTheInputOrder() {
        Instant time = Instant.parse("2025-03-01T10:00:00Z");
        List<Contact> expected = List.of(
                new Contact("K9", "C1", time.minusSeconds(60), Channel.PHONE, ContactOutcome.REACHED),
                new Contact(null, "C1", time, Channel.EMAIL, ContactOutcome.NO_RESPONSE),
                new Contact("K2", "C1", time, Channel.EMAIL, ContactOutcome.NO_RESPONSE),
                new Contact("K3", "C1", time, Channel.EMAIL, ContactOutcome.NO_RESPONSE),
                new Contact("K1", "C1", time, Channel.EMAIL, ContactOutcome.REACHED),
                new Contact("K0", "C1", time, Channel.SMS, ContactOutcome.NO_RESPONSE));
        Random random = new Random(3);
        for (int round = 0; round < 20; round++) {
            List<Contact> shuffled = new ArrayList<>(expected);
            Collections.shuffle(shuffled, random);
            assertEquals(expected, new CustomerHistory(CUSTOMER, List.of(), List.of(), shuffled).contacts());
        }
    }
}

package io.paysignal.core.replay;

import io.paysignal.core.history.Channel;
import io.paysignal.core.history.ContactOutcome;
import io.paysignal.core.history.CustomerHistory;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static io.paysignal.core.testsupport.HistoryBuilder.history;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HeldOutSplitTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 10, 2);

    @Test
    void knowsWhatAScoreAsOfTSeesAndHoldsOutTheWindowsContacts() {
        CustomerHistory whole = history()
                .invoice("I1", "2025-09-01", "2025-09-30", 100)
                .invoice("I2", "2025-10-05", "2025-11-05", 100)
                .payment("I1", "2025-10-02", 40)
                .payment("I1", "2025-10-03", 60)
                .contact("2025-10-02T23:59:59Z", Channel.EMAIL, ContactOutcome.NO_RESPONSE)
                .contact("2025-10-03T00:00:00Z", Channel.SMS, ContactOutcome.REACHED)
                .contact("2025-11-01T23:59:59Z", Channel.PHONE, ContactOutcome.NO_RESPONSE)
                .contact("2025-11-02T00:00:00Z", Channel.PHONE, ContactOutcome.NO_RESPONSE)
                .build();
        HeldOutSplit split = HeldOutSplit.of(whole, AS_OF, 30);
        assertEquals(1, split.known().invoices().size());
        assertEquals(1, split.known().payments().size());
        assertEquals(40, split.known().payments().get(0).amount());
        assertEquals(1, split.known().contacts().size());
        assertEquals(Channel.EMAIL, split.known().contacts().get(0).channel());
        assertEquals(2, split.heldOut().size());
        assertEquals(Channel.SMS, split.heldOut().get(0).channel());
        assertEquals(Channel.PHONE, split.heldOut().get(1).channel());
    }

    @Test
    void refusesAnEmptyWindow() {
        assertThrows(IllegalArgumentException.class, () -> HeldOutSplit.of(history().build(), AS_OF, 0));
    }
}

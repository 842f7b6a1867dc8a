package io.paysignal.core.replay;

import io.paysignal.core.history.Channel;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SlotKeyTest {

    @Test
    void everyCodeDecodesToTheKeyThatMadeIt() {
        Set<Integer> seen = new HashSet<>();
        for (Channel channel : Channel.values()) {
            for (DayOfWeek day : DayOfWeek.values()) {
                for (int hour = 0; hour < 24; hour++) {
                    SlotKey key = new SlotKey(channel, hour, day);
                    assertEquals(key, SlotKey.fromCode(key.code()));
                    seen.add(key.code());
                }
            }
        }
        assertEquals(SlotKey.CODES, seen.size());
    }

    @Test
    void localHourAndWeekdayAreTheCustomers() {
        Instant midnightUtcFriday = Instant.parse("2025-10-03T00:00:00Z");
        assertEquals(new SlotKey(Channel.SMS, 20, DayOfWeek.THURSDAY),
                SlotKey.of(Channel.SMS, midnightUtcFriday, ZoneId.of("America/New_York")));
        assertEquals(new SlotKey(Channel.SMS, 5, DayOfWeek.FRIDAY),
                SlotKey.of(Channel.SMS, midnightUtcFriday, ZoneId.of("Asia/Kolkata")));
    }

    @Test
    void rejectsHoursAndCodesOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> new SlotKey(Channel.EMAIL, 24, DayOfWeek.MONDAY));
        assertThrows(IllegalArgumentException.class, () -> SlotKey.fromCode(SlotKey.CODES));
        assertThrows(IllegalArgumentException.class, () -> SlotKey.fromCode(-1));
    }
}

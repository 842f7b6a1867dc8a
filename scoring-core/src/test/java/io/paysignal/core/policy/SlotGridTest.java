package io.paysignal.core.policy;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlotGridTest {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ROOT);

    private static SlotGrid.Cache cache() {
        return new SlotGrid.Cache(LocalTime.of(8, 0), LocalTime.of(21, 0), 7, FORMAT);
    }

    @Test
    void decisionsOnTheSameLocalDayShareOneGrid() {
        SlotGrid.Cache cache = cache();
        ZoneId zone = ZoneId.of("America/New_York");
        Instant morning = Instant.parse("2026-03-08T12:00:00Z");
        assertSame(cache.forEarliest(zone, morning), cache.forEarliest(zone, morning.plus(Duration.ofHours(9))));
        assertEquals(1, cache.size());
    }

    @Test
    void holdsEverySlotOfTheHorizonWithItsLocalTimeDayAndText() {
        ZoneId zone = ZoneId.of("America/New_York");
        SlotGrid grid = cache().forEarliest(zone, Instant.parse("2026-03-08T12:00:00Z"));
        assertEquals(7 * 13, grid.size());   // 8:00-20:00 each day; 2026-03-08 02:00 (skipped) is outside the window
        for (int i = 0; i < grid.size(); i++) {
            assertEquals(grid.instant(i).atZone(zone), grid.local(i));
            assertEquals(grid.local(i).toLocalDate().toEpochDay(), grid.localEpochDay(i));
            assertEquals(FORMAT.format(grid.instant(i).atZone(zone)), grid.localText(i));
            assertTrue(i == 0 || grid.instant(i - 1).isBefore(grid.instant(i)));
        }
        assertEquals(0, grid.firstAtOrAfter(Instant.parse("2026-03-08T00:00:00Z")));
        assertEquals(1, grid.firstAtOrAfter(grid.instant(0).plusNanos(1)));
        assertEquals(1, grid.firstAtOrAfter(grid.instant(1)));
        assertEquals(grid.size(), grid.firstAtOrAfter(Instant.parse("2027-01-01T00:00:00Z")));
    }

    @Test
    void staysWithinItsBoundWhateverTheKeys() {
        SlotGrid.Cache cache = cache();
        Instant start = Instant.parse("2026-01-01T12:00:00Z");
        for (int day = 0; day < 3 * SlotGrid.Cache.MAX_ENTRIES; day++) {
            cache.forEarliest(ZoneId.of("UTC"), start.plus(Duration.ofDays(day)));
            assertTrue(cache.size() <= SlotGrid.Cache.MAX_ENTRIES, "size " + cache.size());
        }
    }
}

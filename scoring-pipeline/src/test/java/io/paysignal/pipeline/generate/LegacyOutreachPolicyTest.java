package io.paysignal.pipeline.generate;

import io.paysignal.core.history.Channel;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LegacyOutreachPolicyTest {

    private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");

    private static List<LegacyOutreachPolicy.Planned> calls(LegacyOutreachPolicy policy, LocalDate date, long seed) {
        return policy.plan((int) date.toEpochDay(), 35, 0, -1_000, new SplittableRandom(seed), AUCKLAND).stream()
                .filter(planned -> planned.channel() == Channel.PHONE)
                .toList();
    }

    @Test
    void byDefaultAgentsCallAtThirteenToTwentyUtcWhateverTheCustomersZone() {
        LegacyOutreachPolicy policy = new LegacyOutreachPolicy();
        for (long seed = 0; seed < 200; seed++) {
            List<LegacyOutreachPolicy.Planned> planned = calls(policy, LocalDate.of(2025, 6, 3), seed);
            assertEquals(1, planned.size());
            int utcHour = Instant.ofEpochSecond(planned.get(0).epochSecond()).atZone(ZoneOffset.UTC).getHour();
            assertTrue(utcHour >= 13 && utcHour < 20, "UTC hour " + utcHour);
        }
    }

    @Test
    void callingInLocalHoursSpreadsCallsOverNineToNineteenOnTheCustomersLocalWeekdays() {
        LegacyOutreachPolicy policy = new LegacyOutreachPolicy(true);
        boolean[] hoursSeen = new boolean[24];
        for (long seed = 0; seed < 400; seed++) {
            LocalDate date = LocalDate.of(2025, 6, 2).plusDays(seed % 7);
            List<LegacyOutreachPolicy.Planned> planned = calls(policy, date, seed);
            boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
            assertEquals(weekend ? 0 : 1, planned.size(), date.toString());
            for (LegacyOutreachPolicy.Planned call : planned) {
                ZonedDateTime local = Instant.ofEpochSecond(call.epochSecond()).atZone(AUCKLAND);
                assertEquals(date, local.toLocalDate());
                assertTrue(local.getHour() >= 9 && local.getHour() < 19, "local " + local);
                hoursSeen[local.getHour()] = true;
            }
        }
        for (int hour = 9; hour < 19; hour++) {
            assertTrue(hoursSeen[hour], "no call at " + hour + ":00 local");
        }
    }
}

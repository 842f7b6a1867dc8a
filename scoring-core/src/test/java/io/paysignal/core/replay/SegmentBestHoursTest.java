package io.paysignal.core.replay;

import io.paysignal.core.history.Channel;
import io.paysignal.core.policy.OutreachConfig;
import io.paysignal.core.policy.OutreachPlanner;
import io.paysignal.core.response.ResponseObservation;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;

import static io.paysignal.core.testsupport.OutreachFixtures.customer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SegmentBestHoursTest {

    private static final Instant EARLIEST = Instant.parse("2026-03-03T00:00:00Z");
    private static final OutreachPlanner PLANNER = new OutreachPlanner(OutreachConfig.defaults());

    private static ResponseObservation cell(String segment, Channel channel, int hour, DayOfWeek day, long attempts,
                                            long reached) {
        return new ResponseObservation(segment, channel, hour, day, attempts, reached);
    }

    private static final List<ResponseObservation> HISTORY = List.of(
            // smb: phone at 10 reaches 60% (weekdays pooled: 30 + 30 attempts), email at 14 reaches 40%.
            cell("smb", Channel.PHONE, 10, DayOfWeek.MONDAY, 30, 20),
            cell("smb", Channel.PHONE, 10, DayOfWeek.TUESDAY, 30, 16),
            cell("smb", Channel.EMAIL, 14, DayOfWeek.MONDAY, 100, 40),
            // A lucky cell with too few attempts to be ranked.
            cell("smb", Channel.SMS, 9, DayOfWeek.MONDAY, 5, 5),
            // consumer: sms at 19 reaches 50%.
            cell("consumer", Channel.SMS, 19, DayOfWeek.SATURDAY, 40, 20));

    @Test
    void ranksCellsByReachRateAmongThoseWithEnoughAttempts() {
        SegmentBestHours best = SegmentBestHours.fit(HISTORY, 30);
        List<SegmentBestHours.Cell> smb = best.ranking("smb");
        assertEquals(2, smb.size());
        assertEquals(new SegmentBestHours.Cell(Channel.PHONE, 10, 60, 36), smb.get(0));
        assertEquals(Channel.EMAIL, smb.get(1).channel());
        assertEquals(0.6, smb.get(0).rate(), 1e-12);
    }

    @Test
    void anUnknownSegmentUsesAllSegmentsTogether() {
        SegmentBestHours best = SegmentBestHours.fit(HISTORY, 30);
        assertEquals(best.overall(), best.ranking("enterprise"));
        assertEquals(Channel.PHONE, best.overall().get(0).channel());
    }

    @Test
    void placesTheBestCellTheActionAllowsOnItsFirstAllowedDay() {
        SegmentBestHours best = SegmentBestHours.fit(HISTORY, 30);
        String chicago = "America/Chicago";
        // A reminder cannot use the phone: the heuristic falls to the next cell, email at 14:00.
        AllowedSlots reminder = AllowedSlots.of(PLANNER, customer(chicago), List.of(), EARLIEST,
                List.of(Channel.EMAIL, Channel.SMS, Channel.LETTER));
        CandidateSlot placed = best.place("smb", reminder).orElseThrow();
        assertEquals(Channel.EMAIL, placed.channel());
        assertEquals(ZonedDateTime.parse("2026-03-03T14:00-06:00[America/Chicago]").toInstant(), placed.at());

        AllowedSlots call = AllowedSlots.of(PLANNER, customer(chicago), List.of(), EARLIEST, List.of(Channel.PHONE));
        assertEquals(10, best.place("smb", call).orElseThrow().key().localHour());
        // The consumer's only ranked cell is sms, which a call cannot use.
        assertTrue(best.place("consumer", call).isEmpty());
    }
}

package io.paysignal.core.response;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysignal.core.history.Channel;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.testsupport.SyntheticResponses;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResponseModelTest {

    private static ResponseObservation cell(String segment, Channel channel, int hour, DayOfWeek day, long attempts,
                                            long reached) {
        return new ResponseObservation(segment, channel, hour, day, attempts, reached);
    }

    /** Every channel, hour and weekday with {@code attempts} attempts at {@code rate}, plus extra cells. */
    private static List<ResponseObservation> flat(String segment, long attempts, double rate) {
        List<ResponseObservation> cells = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            for (int hour = 0; hour < 24; hour++) {
                for (DayOfWeek day : DayOfWeek.values()) {
                    cells.add(cell(segment, channel, hour, day, attempts, Math.round(attempts * rate)));
                }
            }
        }
        return cells;
    }

    @Test
    void withoutObservationsEveryRateIsOneHalf() {
        ResponseModel model = ResponseModel.fit(List.of(), ResponseModelSettings.full(10));
        assertEquals(0.5, model.populationProbability("smb", Channel.PHONE, 10, DayOfWeek.MONDAY), 1e-12);
        assertEquals(0, model.attempts());
    }

    @Test
    void learnsAnHourOfDayEffect() {
        List<ResponseObservation> cells = new ArrayList<>(flat("smb", 10, 0.1));
        cells.add(cell("smb", Channel.PHONE, 19, DayOfWeek.MONDAY, 500, 250));
        ResponseModel model = ResponseModel.fit(cells, ResponseModelSettings.hourOfDayBaseline());
        double evening = model.populationProbability("smb", Channel.EMAIL, 19, DayOfWeek.FRIDAY);
        double morning = model.populationProbability("smb", Channel.EMAIL, 9, DayOfWeek.FRIDAY);
        assertTrue(evening > 2 * morning, evening + " vs " + morning);
        assertEquals(evening, model.populationProbability("smb", Channel.SMS, 19, DayOfWeek.FRIDAY), 1e-12,
                "the baseline has no channel");
    }

    @Test
    void separatesChannelsAndWeekdaysWhenAsked() {
        List<ResponseObservation> cells = new ArrayList<>(flat("smb", 10, 0.1));
        for (int hour = 0; hour < 24; hour++) {
            cells.add(cell("smb", Channel.SMS, hour, DayOfWeek.SATURDAY, 100, 60));
        }
        ResponseModel model = ResponseModel.fit(cells, new ResponseModelSettings(true, false, true, false, 10));
        double smsSaturday = model.populationProbability("smb", Channel.SMS, 12, DayOfWeek.SATURDAY);
        double smsTuesday = model.populationProbability("smb", Channel.SMS, 12, DayOfWeek.TUESDAY);
        double emailSaturday = model.populationProbability("smb", Channel.EMAIL, 12, DayOfWeek.SATURDAY);
        assertTrue(smsSaturday > smsTuesday, smsSaturday + " vs " + smsTuesday);
        assertTrue(smsSaturday > emailSaturday, smsSaturday + " vs " + emailSaturday);
    }

    @Test
    void smallSegmentIsShrunkTowardThePopulationMoreThanALargeOne() {
        List<ResponseObservation> cells = new ArrayList<>(flat("big", 20, 0.1));
        cells.addAll(flat("rich", 20, 0.4));
        cells.add(cell("tiny", Channel.EMAIL, 10, DayOfWeek.MONDAY, 2, 2));
        ResponseModel model = ResponseModel.fit(cells, new ResponseModelSettings(true, true, false, false, 10));
        double population = ResponseModel.fit(cells, new ResponseModelSettings(true, false, false, false, 10))
                .populationProbability("tiny", Channel.EMAIL, 10, DayOfWeek.MONDAY);
        double tiny = model.populationProbability("tiny", Channel.EMAIL, 10, DayOfWeek.MONDAY);
        double rich = model.populationProbability("rich", Channel.EMAIL, 10, DayOfWeek.MONDAY);
        assertTrue(Math.abs(tiny - population) < 0.2, "2 of 2 reached must not make the tiny segment ~1: " + tiny);
        assertTrue(Math.abs(rich - 0.4) < 0.05, "a segment with much data keeps its own rate: " + rich);
        assertEquals(population, model.populationProbability("never-seen", Channel.EMAIL, 10, DayOfWeek.MONDAY),
                1e-12);
    }

    @Test
    void roundTripsThroughJsonUnchanged() throws Exception {
        List<CustomerHistory> histories = SyntheticResponses.histories(60, 20, 60, 3);
        ResponseModel model = ResponseModel.fit(
                ResponseObservation.aggregate(histories, Instant.parse("2030-01-01T00:00:00Z")),
                ResponseModelSettings.full(10));
        ObjectMapper mapper = new ObjectMapper();
        String json = mapper.writeValueAsString(model);
        ResponseModel back = mapper.readValue(json, ResponseModel.class);
        assertEquals(model, back);
    }

    @Test
    void rejectsMalformedParameters() {
        ResponseModel model = ResponseModel.fit(List.of(), ResponseModelSettings.full(10));
        Map<Channel, List<Double>> shortLists = Map.of(Channel.EMAIL, Collections.nCopies(23, 0.5),
                Channel.SMS, Collections.nCopies(24, 0.5), Channel.PHONE, Collections.nCopies(24, 0.5),
                Channel.LETTER, Collections.nCopies(24, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new ResponseModel(model.settings(), 0, 0, 0.5, shortLists,
                model.dayOfWeekLift(), Map.of(), model.strengths()));
        assertThrows(IllegalArgumentException.class, () -> new ResponseModel(model.settings(), 0, 0, 1.0,
                model.hourRates(), model.dayOfWeekLift(), Map.of(), model.strengths()));
    }
}

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

    /** Every hour of {@code day} on {@code channel} for {@code segment}, {@code attempts} each at {@code rate}. */
    private static List<ResponseObservation> day(String segment, Channel channel, DayOfWeek day, long attempts,
                                                 double rate) {
        List<ResponseObservation> cells = new ArrayList<>();
        for (int hour = 8; hour < 21; hour++) {
            cells.add(cell(segment, channel, hour, day, attempts, Math.round(attempts * rate)));
        }
        return cells;
    }

    /** Businesses answer on weekdays (40%) not weekends (10%); consumers the other way round. */
    private static List<ResponseObservation> oppositeWeeks(boolean phoneAtWeekends) {
        List<ResponseObservation> cells = new ArrayList<>();
        for (DayOfWeek weekday : DayOfWeek.values()) {
            boolean weekend = weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY;
            for (Channel channel : List.of(Channel.EMAIL, Channel.SMS, Channel.PHONE)) {
                if (channel == Channel.PHONE && weekend && !phoneAtWeekends) {
                    continue;
                }
                cells.addAll(day("smb", channel, weekday, 40, weekend ? 0.1 : 0.4));
                cells.addAll(day("consumer", channel, weekday, 40, weekend ? 0.4 : 0.1));
            }
        }
        return cells;
    }

    @Test
    void segmentsWithOppositeWeeksGetOppositeWeekdayLifts() {
        ResponseModel model = ResponseModel.fit(oppositeWeeks(true), ResponseModelSettings.full(10));
        double smbTuesday = model.populationProbability("smb", Channel.EMAIL, 12, DayOfWeek.TUESDAY);
        double smbSaturday = model.populationProbability("smb", Channel.EMAIL, 12, DayOfWeek.SATURDAY);
        double consumerTuesday = model.populationProbability("consumer", Channel.EMAIL, 12, DayOfWeek.TUESDAY);
        double consumerSaturday = model.populationProbability("consumer", Channel.EMAIL, 12, DayOfWeek.SATURDAY);
        assertEquals(0.4, smbTuesday, 0.03);
        assertEquals(0.1, smbSaturday, 0.03);
        assertEquals(0.1, consumerTuesday, 0.03);
        assertEquals(0.4, consumerSaturday, 0.03);
        assertTrue(model.strengths().segmentDayOfWeek() != null && model.strengths().segmentChannelDayOfWeek() != null);

        ResponseModel pooled = ResponseModel.fit(oppositeWeeks(true), new ResponseModelSettings(true, true, false,
                false, 10));
        assertEquals(pooled.populationProbability("smb", Channel.EMAIL, 12, DayOfWeek.TUESDAY),
                pooled.populationProbability("smb", Channel.EMAIL, 12, DayOfWeek.SATURDAY), 1e-12,
                "without the weekday level every day is alike");
        assertTrue(pooled.segmentDayOfWeekLift().isEmpty());
    }

    @Test
    void aChannelNeverUsedAtWeekendsTakesTheSegmentsWeekendFromItsOtherChannels() {
        ResponseModel model = ResponseModel.fit(oppositeWeeks(false), ResponseModelSettings.full(10));
        double consumerPhoneSunday = model.populationProbability("consumer", Channel.PHONE, 12, DayOfWeek.SUNDAY);
        double consumerPhoneTuesday = model.populationProbability("consumer", Channel.PHONE, 12, DayOfWeek.TUESDAY);
        double smbPhoneSunday = model.populationProbability("smb", Channel.PHONE, 12, DayOfWeek.SUNDAY);
        double smbPhoneTuesday = model.populationProbability("smb", Channel.PHONE, 12, DayOfWeek.TUESDAY);
        assertTrue(consumerPhoneSunday > 2 * consumerPhoneTuesday, consumerPhoneSunday + " vs " + consumerPhoneTuesday);
        assertTrue(smbPhoneSunday < smbPhoneTuesday / 2, smbPhoneSunday + " vs " + smbPhoneTuesday);
    }

    @Test
    void readsAModelStoredBeforeTheSegmentWeekdayLevelExisted() throws Exception {
        ResponseModel model = ResponseModel.fit(oppositeWeeks(true), ResponseModelSettings.full(10));
        ObjectMapper mapper = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode json = mapper.valueToTree(model);
        json.remove("segmentDayOfWeekLift");
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("strengths")).remove(
                List.of("segmentDayOfWeek", "segmentChannelDayOfWeek"));
        ResponseModel old = mapper.treeToValue(json, ResponseModel.class);
        assertTrue(old.segmentDayOfWeekLift().isEmpty());
        assertEquals(model.populationProbability("smb", Channel.EMAIL, 12, DayOfWeek.MONDAY)
                        / model.segmentDayOfWeekLift().get("smb").get(Channel.EMAIL).get(0)
                        * model.dayOfWeekLift().get(Channel.EMAIL).get(0),
                old.populationProbability("smb", Channel.EMAIL, 12, DayOfWeek.MONDAY), 1e-9,
                "an old model applies the channel's weekday lift to every segment");
    }

    /** Phone calls at 9-11 and 15-17 reached 60%, at 18-20 10%; nobody was called at 12-14 or at night. */
    private static List<ResponseObservation> gapAtMidday() {
        List<ResponseObservation> cells = new ArrayList<>();
        for (int hour : new int[] {9, 10, 11, 15, 16, 17}) {
            cells.add(cell("smb", Channel.PHONE, hour, DayOfWeek.TUESDAY, 400, 240));
        }
        for (int hour : new int[] {18, 19, 20}) {
            cells.add(cell("smb", Channel.PHONE, hour, DayOfWeek.TUESDAY, 400, 40));
        }
        return cells;
    }

    @Test
    void withHourSmoothingAnHourNeverTriedBorrowsFromTheHoursNextToIt() {
        ResponseModelSettings plain = new ResponseModelSettings(true, true, false, false, 10);
        ResponseModel flat = ResponseModel.fit(gapAtMidday(), plain);
        ResponseModel smooth = ResponseModel.fit(gapAtMidday(), plain.withSmoothHours(true));
        double channelMean = (6 * 240 + 3 * 40 + 2.0) / (9 * 400 + 4.0);
        assertEquals(channelMean, flat.populationProbability("smb", Channel.PHONE, 12, DayOfWeek.TUESDAY), 0.02,
                "without smoothing an untried hour gets the channel's mean");
        double noon = smooth.populationProbability("smb", Channel.PHONE, 12, DayOfWeek.TUESDAY);
        assertTrue(noon > 0.55, "between hours at 60% an untried hour is near 60%, was " + noon);
        double nineteen = smooth.populationProbability("smb", Channel.PHONE, 19, DayOfWeek.TUESDAY);
        assertEquals(0.10, nineteen, 0.02, "a well-tried hour keeps its own rate");
        assertTrue(smooth.populationProbability("smb", Channel.PHONE, 21, DayOfWeek.TUESDAY) < channelMean,
                "an untried hour next to poor hours is below the mean");
    }

    @Test
    void hourSmoothingAlsoFillsASegmentsUntriedHoursFromItsOwnNeighbours() {
        List<ResponseObservation> cells = new ArrayList<>(gapAtMidday());
        // A larger segment, called at every hour from 9 to 20, answers 10% and dominates the population.
        for (int hour = 9; hour <= 20; hour++) {
            cells.add(cell("consumer", Channel.PHONE, hour, DayOfWeek.TUESDAY, 4000, 400));
        }
        ResponseModelSettings plain = new ResponseModelSettings(true, true, false, false, 10);
        double flatNoon = ResponseModel.fit(cells, plain)
                .populationProbability("smb", Channel.PHONE, 13, DayOfWeek.TUESDAY);
        double smoothNoon = ResponseModel.fit(cells, plain.withSmoothHours(true))
                .populationProbability("smb", Channel.PHONE, 13, DayOfWeek.TUESDAY);
        assertEquals(0.10, flatNoon, 0.03, "without smoothing smb's untried 13:00 is the population's");
        assertTrue(smoothNoon > 0.3, "smb at 13:00 leans on its own 11:00 and 15:00 (60%), was " + smoothNoon);
    }

    @Test
    void readsSettingsStoredBeforeHourSmoothingExistedAsUnsmoothed() throws Exception {
        ResponseModel model = ResponseModel.fit(gapAtMidday(), ResponseModelSettings.full(10));
        ObjectMapper mapper = new ObjectMapper()
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        com.fasterxml.jackson.databind.node.ObjectNode json = mapper.valueToTree(model);
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("settings")).remove("smoothHours");
        ResponseModel old = mapper.treeToValue(json, ResponseModel.class);
        assertEquals(model, old);
        assertTrue(!old.settings().smoothesHours());
        assertEquals("hour+channel+segment+weekday+smooth+customer(k=10)",
                ResponseModelSettings.full(10).withSmoothHours(true).describe());
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

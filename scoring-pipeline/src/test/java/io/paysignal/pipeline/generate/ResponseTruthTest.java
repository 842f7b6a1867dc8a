package io.paysignal.pipeline.generate;

import io.paysignal.core.definition.DelinquencyLabel;
import io.paysignal.core.history.Channel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResponseTruthTest {

    private static final long SEED = 11;
    private static final LocalDate START = LocalDate.parse("2024-01-01");
    private static final LocalDate END = LocalDate.parse("2024-12-31");
    private static final int CUSTOMERS = 800;

    @TempDir
    static Path out;

    private static ResponseTruth truth;

    @BeforeAll
    static void generate() throws IOException {
        new HistoryGenerator(new GeneratorConfig(CUSTOMERS, START, END, SEED, out, List.of(), DelinquencyLabel.defaults(),
                1, 2)).generate();
        truth = ResponseTruth.load(out.resolve("truth/response_truth.csv"));
    }

    @Test
    void loadsExactlyTheParametersTheSimulationUsed() {
        assertEquals(CUSTOMERS, truth.size());
        int startDay = (int) START.toEpochDay();
        int endDay = (int) END.toEpochDay();
        for (int index = 0; index < CUSTOMERS; index++) {
            CustomerProfile profile = CustomerProfile.draw(SEED, index, startDay, endDay);
            assertEquals(profile.response(), truth.profile(profile.customerId()));
        }
    }

    @Test
    void probabilitiesAreProbabilitiesAndCallsAtNightRarelyReachAnyone() {
        ResponseProfile profile = truth.profile("C0000001");
        for (Channel channel : Channel.values()) {
            for (int hour = 0; hour < 24; hour++) {
                for (DayOfWeek day : DayOfWeek.values()) {
                    double p = truth.probability("C0000001", channel, hour, day);
                    assertTrue(p > 0 && p < 1, channel + " " + hour + " " + day + ": " + p);
                }
            }
        }
        int peak = (int) Math.round(profile.peakHour()) % 24;
        assertTrue(truth.probability("C0000001", Channel.PHONE, peak, DayOfWeek.WEDNESDAY)
                > truth.probability("C0000001", Channel.PHONE, 3, DayOfWeek.WEDNESDAY));
        assertEquals(truth.probability("C0000001", Channel.LETTER, peak, DayOfWeek.WEDNESDAY),
                truth.probability("C0000001", Channel.LETTER, 3, DayOfWeek.WEDNESDAY), 1e-12, "letters ignore the hour");
    }

    @Test
    void loggedContactOutcomesFollowTheTrueProbabilities() throws IOException {
        double expected = 0;
        double variance = 0;
        int reached = 0;
        int contacts = 0;
        for (Map<String, String> row : CsvTable.read(out.resolve("contacts.csv")).rows) {
            // Contact times are written in the customer's own offset, so their clock fields are local.
            OffsetDateTime local = OffsetDateTime.parse(row.get("contact_time"));
            double p = truth.probability(row.get("customer_id"), Channel.fromWire(row.get("channel")).orElseThrow(),
                    local.getHour(), local.getDayOfWeek());
            expected += p;
            variance += p * (1 - p);
            String outcome = row.get("outcome");
            reached += outcome.equals("reached") || outcome.equals("promise_to_pay") ? 1 : 0;
            contacts++;
        }
        assertTrue(contacts > 1000, "contacts: " + contacts);
        assertTrue(Math.abs(reached - expected) < 4 * Math.sqrt(variance),
                "reached " + reached + " vs expected " + expected + " of " + contacts);
    }

    @Test
    void unknownCustomersAndImpossibleHoursAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> truth.probability("nobody", Channel.SMS, 10, DayOfWeek.MONDAY));
        assertThrows(IllegalArgumentException.class, () -> truth.probability("C0000001", Channel.SMS, 24, DayOfWeek.MONDAY));
    }

    @Test
    void aFileThatIsNoResponseTruthIsRejected() throws IOException {
        Path other = out.resolve("not-truth.csv");
        Files.writeString(other, "customer_id,as_of,true_probability\nC1,2024-01-01,0.5\n");
        assertThrows(IllegalArgumentException.class, () -> ResponseTruth.load(other));
    }
}

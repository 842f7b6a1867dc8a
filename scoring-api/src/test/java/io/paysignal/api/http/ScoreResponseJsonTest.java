package io.paysignal.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.paysignal.api.service.CustomerScore;
import io.paysignal.api.service.OutreachPlan;
import io.paysignal.api.service.ScoreResult;
import io.paysignal.core.history.Channel;
import io.paysignal.core.model.ReasonCode;
import io.paysignal.core.policy.RiskTier;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class ScoreResponseJsonTest {

    private static final List<String> ZONES = List.of("UTC", "Europe/Berlin", "America/St_Johns", "Asia/Kolkata",
            "Pacific/Chatham", "America/New_York", "Asia/Kathmandu");
    private static final String AWKWARD = "\"\\/\u0000\u001f\u007f\u00e9\u20ac\ud83d\ude00<>&'\t\n\r";

    private final ObjectMapper json = ApiJson.mapper();
    private final ObjectWriter bean = json.writerFor(ScoreResponse.class);
    private final ScoreResponseJson streaming = new ScoreResponseJson(json);

    @Test
    void writesTheBytesOfTheMapperForGeneratedResponses() throws Exception {
        SplittableRandom random = new SplittableRandom(7L);
        for (int i = 0; i < 20_000; i++) {
            ScoreResponse response = generated(random);
            assertArrayEquals(bean.writeValueAsBytes(response), streaming.write(response), response::toString);
        }
    }

    @Test
    void writesServiceResultsAsTheMapperWritesTheirResponse() throws Exception {
        SplittableRandom random = new SplittableRandom(8L);
        for (int i = 0; i < 20_000; i++) {
            CustomerScore score = generatedScore(random);
            assertArrayEquals(bean.writeValueAsBytes(ScoreResponse.of(score)), streaming.write(score),
                    score::toString);
        }
    }

    @Test
    void writesTheBytesOfTheMapperWithNullsAndAwkwardText() throws Exception {
        ScoreResponse allNull = new ScoreResponse(null, null, 0.0, null, null, null, null, null, null, null, null,
                null, null);
        assertArrayEquals(bean.writeValueAsBytes(allNull), streaming.write(allNull));
        List<ScoreResponse.ScoreReason> reasons = new ArrayList<>();
        reasons.add(new ScoreResponse.ScoreReason(AWKWARD, null));
        reasons.add(null);
        ScoreResponse awkward = new ScoreResponse(AWKWARD, LocalDate.of(1, 1, 1), 1e-300, AWKWARD, reasons, AWKWARD,
                AWKWARD, AWKWARD, Instant.EPOCH, Instant.EPOCH.atZone(ZoneId.of("UTC")).toOffsetDateTime(), AWKWARD,
                AWKWARD, AWKWARD);
        assertArrayEquals(bean.writeValueAsBytes(awkward), streaming.write(awkward));
    }

    private static ScoreResponse generated(SplittableRandom random) {
        List<ScoreResponse.ScoreReason> reasons = new ArrayList<>();
        for (int r = random.nextInt(4); r > 0; r--) {
            reasons.add(new ScoreResponse.ScoreReason(text(random), text(random)));
        }
        boolean contact = random.nextBoolean();
        Instant at = Instant.ofEpochSecond(random.nextLong(0, 4_000_000_000L), random.nextBoolean() ? 0
                : random.nextInt(1_000_000_000));
        ZoneId zone = ZoneId.of(ZONES.get(random.nextInt(ZONES.size())));
        double score = switch (random.nextInt(4)) {
            case 0 -> random.nextDouble();
            case 1 -> random.nextDouble() * 1e-4;
            case 2 -> random.nextInt(3) / 2.0;
            default -> Math.round(random.nextDouble() * 1000) / 1000.0;
        };
        return new ScoreResponse(text(random), LocalDate.ofEpochDay(random.nextLong(-1000, 100_000)), score,
                text(random), reasons, text(random), text(random), contact ? text(random) : null,
                contact ? at : null, contact ? at.atZone(zone).toOffsetDateTime() : null, zone.getId(), text(random),
                text(random));
    }

    private static CustomerScore generatedScore(SplittableRandom random) {
        List<ReasonCode> reasons = new ArrayList<>();
        for (int r = random.nextInt(ScoreResult.MAX_REASONS + 1); r > 0; r--) {
            reasons.add(new ReasonCode("R" + random.nextInt(100) + "_X", "x" + text(random)));
        }
        double riskScore = switch (random.nextInt(3)) {
            case 0 -> random.nextDouble();
            case 1 -> random.nextDouble() * 1e-4;
            default -> random.nextInt(3) / 2.0;
        };
        RiskTier[] tiers = RiskTier.values();
        List<String> actions = List.copyOf(new java.util.TreeSet<>(OutreachPlan.ACTIONS));
        String action = actions.get(random.nextInt(actions.size()));
        boolean contact = !OutreachPlan.NONE.equals(action);
        Channel[] channels = Channel.values();
        Instant at = Instant.ofEpochSecond(random.nextLong(0, 4_000_000_000L), random.nextBoolean() ? 0
                : random.nextInt(1_000_000_000));
        OutreachPlan plan = new OutreachPlan(action, contact ? channels[random.nextInt(channels.length)] : null,
                contact ? at : null, text(random));
        return new CustomerScore(text(random) + "c", LocalDate.ofEpochDay(random.nextLong(-1000, 100_000)),
                new ScoreResult(riskScore, tiers[random.nextInt(tiers.length)], reasons), plan,
                ZoneId.of(ZONES.get(random.nextInt(ZONES.size()))), "v" + text(random));
    }

    private static String text(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(40); n > 0; n--) {
            text.append(random.nextInt(10) == 0 ? AWKWARD.charAt(random.nextInt(AWKWARD.length()))
                    : (char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }
}

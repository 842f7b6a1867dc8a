package io.paysignal.pipeline.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysignal.core.definition.DelinquencyLabel;
import io.paysignal.core.replay.AuditFinding;
import io.paysignal.core.replay.OutreachEvaluation;
import io.paysignal.core.replay.OutreachReplay;
import io.paysignal.core.replay.SegmentBestHours;
import io.paysignal.core.replay.Strategy;
import io.paysignal.pipeline.io.History;
import io.paysignal.pipeline.io.HistoryReader;
import io.paysignal.pipeline.io.ReaderConfig;
import io.paysignal.pipeline.spark.HistoryAssembler;
import io.paysignal.pipeline.testsupport.SharedSparkSession;
import io.paysignal.pipeline.train.TrainerConfig;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code riskctl evaluate-outreach} on the committed 500-customer sample, with a small logistic bundle. */
class OutreachEvaluationJobTest extends SharedSparkSession {

    private static final Path SAMPLE = Path.of("..", "data-samples", "history");
    private static final LocalDate AS_OF = LocalDate.of(2025, 10, 2);
    private static final ReaderConfig READER = new ReaderConfig("USD", 0.01);

    @TempDir
    Path temp;
    private Path registry;

    @BeforeAll
    void trainASmallBundle(@TempDir Path models) throws Exception {
        Properties trainer = new Properties();
        trainer.setProperty("config.version", "trainers-test");
        trainer.setProperty("seed", "5");
        trainer.setProperty("candidates", "lr");
        trainer.setProperty("rows.max", "5000");
        trainer.setProperty("tiers.high.share", "0.10");
        trainer.setProperty("tiers.elevated.share", "0.30");
        trainer.setProperty("lr.learner", "linear-sgd-logistic");
        trainer.setProperty("lr.epochs", "1");
        trainer.setProperty("lr.learning.rate", "0.1");
        trainer.setProperty("lr.epsilon", "0.1");
        trainer.setProperty("lr.minibatch", "16");
        TrainJob.run(spark, new TrainJob.Config(SAMPLE.toString(), AS_OF, models, DelinquencyLabel.defaults(), READER,
                new SnapshotSchedule(2, 90, SnapshotSchedule.DEFAULT.minHistoryDays()),
                TrainerConfig.parse(trainer, "test"), "test"));
        registry = models;
    }

    private OutreachEvaluationJob.Config config(String truth, String out) {
        return new OutreachEvaluationJob.Config(SAMPLE.toString(), AS_OF, registry, truth, out,
                OutreachEvaluationJob.DEFAULT_WINDOW_DAYS, 1, null, null, READER);
    }

    @Test
    void evaluatesTheSampleAgainstItsTruthWithoutARuleBroken() throws Exception {
        Path out = temp.resolve("eval");
        OutreachEvaluationJob.Outcome outcome = OutreachEvaluationJob.run(spark,
                config(SAMPLE.resolve("truth").toString(), out.toString()));
        OutreachEvaluation e = outcome.evaluation();

        assertTrue(e.customers() > 400, "customers active on T: " + e.customers());
        assertTrue(e.recommendations() > 10, "recommendations: " + e.recommendations());
        assertEquals(e.recommendations(), e.customersWithTruth());
        assertEquals(0, e.flaggedRecommendations());
        assertEquals(0, e.count(AuditFinding.LOW_TIER_NOT_OVERDUE));
        assertTrue(e.lowTierNotOverdue() > 0);
        double best = e.result(Strategy.BEST_ALLOWED).truth().value();
        for (Strategy strategy : Strategy.values()) {
            assertTrue(e.result(strategy).truth().value() <= best + 1e-12, strategy + " above the best allowed slot");
        }
        assertTrue(e.recommendedShareOfBest() > 0 && e.recommendedShareOfBest() <= 1);
        double bestDiscounted = e.result(Strategy.BEST_DISCOUNTED).discountedTruth().value();
        for (Strategy strategy : Strategy.values()) {
            if (e.result(strategy).discountedTruth().count() > 0) {
                assertTrue(e.result(strategy).discountedTruth().value() <= bestDiscounted + 1e-12,
                        strategy + " above the best allowed slot at the delay discount");
            }
        }
        assertTrue(e.recommendedShareOfBestDiscounted() > 0 && e.recommendedShareOfBestDiscounted() <= 1);
        assertTrue(e.heldOutAll().contacts() > 0);

        JsonNode json = new ObjectMapper().readTree(Files.readString(out.resolve("outreach-evaluation.json")));
        assertEquals(e.recommendations(), json.get("recommendations").asLong());
        assertEquals(0, json.get("audit").get("with_rule_finding").asLong());
        assertEquals(e.recommendedShareOfBest(), json.get("targets").get("recommended_share_of_best").asDouble(), 1e-12);
        assertEquals(e.recommendedShareOfBestDiscounted(),
                json.get("targets").get("recommended_share_of_best_discounted").asDouble(), 1e-12);
        // The within-day breakdown covers every recommendation once by preferred-channel use and once by channel.
        JsonNode choice = json.get("within_day_channel_choice");
        assertEquals(e.customersWithTruth(), choice.get("all").get("customers").asLong());
        long byUse = 0;
        for (JsonNode group : choice.get("by_preferred_channel_use")) {
            byUse += group.get("customers").asLong();
        }
        long byChannel = 0;
        for (JsonNode group : choice.get("by_channel")) {
            byChannel += group.get("customers").asLong();
        }
        assertEquals(e.customersWithTruth(), byUse);
        assertEquals(e.customersWithTruth(), byChannel);
        assertEquals(e.recommendedShareOfBest(), choice.get("all").get("share_of_best").asDouble(), 1e-9);
        assertTrue(outcome.text().contains("the preferred-channel rule costs"), outcome.text());
        // The bundle plans with the discount estimated at training time, and the report says so.
        double estimated = json.get("estimated_daily_delay_discount").asDouble();
        assertEquals(estimated, json.get("daily_delay_discount").asDouble());
        assertFalse(json.get("estimated_daily_delay_discount_fallback").asBoolean());
        assertTrue(json.get("daily_delay_discount_source").asText().startsWith("estimated from the training history"),
                json.toString());
        String text = Files.readString(out.resolve("outreach-evaluation.txt"));
        assertEquals(outcome.text(), text);
        assertTrue(text.contains("recommended / best allowed slot"), text);
    }

    @Test
    void recommendsExactlyWhatTheScoreJobRecommends(@TempDir Path scoreOut) throws Exception {
        ModelSource model = ModelSource.load(registry);
        Path out = scoreOut.resolve("scores");
        ScoreJob.run(spark, new ScoreJob.Config(SAMPLE.toString(), AS_OF, registry, out.toString(),
                ScoreJob.Format.PARQUET, READER));
        Map<String, String> scored = new HashMap<>();
        // The score table's part files (OUT also holds features/, rejects.csv and _run.json).
        for (Row row : spark.read().parquet(out.resolve("part-*.parquet").toString())
                .select("customer_id", "action", "channel", "contact_at").collectAsList()) {
            scored.put(row.getString(0), row.getString(1) + "|" + row.getString(2) + "|"
                    + (row.isNullAt(3) ? null : row.getTimestamp(3).toInstant()));
        }
        History history = new HistoryReader(spark, READER).read(SAMPLE.toString());
        try {
            var histories = HistoryAssembler.byCustomer(history, AS_OF.plusDays(30))
                    .filter(customer -> Snapshots.isActiveOn(customer, AS_OF));
            List<OutreachReplay> replays = OutreachEvaluationJob.replays(spark, histories, config(null, null), model,
                    new SegmentBestHours(Map.of(), List.of(), SegmentBestHours.DEFAULT_MIN_ATTEMPTS)).collect();
            assertFalse(replays.isEmpty());
            for (OutreachReplay replay : replays) {
                Instant at = replay.recommendsContact() ? replay.recommended().slot().at() : null;
                String channel = replay.recommendsContact() ? replay.recommended().slot().channel().wireName() : null;
                assertEquals(scored.get(replay.customerId()), replay.action().wireName() + "|" + channel + "|" + at,
                        replay.customerId());
            }
        } finally {
            history.release();
        }
    }

    @Test
    void withoutTheTruthReportsEstimatesOnly() throws Exception {
        OutreachEvaluationJob.Outcome outcome = OutreachEvaluationJob.run(spark,
                new OutreachEvaluationJob.Config(SAMPLE.toString(), AS_OF, registry, null, null, 14, 3, 1.0, 5, READER,
                        true));
        assertEquals(0, outcome.evaluation().customersWithTruth());
        assertTrue(outcome.evaluation().result(Strategy.RECOMMENDED).estimated().count() > 0);
        assertFalse(outcome.text().contains("targets on the generated truth"), outcome.text());
        double bundled = ModelSource.load(registry).outreach().policy().dailyDelayDiscount();
        assertTrue(outcome.text().contains("what-if: daily delay discount 1.0 instead of " + bundled
                + ", search horizon 5 days"), outcome.text());
        assertTrue(outcome.text().contains("daily delay discount 1.0: configured override 1.0 (the training"
                + " history's estimate was " + bundled + ")"), outcome.text());
        assertTrue(outcome.text().contains("response model refitted on the history up to T"), outcome.text());
        assertTrue(outcome.json().contains("\"window_days\" : 14"), outcome.json());
    }
}

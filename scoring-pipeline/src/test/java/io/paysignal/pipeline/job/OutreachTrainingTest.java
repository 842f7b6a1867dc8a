package io.paysignal.pipeline.job;

import io.paysignal.core.bundle.OutreachSettings;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.policy.CollectabilityCounts;
import io.paysignal.core.policy.DelayDiscountEstimate;
import io.paysignal.core.policy.OutreachConfig;
import io.paysignal.pipeline.io.History;
import io.paysignal.pipeline.io.HistoryReader;
import io.paysignal.pipeline.io.ReaderConfig;
import io.paysignal.pipeline.spark.HistoryAssembler;
import io.paysignal.pipeline.testsupport.SharedSparkSession;
import org.apache.spark.api.java.JavaRDD;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outreach part of training on the committed 500-customer sample: the delay discount estimated in Spark. */
class OutreachTrainingTest extends SharedSparkSession {

    private static final Path SAMPLE = Path.of("..", "data-samples", "history");
    private static final LocalDate AS_OF = LocalDate.of(2025, 10, 2);

    private History history;
    private JavaRDD<CustomerHistory> histories;

    @BeforeAll
    void readTheSample() {
        history = new HistoryReader(spark, new ReaderConfig("USD", 0.01)).read(SAMPLE.toString());
        histories = HistoryAssembler.byCustomer(history, AS_OF).cache();
    }

    @AfterAll
    void release() {
        histories.unpersist(false);
        history.release();
    }

    @Test
    void theDiscountSummedOverPartitionsIsTheOneOfAllHistoriesCountedAtOnce() {
        List<CustomerHistory> all = histories.collect();
        DelayDiscountEstimate direct = DelayDiscountEstimate.fit(CollectabilityCounts.of(all.iterator(), AS_OF),
                OutreachConfig.DEFAULT_DAILY_DELAY_DISCOUNT);
        assertEquals(direct, OutreachTraining.estimateDelayDiscount(histories, AS_OF));
        assertEquals(direct, OutreachTraining.estimateDelayDiscount(histories.repartition(5), AS_OF));
        assertEquals(direct, OutreachTraining.estimateDelayDiscount(histories.coalesce(1), AS_OF));
    }

    @Test
    void theSampleHasEnoughOverdueInvoicesForAnEstimateNearTheCureRateDecay() {
        DelayDiscountEstimate estimate = OutreachTraining.estimateDelayDiscount(histories, AS_OF);
        assertFalse(estimate.fallback(), estimate.note());
        assertTrue(estimate.evidence().open(1) >= DelayDiscountEstimate.DEFAULT_MIN_INVOICES, estimate.note());
        // The generator's overdue invoices cure a little more slowly each day: far from the old 0.85.
        assertTrue(estimate.dailyDiscount() > 0.95 && estimate.dailyDiscount() <= 0.995, estimate.note());
    }

    @Test
    void theBundlePlansWithTheEstimateUnlessAConfiguredOverrideIsGiven() {
        OutreachSettings estimated = OutreachTraining.fit(histories, AS_OF, 500, 5, null);
        assertEquals(estimated.delayDiscount().dailyDiscount(), estimated.policy().dailyDelayDiscount());
        assertEquals(OutreachConfig.DEFAULT_POLICY_VERSION, estimated.policy().policyVersion());

        OutreachSettings overridden = OutreachTraining.fit(histories, AS_OF, 500, 5, 0.85);
        assertEquals(0.85, overridden.policy().dailyDelayDiscount());
        assertEquals(estimated.delayDiscount(), overridden.delayDiscount());
        assertTrue(overridden.delayDiscountSource().startsWith("configured override 0.85"),
                overridden.delayDiscountSource());
        // Only the discount differs: the response model is the same fit.
        assertEquals(estimated.responseModel(), overridden.responseModel());
    }
}

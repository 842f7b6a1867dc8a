package io.paysignal.pipeline.job;

import io.paysignal.core.bundle.OutreachSettings;
import io.paysignal.core.history.Contact;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.policy.CollectabilityCounts;
import io.paysignal.core.policy.DelayDiscountEstimate;
import io.paysignal.core.policy.OutreachConfig;
import io.paysignal.core.response.ResponseEvaluation;
import io.paysignal.core.response.ResponseModel;
import io.paysignal.core.response.ResponseModelSelection;
import io.paysignal.core.response.ResponseModelSettings;
import io.paysignal.core.response.ResponseObservation;
import io.paysignal.pipeline.train.CustomerSample;
import org.apache.spark.api.java.JavaRDD;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Fits the bundle's response model from the contact history: contacts are counted per (segment, channel,
 * local hour, weekday) in Spark, the candidate structures are compared out of time (fitted on contacts before
 * T - {@value #HOLD_OUT_DAYS} days, judged on a sample of customers' contacts after it), and the winner is
 * refitted on every contact up to T. The planner's daily delay discount is estimated from the same histories
 * ({@link DelayDiscountEstimate}): collectability counts are summed per partition in Spark tasks and only the
 * per-partition count arrays reach the driver.
 */
public final class OutreachTraining {

    /** Days of contacts before T held out to choose the response model's structure. */
    static final int HOLD_OUT_DAYS = 90;
    /** Customers whose held-out contacts are replayed on the driver for the choice (a memory bound). */
    static final int MAX_EVALUATION_CUSTOMERS = 20_000;

    private static final Logger LOG = LoggerFactory.getLogger(OutreachTraining.class);

    private OutreachTraining() {
    }

    /**
     * The outreach settings for a bundle trained as of {@code asOf} on {@code histories} (cut at T).
     *
     * @param discountOverride a configured daily delay discount that wins over the estimate (the estimate is
     *                         still stored as evidence); null: plan with the estimate
     */
    public static OutreachSettings fit(JavaRDD<CustomerHistory> histories, LocalDate asOf, long customers, long seed,
                                       Double discountOverride) {
        DelayDiscountEstimate discount = estimateDelayDiscount(histories, asOf);
        LOG.info("delay discount: {}", discount.note());
        OutreachConfig policy = OutreachConfig.defaults().withDailyDelayDiscount(
                discountOverride == null ? discount.dailyDiscount() : discountOverride);
        if (discountOverride != null) {
            LOG.info("delay discount: configured override {} wins over the estimate {}", discountOverride,
                    discount.dailyDiscount());
        }
        Fitted fitted = fitResponseModel(histories, asOf, customers, seed);
        return new OutreachSettings(policy, fitted.model(), fitted.selection(), discount);
    }

    /** The response model and how it was chosen. */
    record Fitted(ResponseModel model, ResponseModelSelection selection) {
    }

    /**
     * The daily delay discount estimated from {@code histories} as of {@code asOf}: each partition's histories are
     * counted into one {@link CollectabilityCounts} in its task and the partitions' counts are summed.
     */
    static DelayDiscountEstimate estimateDelayDiscount(JavaRDD<CustomerHistory> histories, LocalDate asOf) {
        CollectabilityCounts counts = histories
                .mapPartitions(part -> List.of(CollectabilityCounts.of(part, asOf)).iterator())
                .fold(CollectabilityCounts.empty(asOf, CollectabilityCounts.DEFAULT_LOOKBACK_DAYS,
                        CollectabilityCounts.DEFAULT_FOLLOW_UP_DAYS, CollectabilityCounts.DEFAULT_MAX_DAYS_PAST_DUE),
                        CollectabilityCounts::plus);
        return DelayDiscountEstimate.fit(counts, OutreachConfig.DEFAULT_DAILY_DELAY_DISCOUNT);
    }

    /** The response model chosen out of time and refitted on every contact before the end of day T. */
    static Fitted fitResponseModel(JavaRDD<CustomerHistory> histories, LocalDate asOf, long customers, long seed) {
        Instant end = Outreach.earliestContact(asOf);
        Instant split = end.minusSeconds(86_400L * HOLD_OUT_DAYS);
        List<ResponseObservation> beforeSplit = observations(histories, split);
        List<ResponseObservation> all = observations(histories, end);
        ResponseModelSelection selection = null;
        ResponseModel model;
        double fraction = Math.min(1.0, (double) MAX_EVALUATION_CUSTOMERS / Math.max(1, customers));
        CustomerSample sample = new CustomerSample(fraction, seed);
        List<CustomerHistory> heldOut = new ArrayList<>(histories
                .filter(h -> sample.keeps(h.customerId()) && hasContactIn(h, split, end))
                .collect());
        // In customer order, not Spark's partition order, so the choice is the same on any master.
        heldOut.sort(Comparator.comparing(CustomerHistory::customerId));
        if (beforeSplit.isEmpty() || heldOut.isEmpty()) {
            LOG.info("response model: too few contacts to choose a structure out of time; using the full model");
            model = ResponseModel.fit(all, ResponseModelSettings.full(ResponseModelSettings.DEFAULT_CUSTOMER_PRIOR_STRENGTH));
        } else {
            selection = ResponseModelSelection.select(beforeSplit, heldOut, split, end,
                    ResponseModelSettings.candidates());
            model = selection.refit(all);
            for (ResponseEvaluation candidate : selection.candidates()) {
                LOG.info("response model candidate {}: held-out log-loss {}, AUC {}", candidate.model(),
                        candidate.logLoss(), candidate.auc());
            }
            LOG.info("response model: chose {} (held-out log-loss {} vs hour-of-day baseline {}, AUC {} vs {})",
                    selection.chosenEvaluation().model(), selection.chosenEvaluation().logLoss(),
                    selection.chosenEvaluation().baselineLogLoss(), selection.chosenEvaluation().auc(),
                    selection.chosenEvaluation().baselineAuc());
        }
        return new Fitted(model, selection);
    }

    /** Contacts made before {@code before}, counted per cell in Spark; only the cells reach the driver. */
    static List<ResponseObservation> observations(JavaRDD<CustomerHistory> histories, Instant before) {
        List<ResponseObservation> cells = histories
                .flatMap(history -> {
                    List<ResponseObservation> single = new ArrayList<>();
                    for (Contact contact : history.contacts()) {
                        if (contact.contactTime().isBefore(before)) {
                            single.add(ResponseObservation.of(history.customer(), contact));
                        }
                    }
                    return single.iterator();
                })
                .mapToPair(observation -> new Tuple2<>(observation.key(), observation))
                .reduceByKey((a, b) -> ResponseObservation.merge(List.of(a, b)).get(0))
                .values()
                .collect();
        return ResponseObservation.merge(cells);
    }

    private static boolean hasContactIn(CustomerHistory history, Instant from, Instant to) {
        for (Contact contact : history.contacts()) {
            if (!contact.contactTime().isBefore(from) && contact.contactTime().isBefore(to)) {
                return true;
            }
        }
        return false;
    }
}

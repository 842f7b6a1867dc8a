package io.paysignal.core.replay;

import java.io.Serializable;

/**
 * How one strategy's slots fared over a set of customers.
 *
 * @param estimated the response model's estimates of the slots
 * @param truth the true response probabilities of the slots (generated data only; empty otherwise)
 * @param delayDays days from the earliest allowed instant to the slot
 * @param discountedTruth the true probabilities times the planner's daily delay discount per day of delay: the
 *                        value the planner maximises, measured with the truth (generated data only)
 */
public record StrategyResult(Mean estimated, Mean truth, Mean delayDays, Mean discountedTruth) implements Serializable {

    /** No customers. */
    public static final StrategyResult EMPTY = new StrategyResult(Mean.EMPTY, Mean.EMPTY, Mean.EMPTY, Mean.EMPTY);

    public StrategyResult {
        if (estimated == null || truth == null || delayDays == null || discountedTruth == null) {
            throw new IllegalArgumentException("estimated, truth, delayDays and discountedTruth are required");
        }
    }

    /** All parts summed. */
    public StrategyResult plus(StrategyResult other) {
        return new StrategyResult(estimated.plus(other.estimated), truth.plus(other.truth),
                delayDays.plus(other.delayDays), discountedTruth.plus(other.discountedTruth));
    }
}

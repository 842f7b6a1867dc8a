package io.paysignal.core.replay;

/**
 * One customer's probability that a contact reaches them, by {@link SlotKey}. On generated data this is the
 * generator's true response function; an evaluation scores every strategy's slots with it.
 */
@FunctionalInterface
public interface SlotProbability {

    /** The probability, in [0, 1], that a contact at {@code slot} reaches the customer. */
    double probability(SlotKey slot);
}

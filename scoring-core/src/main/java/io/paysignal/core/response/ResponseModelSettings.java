package io.paysignal.core.response;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * How much structure a {@link ResponseModel} has. Local hour of day is always modelled; everything else is
 * a switch, so the global hour-of-day baseline is just the model with every switch off.
 *
 * @param byChannel separate rates per channel (else one rate for all channels)
 * @param bySegment segment x channel x hour rates, shrunk toward the population's
 * @param byDayOfWeek a weekday lift per channel
 * @param perCustomer shrink each customer's own record toward the population rates at decision time
 * @param customerPriorStrength pseudo-contacts of population evidence a customer's own record is weighed
 *                              against (larger: trust the customer's record less); positive
 * @param smoothHours population hour rates (channel x hour, and segment x channel x hour) are shrunk toward
 *                    their neighbouring hours' rates rather than toward one flat rate, so an hour seldom or
 *                    never tried borrows from the hours next to it; null (settings stored before the switch
 *                    existed) reads as false
 */
public record ResponseModelSettings(boolean byChannel, boolean bySegment, boolean byDayOfWeek,
                                    boolean perCustomer, double customerPriorStrength, Boolean smoothHours)
        implements Serializable {

    /** Customer prior strengths tried by {@link #candidates()}. */
    public static final List<Double> CUSTOMER_STRENGTH_GRID = List.of(3.0, 10.0, 30.0);
    public static final double DEFAULT_CUSTOMER_PRIOR_STRENGTH = 10;

    public ResponseModelSettings {
        if (!(customerPriorStrength > 0) || Double.isInfinite(customerPriorStrength)) {
            throw new IllegalArgumentException("customerPriorStrength must be positive and finite, was "
                    + customerPriorStrength);
        }
        smoothHours = Boolean.TRUE.equals(smoothHours);
    }

    /** Settings without neighbouring-hour smoothing of the population rates. */
    public ResponseModelSettings(boolean byChannel, boolean bySegment, boolean byDayOfWeek, boolean perCustomer,
                                 double customerPriorStrength) {
        this(byChannel, bySegment, byDayOfWeek, perCustomer, customerPriorStrength, false);
    }

    /** True when population hour rates borrow from neighbouring hours. */
    public boolean smoothesHours() {
        return smoothHours;
    }

    /** These settings with neighbouring-hour smoothing switched on or off. */
    public ResponseModelSettings withSmoothHours(boolean smooth) {
        return new ResponseModelSettings(byChannel, bySegment, byDayOfWeek, perCustomer, customerPriorStrength,
                smooth);
    }

    /** The global hour-of-day baseline: one rate per local hour, nothing else. */
    public static ResponseModelSettings hourOfDayBaseline() {
        return new ResponseModelSettings(false, false, false, false, DEFAULT_CUSTOMER_PRIOR_STRENGTH);
    }

    /** Every level on, with the given customer prior strength. */
    public static ResponseModelSettings full(double customerPriorStrength) {
        return new ResponseModelSettings(true, true, true, true, customerPriorStrength);
    }

    /**
     * The candidates model selection compares, from the baseline up to the full model with each customer
     * prior strength of {@link #CUSTOMER_STRENGTH_GRID}, and the full model with the default strength and
     * neighbouring-hour smoothing.
     */
    public static List<ResponseModelSettings> candidates() {
        List<ResponseModelSettings> list = new ArrayList<>();
        double k = DEFAULT_CUSTOMER_PRIOR_STRENGTH;
        list.add(hourOfDayBaseline());
        list.add(new ResponseModelSettings(true, false, false, false, k));
        list.add(new ResponseModelSettings(true, true, false, false, k));
        list.add(new ResponseModelSettings(true, true, true, false, k));
        for (double strength : CUSTOMER_STRENGTH_GRID) {
            list.add(new ResponseModelSettings(true, false, false, true, strength));
            list.add(full(strength));
        }
        // One smoothed candidate only: every candidate costs a pass over the held-out customers in training,
        // and the smoothing barely moves the held-out log-loss at any k (it is about hours the log lacks).
        list.add(full(k).withSmoothHours(true));
        return List.copyOf(list);
    }

    /** A short name such as {@code hour+channel+segment+weekday+customer(k=10)}. */
    public String describe() {
        StringBuilder name = new StringBuilder("hour");
        if (byChannel) {
            name.append("+channel");
        }
        if (bySegment) {
            name.append("+segment");
        }
        if (byDayOfWeek) {
            name.append("+weekday");
        }
        if (smoothHours) {
            name.append("+smooth");
        }
        if (perCustomer) {
            name.append("+customer(k=").append(formatStrength(customerPriorStrength)).append(')');
        }
        return name.toString();
    }

    private static String formatStrength(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}

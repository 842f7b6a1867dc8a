package io.paysignal.core.response;

import io.paysignal.core.history.Channel;
import io.paysignal.core.history.Contact;
import io.paysignal.core.history.Customer;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The response model for one customer at decision time: the population probability times three lifts
 * learned from the customer's own contacts,
 * <pre>
 *   p(c, h, w) = prior(c, h, w) x A x C(c) x H(h)
 * </pre>
 * an overall lift A, a channel lift C and a local-hour lift H. Each lift is the customer's reached count over
 * the count expected given the population prior and the other two lifts, shrunk toward 1 with {@code k}
 * pseudo-contacts ({@link ResponseModelSettings#customerPriorStrength()}):
 * {@code A = (R + k) / (E + k)}, and likewise per channel and per hour. The three are fitted jointly by a few
 * rounds of backfitting, so evidence explained by one lift is not counted again by another (a customer
 * contacted only by phone does not get both a high overall and a high phone lift from the same calls).
 *
 * <p>Hour counts are smoothed over neighbouring hours (weights 1, 1/2, 1/4 at distance 0, 1, 2 on the 24-hour
 * circle), because a customer who answers at 19:00 is likely to answer at 18:00 too; hours pool all channels,
 * as being free at an hour is a property of the person. Without contacts, or when the model has no customer
 * level, every lift is 1 and the customer gets the population probability.
 */
public final class CustomerResponse {

    private static final double[] HOUR_KERNEL = {1.0, 0.5, 0.25};
    /** Backfitting rounds; the lifts change by well under 1% after the third on real-sized records. */
    private static final int BACKFITTING_ROUNDS = 5;

    private final ResponseModel model;
    private final Customer customer;
    private final int evidence;
    private final long evidenceReached;
    private final double overallLift;
    private final double[] channelLift = new double[Channel.values().length];
    private final double[] hourLift = new double[24];
    /**
     * The population rates and day-of-week lifts for this customer's segment, resolved once per customer and
     * held by channel ordinal (see probability): a lookup per slot in the model's immutable maps cost more than
     * the arithmetic it feeds.
     */
    private final List<Double>[] segmentHourRates;
    private final List<Double>[] segmentDayLifts;

    CustomerResponse(ResponseModel model, Customer customer, List<Contact> knownContacts) {
        if (model == null || customer == null || knownContacts == null) {
            throw new IllegalArgumentException("model, customer and contacts are required");
        }
        this.model = model;
        this.customer = customer;
        String segment = customer.segment();
        Map<Channel, List<Double>> rates = segment == null ? null : model.segmentHourRates().get(segment);
        this.segmentHourRates = byOrdinal(rates != null ? rates : model.hourRates());
        Map<Channel, List<Double>> days = segment == null ? null : model.segmentDayOfWeekLift().get(segment);
        this.segmentDayLifts = byOrdinal(days != null ? days : model.dayOfWeekLift());
        List<Contact> used = model.settings().perCustomer() ? knownContacts : List.of();
        int n = used.size();
        double[] prior = new double[n];
        int[] channelOf = new int[n];
        int[] hourOf = new int[n];
        double[] hit = new double[n];
        long reachedCount = 0;
        for (int i = 0; i < n; i++) {
            Contact contact = used.get(i);
            ZonedDateTime local = contact.contactTime().atZone(customer.timezone());
            prior[i] = model.populationProbability(customer.segment(), contact.channel(), local.getHour(),
                    local.getDayOfWeek());
            channelOf[i] = contact.channel().ordinal();
            hourOf[i] = local.getHour();
            hit[i] = contact.outcome().reachedCustomer() ? 1 : 0;
            reachedCount += (long) hit[i];
        }
        this.evidence = n;
        this.evidenceReached = reachedCount;
        Arrays.fill(channelLift, 1);
        Arrays.fill(hourLift, 1);
        this.overallLift = n == 0 ? 1 : backfit(model.settings().customerPriorStrength(), prior, channelOf, hourOf,
                hit);
    }

    /** The map's list of each channel at the channel's ordinal (the model's maps hold every channel). */
    @SuppressWarnings("unchecked")
    private static List<Double>[] byOrdinal(Map<Channel, List<Double>> byChannel) {
        Channel[] channels = Channel.values();
        List<Double>[] lists = new List[channels.length];
        for (Channel channel : channels) {
            lists[channel.ordinal()] = byChannel.get(channel);
        }
        return lists;
    }

    /** Fits the channel and hour lifts in place (starting from 1) and returns the overall lift. */
    private double backfit(double k, double[] prior, int[] channelOf, int[] hourOf, double[] hit) {
        double overall = 1;
        for (int round = 0; round < BACKFITTING_ROUNDS; round++) {
            double reached = 0;
            double expected = 0;
            for (int i = 0; i < prior.length; i++) {
                reached += hit[i];
                expected += prior[i] * channelLift[channelOf[i]] * hourLift[hourOf[i]];
            }
            overall = (reached + k) / (expected + k);

            double[] channelReached = new double[channelLift.length];
            double[] channelExpected = new double[channelLift.length];
            for (int i = 0; i < prior.length; i++) {
                channelReached[channelOf[i]] += hit[i];
                channelExpected[channelOf[i]] += prior[i] * overall * hourLift[hourOf[i]];
            }
            for (int c = 0; c < channelLift.length; c++) {
                channelLift[c] = (channelReached[c] + k) / (channelExpected[c] + k);
            }

            double[] hourReached = new double[24];
            double[] hourExpected = new double[24];
            for (int i = 0; i < prior.length; i++) {
                double expectedHere = prior[i] * overall * channelLift[channelOf[i]];
                for (int distance = 1 - HOUR_KERNEL.length; distance < HOUR_KERNEL.length; distance++) {
                    int hour = Math.floorMod(hourOf[i] + distance, 24);
                    double weight = HOUR_KERNEL[Math.abs(distance)];
                    hourReached[hour] += weight * hit[i];
                    hourExpected[hour] += weight * expectedHere;
                }
            }
            for (int h = 0; h < 24; h++) {
                hourLift[h] = (hourReached[h] + k) / (hourExpected[h] + k);
            }
        }
        return overall;
    }

    /** The probability that a contact on {@code channel} at {@code at} reaches this customer. */
    public double probability(Channel channel, Instant at) {
        return probability(channel, at.atZone(customer.timezone()));
    }

    /**
     * The same estimate for an instant already converted to the customer's zone (callers that also need the
     * local time for other checks convert once).
     *
     * @throws IllegalArgumentException when {@code local} is not in the customer's zone
     */
    public double probability(Channel channel, ZonedDateTime local) {
        if (local.getZone() != customer.timezone() && !local.getZone().equals(customer.timezone())) {
            throw new IllegalArgumentException("local time " + local + " is not in the customer's zone "
                    + customer.timezone());
        }
        // ResponseModel.populationProbability(segment, channel, hour, day) with the segment's lists looked up
        // once per customer: the same lists, the same product, the same clip.
        int hour = local.getHour();
        int c = channel.ordinal();
        double prior = ResponseModel.clip(segmentHourRates[c].get(hour)
                * segmentDayLifts[c].get(local.getDayOfWeek().getValue() - 1));
        return ResponseModel.clip(prior * overallLift * channelLift[channel.ordinal()] * hourLift[hour]);
    }

    /** Contacts of this customer the estimate used (0 when the model has no customer level). */
    public int evidenceContacts() {
        return evidence;
    }

    /** Of those, how many reached the customer. */
    public long evidenceReached() {
        return evidenceReached;
    }

    /** The customer this estimate is for. */
    public Customer customer() {
        return customer;
    }
}

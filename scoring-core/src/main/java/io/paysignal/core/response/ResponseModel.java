package io.paysignal.core.response;

import io.paysignal.core.history.Channel;
import io.paysignal.core.history.Contact;
import io.paysignal.core.history.Customer;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fitted population part of the response model: for segment s, channel c, local hour h and weekday w,
 * {@code prior = rate(s, c, h) x lift(s, c, w)}, where every rate is shrunk toward its parent by empirical
 * Bayes (global -&gt; channel -&gt; channel x hour -&gt; segment x channel x hour) and so is every weekday lift
 * (channel x weekday -&gt; segment x weekday, all channels together -&gt; segment x channel x weekday). Segments
 * can answer on opposite days (businesses on weekdays, consumers at weekends), so one weekday lift per
 * channel would be wrong for both; a channel a segment was never contacted on at some weekday takes the
 * segment's weekday pattern from its other channels. Levels switched off in {@link #settings()} collapse onto
 * their parent. {@link #forCustomer} adds the customer's own record at decision time.
 *
 * <p>A plain record of maps and lists, so it is stored in the model bundle as JSON and read back unchanged.
 *
 * @param settings the structure fitted
 * @param attempts contacts the fit saw
 * @param reached of those, how many reached the customer
 * @param globalRate the smoothed overall rate {@code (reached + 1) / (attempts + 2)}
 * @param hourRates per channel, 24 rates by local hour (identical lists when not {@code byChannel})
 * @param dayOfWeekLift per channel, 7 multipliers Monday first (all 1 when not {@code byDayOfWeek})
 * @param segmentHourRates per segment seen in training, per channel, 24 rates (empty when not {@code bySegment})
 * @param strengths the prior concentrations the fit estimated per level
 * @param segmentDayOfWeekLift per segment seen in training, per channel, 7 multipliers Monday first, relative
 *                             to the segment's hour rates; empty when not both {@code bySegment} and
 *                             {@code byDayOfWeek} (then {@code dayOfWeekLift} applies to every segment)
 */
public record ResponseModel(
        ResponseModelSettings settings,
        long attempts,
        long reached,
        double globalRate,
        Map<Channel, List<Double>> hourRates,
        Map<Channel, List<Double>> dayOfWeekLift,
        Map<String, Map<Channel, List<Double>>> segmentHourRates,
        ShrinkageStrengths strengths,
        Map<String, Map<Channel, List<Double>>> segmentDayOfWeekLift) implements Serializable {

    /** Probabilities are kept inside [MIN, 1 - MIN] so that log-loss stays finite and lifts stay bounded. */
    static final double MIN_PROBABILITY = 1e-4;
    /** Weights of hours at distance 0, 1 and 2 when smoothing population hour rates (the customer level's too). */
    private static final double[] NEIGHBOUR_WEIGHTS = {1.0, 0.5, 0.25};
    private static final Channel[] CHANNELS = Channel.values();

    public ResponseModel {
        if (settings == null || strengths == null) {
            throw new IllegalArgumentException("settings and strengths are required");
        }
        if (attempts < 0 || reached < 0 || reached > attempts) {
            throw new IllegalArgumentException("need 0 <= reached <= attempts");
        }
        checkRate(globalRate, "globalRate");
        hourRates = copyChannelLists(hourRates, 24, "hourRates", true);
        dayOfWeekLift = copyChannelLists(dayOfWeekLift, 7, "dayOfWeekLift", false);
        Map<String, Map<Channel, List<Double>>> segments = new TreeMap<>();
        if (segmentHourRates != null) {
            segmentHourRates.forEach((segment, rates) ->
                    segments.put(segment, copyChannelLists(rates, 24, "segmentHourRates." + segment, true)));
        }
        segmentHourRates = Map.copyOf(segments);
        Map<String, Map<Channel, List<Double>>> segmentDays = new TreeMap<>();
        if (segmentDayOfWeekLift != null) {
            segmentDayOfWeekLift.forEach((segment, lifts) ->
                    segmentDays.put(segment, copyChannelLists(lifts, 7, "segmentDayOfWeekLift." + segment, false)));
        }
        segmentDayOfWeekLift = Map.copyOf(segmentDays);
    }

    /** A model without segment x weekday lifts (as stored before that level existed). */
    public ResponseModel(ResponseModelSettings settings, long attempts, long reached, double globalRate,
                         Map<Channel, List<Double>> hourRates, Map<Channel, List<Double>> dayOfWeekLift,
                         Map<String, Map<Channel, List<Double>>> segmentHourRates, ShrinkageStrengths strengths) {
        this(settings, attempts, reached, globalRate, hourRates, dayOfWeekLift, segmentHourRates, strengths, Map.of());
    }

    /**
     * Fits the population rates from aggregated observations (cells may repeat; they are summed). With no
     * observations at all every rate is 1/2: the planner then ranks slots by preference and time alone.
     */
    public static ResponseModel fit(Collection<ResponseObservation> observations, ResponseModelSettings settings) {
        if (observations == null || settings == null) {
            throw new IllegalArgumentException("observations and settings are required");
        }
        int groups = settings.byChannel() ? CHANNELS.length : 1;
        double[][] hourN = new double[groups][24];
        double[][] hourR = new double[groups][24];
        double[][] dayN = new double[groups][7];
        double[][] dayR = new double[groups][7];
        Map<String, double[][][]> segmentCounts = new TreeMap<>();
        long totalN = 0;
        long totalR = 0;
        for (ResponseObservation observation : observations) {
            int g = settings.byChannel() ? observation.channel().ordinal() : 0;
            int h = observation.localHour();
            int w = observation.dayOfWeek().getValue() - 1;
            hourN[g][h] += observation.attempts();
            hourR[g][h] += observation.reached();
            dayN[g][w] += observation.attempts();
            dayR[g][w] += observation.reached();
            if (settings.bySegment()) {
                double[][][] counts = segmentCounts.computeIfAbsent(observation.segment(),
                        s -> new double[2][groups][24]);
                counts[0][g][h] += observation.attempts();
                counts[1][g][h] += observation.reached();
            }
            totalN += observation.attempts();
            totalR += observation.reached();
        }
        double global = (totalR + 1.0) / (totalN + 2.0);

        // Channel level, toward the global rate.
        double[] groupN = new double[groups];
        double[] groupR = new double[groups];
        for (int g = 0; g < groups; g++) {
            groupN[g] = sum(hourN[g]);
            groupR[g] = sum(hourR[g]);
        }
        double channelStrength = BetaShrinkage.strength(groupR, groupN, filled(groups, global));
        double[] groupRate = new double[groups];
        for (int g = 0; g < groups; g++) {
            groupRate[g] = BetaShrinkage.shrink(groupR[g], groupN[g], global, channelStrength);
        }

        // Hour level, toward the channel (or, smoothing, toward the neighbouring hours of the channel).
        double hourStrength = BetaShrinkage.strength(flatten(hourR), flatten(hourN), repeatEach(groupRate, 24));
        double[][] hourParents = new double[groups][];
        for (int g = 0; g < groups; g++) {
            hourParents[g] = settings.smoothesHours()
                    ? neighbourRates(hourR[g], hourN[g], filled(24, groupRate[g]), hourStrength)
                    : filled(24, groupRate[g]);
        }
        if (settings.smoothesHours()) {
            hourStrength = BetaShrinkage.strength(flatten(hourR), flatten(hourN), flatten(hourParents));
        }
        double[][] groupHourRate = new double[groups][24];
        for (int g = 0; g < groups; g++) {
            for (int h = 0; h < 24; h++) {
                groupHourRate[g][h] = BetaShrinkage.shrink(hourR[g][h], hourN[g][h], hourParents[g][h], hourStrength);
            }
        }

        // Weekday lift, toward no lift.
        double dayStrength = settings.byDayOfWeek()
                ? BetaShrinkage.strength(flatten(dayR), flatten(dayN), repeatEach(groupRate, 7))
                : BetaShrinkage.DEFAULT_STRENGTH;
        double[][] groupDayLift = new double[groups][7];
        for (int g = 0; g < groups; g++) {
            for (int w = 0; w < 7; w++) {
                groupDayLift[g][w] = settings.byDayOfWeek()
                        ? BetaShrinkage.shrink(dayR[g][w], dayN[g][w], groupRate[g], dayStrength) / groupRate[g]
                        : 1.0;
            }
        }

        // Segment level, toward the population's channel x hour rate.
        double segmentStrength = BetaShrinkage.DEFAULT_STRENGTH;
        Map<String, Map<Channel, List<Double>>> segmentRates = new HashMap<>();
        Map<String, double[][]> segmentHourRateArrays = new HashMap<>();
        if (settings.bySegment() && !segmentCounts.isEmpty()) {
            List<double[]> n = new ArrayList<>();
            List<double[]> r = new ArrayList<>();
            List<double[]> parents = new ArrayList<>();
            for (double[][][] counts : segmentCounts.values()) {
                for (int g = 0; g < groups; g++) {
                    n.add(counts[0][g]);
                    r.add(counts[1][g]);
                    parents.add(groupHourRate[g]);
                }
            }
            segmentStrength = BetaShrinkage.strength(flatten(r.toArray(double[][]::new)),
                    flatten(n.toArray(double[][]::new)), flatten(parents.toArray(double[][]::new)));
            if (settings.smoothesHours()) {
                // Each segment hour borrows from the segment's neighbouring hours, themselves shrunk toward the
                // population's rates: a segment's peak is wider than one hour, and wider than nothing.
                for (int i = 0; i < parents.size(); i++) {
                    parents.set(i, neighbourRates(r.get(i), n.get(i), parents.get(i), segmentStrength));
                }
                segmentStrength = BetaShrinkage.strength(flatten(r.toArray(double[][]::new)),
                        flatten(n.toArray(double[][]::new)), flatten(parents.toArray(double[][]::new)));
            }
            int row = 0;
            for (Map.Entry<String, double[][][]> entry : segmentCounts.entrySet()) {
                double[][][] counts = entry.getValue();
                double[][] rates = new double[groups][24];
                for (int g = 0; g < groups; g++) {
                    double[] parent = parents.get(row++);
                    for (int h = 0; h < 24; h++) {
                        rates[g][h] = BetaShrinkage.shrink(counts[1][g][h], counts[0][g][h], parent[h],
                                segmentStrength);
                    }
                }
                segmentRates.put(entry.getKey(), byChannel(rates, settings.byChannel()));
                segmentHourRateArrays.put(entry.getKey(), rates);
            }
        }
        SegmentWeekdays weekdays = settings.bySegment() && settings.byDayOfWeek() && !segmentHourRateArrays.isEmpty()
                ? SegmentWeekdays.fit(observations, settings.byChannel(), segmentHourRateArrays, groupDayLift)
                : null;
        Map<String, Map<Channel, List<Double>>> segmentDayLifts = new HashMap<>();
        if (weekdays != null) {
            weekdays.lifts().forEach((segment, lifts) ->
                    segmentDayLifts.put(segment, byChannel(lifts, settings.byChannel())));
        }
        return new ResponseModel(settings, totalN, totalR, global, byChannel(groupHourRate, settings.byChannel()),
                byChannel(groupDayLift, settings.byChannel()), segmentRates,
                new ShrinkageStrengths(channelStrength, hourStrength, dayStrength, segmentStrength,
                        weekdays == null ? null : weekdays.segmentStrength(),
                        weekdays == null ? null : weekdays.segmentChannelStrength()),
                segmentDayLifts);
    }

    /**
     * The population probability that a contact reaches a customer of {@code segment} on {@code channel} at
     * local {@code hour} on {@code dayOfWeek}. An unseen segment gets the population rate.
     */
    public double populationProbability(String segment, Channel channel, int hour, DayOfWeek dayOfWeek) {
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("hour must be in 0-23, was " + hour);
        }
        Map<Channel, List<Double>> segmentRates = segment == null ? null : segmentHourRates.get(segment);
        double rate = segmentRates != null ? segmentRates.get(channel).get(hour) : hourRates.get(channel).get(hour);
        Map<Channel, List<Double>> segmentDays = segment == null ? null : segmentDayOfWeekLift.get(segment);
        List<Double> lifts = segmentDays != null ? segmentDays.get(channel) : dayOfWeekLift.get(channel);
        return clip(rate * lifts.get(dayOfWeek.getValue() - 1));
    }

    /**
     * The model for one customer, given the contacts known to have been made to them (the caller passes only
     * contacts before the decision time). Without {@code perCustomer} the customer's record is ignored.
     */
    public CustomerResponse forCustomer(Customer customer, List<Contact> knownContacts) {
        return new CustomerResponse(this, customer, knownContacts);
    }

    static double clip(double probability) {
        return Math.max(MIN_PROBABILITY, Math.min(1 - MIN_PROBABILITY, probability));
    }

    private static Map<Channel, List<Double>> byChannel(double[][] perGroup, boolean separate) {
        Map<Channel, List<Double>> map = new EnumMap<>(Channel.class);
        for (Channel channel : CHANNELS) {
            double[] values = perGroup[separate ? channel.ordinal() : 0];
            List<Double> list = new ArrayList<>(values.length);
            for (double value : values) {
                list.add(value);
            }
            map.put(channel, list);
        }
        return map;
    }

    private static Map<Channel, List<Double>> copyChannelLists(Map<Channel, List<Double>> source, int size,
                                                               String name, boolean rates) {
        if (source == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        Map<Channel, List<Double>> copy = new EnumMap<>(Channel.class);
        for (Channel channel : CHANNELS) {
            List<Double> values = source.get(channel);
            if (values == null || values.size() != size) {
                throw new IllegalArgumentException(name + " needs " + size + " values for " + channel.wireName());
            }
            for (Double value : values) {
                if (rates) {
                    checkRate(value, name);
                } else if (value == null || !(value > 0) || Double.isInfinite(value)) {
                    throw new IllegalArgumentException(name + " values must be positive and finite");
                }
            }
            copy.put(channel, List.copyOf(values));
        }
        return Map.copyOf(copy);
    }

    private static void checkRate(Double value, String name) {
        if (value == null || !(value > 0 && value < 1)) {
            throw new IllegalArgumentException(name + " values must lie in (0, 1), was " + value);
        }
    }

    /**
     * Per hour, the rate of the neighbouring hours (weights 1/2 and 1/4 at distance 1 and 2 on the 24-hour
     * circle; the hour itself left out, so a cell is never its own prior), shrunk toward {@code base} with
     * {@code strength} pseudo-attempts. An hour nobody was contacted at, between hours that were, thus gets
     * its neighbours' rate instead of the flat parent's.
     */
    static double[] neighbourRates(double[] reached, double[] attempts, double[] base, double strength) {
        double[] rates = new double[24];
        for (int h = 0; h < 24; h++) {
            double r = 0;
            double n = 0;
            for (int distance = 1; distance < NEIGHBOUR_WEIGHTS.length; distance++) {
                for (int side : new int[] {-1, 1}) {
                    int hour = Math.floorMod(h + side * distance, 24);
                    r += NEIGHBOUR_WEIGHTS[distance] * reached[hour];
                    n += NEIGHBOUR_WEIGHTS[distance] * attempts[hour];
                }
            }
            rates[h] = BetaShrinkage.shrink(r, n, base[h], strength);
        }
        return rates;
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double value : values) {
            total += value;
        }
        return total;
    }

    private static double[] filled(int size, double value) {
        double[] array = new double[size];
        Arrays.fill(array, value);
        return array;
    }

    private static double[] repeatEach(double[] values, int times) {
        double[] array = new double[values.length * times];
        for (int i = 0; i < values.length; i++) {
            Arrays.fill(array, i * times, (i + 1) * times, values[i]);
        }
        return array;
    }

    private static double[] flatten(double[][] rows) {
        int length = 0;
        for (double[] row : rows) {
            length += row.length;
        }
        double[] flat = new double[length];
        int at = 0;
        for (double[] row : rows) {
            System.arraycopy(row, 0, flat, at, row.length);
            at += row.length;
        }
        return flat;
    }
}

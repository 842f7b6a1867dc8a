package io.paysignal.core.response;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The segment x weekday level of the response model. Every lift is the ratio of contacts reached to contacts
 * expected from the segment's channel x hour rates (so a weekday seen mostly at good hours is not credited with
 * the hours' effect), shrunk by empirical Bayes in two steps:
 * <ol>
 *   <li>segment x weekday, all channels together, toward the channel x weekday lifts: the segment's own weekly
 *       rhythm;</li>
 *   <li>segment x channel x weekday toward the segment x weekday lift: how one channel follows it.</li>
 * </ol>
 * A (segment, channel, weekday) never contacted gets the parent's lift, so a channel a segment was only ever
 * used on weekdays still learns the segment's weekend from its other channels.
 *
 * @param lifts per segment, per channel group, 7 lifts Monday first, relative to the segment's hour rates
 * @param segmentStrength the concentration of step 1
 * @param segmentChannelStrength the concentration of step 2
 */
record SegmentWeekdays(Map<String, double[][]> lifts, double segmentStrength, double segmentChannelStrength) {

    /**
     * Fits both steps.
     *
     * @param observations the cells the model is fitted on
     * @param byChannel whether channels are told apart (else one group)
     * @param segmentHourRates per segment, per channel group, the fitted 24 hour rates
     * @param channelDayLift per channel group, the fitted 7 weekday lifts (the parent of step 1)
     */
    static SegmentWeekdays fit(Collection<ResponseObservation> observations, boolean byChannel,
                               Map<String, double[][]> segmentHourRates, double[][] channelDayLift) {
        int groups = channelDayLift.length;
        Map<String, double[][][]> counts = new TreeMap<>();
        for (ResponseObservation observation : observations) {
            double[][] rates = segmentHourRates.get(observation.segment());
            if (rates == null) {
                continue;
            }
            int g = byChannel ? observation.channel().ordinal() : 0;
            int w = observation.dayOfWeek().getValue() - 1;
            double[][][] cell = counts.computeIfAbsent(observation.segment(), s -> new double[3][groups][7]);
            cell[0][g][w] += observation.attempts();
            cell[1][g][w] += observation.reached();
            cell[2][g][w] += observation.attempts() * rates[g][observation.localHour()];
        }

        // Step 1: segment x weekday over all channels, toward what the channel x weekday lifts predict.
        List<double[]> stepOne = new ArrayList<>();
        Map<String, double[]> segmentLift = new TreeMap<>();
        for (Map.Entry<String, double[][][]> entry : counts.entrySet()) {
            double[][][] c = entry.getValue();
            for (int w = 0; w < 7; w++) {
                double n = 0;
                double r = 0;
                double predicted = 0;
                for (int g = 0; g < groups; g++) {
                    n += c[0][g][w];
                    r += c[1][g][w];
                    predicted += c[2][g][w] * channelDayLift[g][w];
                }
                stepOne.add(new double[] {r, n, n > 0 ? ResponseModel.clip(predicted / n) : 0});
            }
        }
        double strengthOne = strength(stepOne);
        int row = 0;
        for (Map.Entry<String, double[][][]> entry : counts.entrySet()) {
            double[] lift = new double[7];
            for (int w = 0; w < 7; w++) {
                double[] cell = stepOne.get(row++);
                lift[w] = cell[1] > 0 ? BetaShrinkage.shrink(cell[0], cell[1], cell[2], strengthOne) / cell[2] : 1;
            }
            segmentLift.put(entry.getKey(), lift);
        }

        // Step 2: segment x channel x weekday, toward the channel's lift times the segment's deviation.
        List<double[]> stepTwo = new ArrayList<>();
        for (Map.Entry<String, double[][][]> entry : counts.entrySet()) {
            double[][][] c = entry.getValue();
            for (int g = 0; g < groups; g++) {
                for (int w = 0; w < 7; w++) {
                    double n = c[0][g][w];
                    double parent = n > 0 ? ResponseModel.clip(c[2][g][w] / n * channelDayLift[g][w]
                            * segmentLift.get(entry.getKey())[w]) : 0;
                    stepTwo.add(new double[] {c[1][g][w], n, parent});
                }
            }
        }
        double strengthTwo = strength(stepTwo);
        Map<String, double[][]> lifts = new TreeMap<>();
        row = 0;
        for (Map.Entry<String, double[][][]> entry : counts.entrySet()) {
            double[][][] c = entry.getValue();
            double[][] lift = new double[groups][7];
            for (int g = 0; g < groups; g++) {
                for (int w = 0; w < 7; w++) {
                    double[] cell = stepTwo.get(row++);
                    double parentLift = channelDayLift[g][w] * segmentLift.get(entry.getKey())[w];
                    lift[g][w] = cell[1] > 0
                            ? BetaShrinkage.shrink(cell[0], cell[1], cell[2], strengthTwo) / (c[2][g][w] / cell[1])
                            : parentLift;
                }
            }
            lifts.put(entry.getKey(), lift);
        }
        return new SegmentWeekdays(lifts, strengthOne, strengthTwo);
    }

    private static double strength(List<double[]> cells) {
        double[] reached = new double[cells.size()];
        double[] attempts = new double[cells.size()];
        double[] parents = new double[cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            reached[i] = cells.get(i)[0];
            attempts[i] = cells.get(i)[1];
            parents[i] = cells.get(i)[2];
        }
        return BetaShrinkage.strength(reached, attempts, parents);
    }
}

package io.paysignal.core.replay;

import io.paysignal.core.history.Channel;
import io.paysignal.core.response.ResponseObservation;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The baseline an outreach planner must beat clearly: for each segment, rank the (channel, local hour) cells by
 * their historical reach rate (reached / attempts over contacts before T, weekdays pooled) and contact every
 * customer of the segment in the best cell the action and the rules allow, on the first day it is allowed.
 * Cells with fewer than {@code minAttempts} attempts are not ranked: a cell of three lucky calls is noise.
 * A segment with no ranked cell uses the ranking of all segments together.
 *
 * @param bySegment per segment, ranked cells, best first
 * @param overall ranked cells of all segments together, best first
 * @param minAttempts attempts a cell needs to be ranked
 */
public record SegmentBestHours(Map<String, List<Cell>> bySegment, List<Cell> overall, long minAttempts)
        implements Serializable {

    /** Attempts a cell needs to be ranked by default. */
    public static final long DEFAULT_MIN_ATTEMPTS = 30;

    /**
     * One (channel, local hour) cell and its record.
     *
     * @param channel the channel
     * @param localHour local hour, 0-23
     * @param attempts contacts made
     * @param reached of those, how many reached the customer
     */
    public record Cell(Channel channel, int localHour, long attempts, long reached) implements Serializable {

        public Cell {
            if (channel == null || localHour < 0 || localHour > 23 || attempts < 1 || reached < 0
                    || reached > attempts) {
                throw new IllegalArgumentException("need a channel, an hour in 0-23 and 0 <= reached <= attempts >= 1");
            }
        }

        /** The historical reach rate. */
        public double rate() {
            return (double) reached / attempts;
        }
    }

    /** Best rate first; then more attempts, channel order and the earlier hour, so the order is total. */
    private static final Comparator<Cell> BEST_FIRST = Comparator.comparingDouble(Cell::rate).reversed()
            .thenComparing(Comparator.comparingLong(Cell::attempts).reversed())
            .thenComparing(Cell::channel)
            .thenComparingInt(Cell::localHour);

    public SegmentBestHours {
        if (bySegment == null || overall == null || minAttempts < 1) {
            throw new IllegalArgumentException("bySegment, overall and minAttempts >= 1 are required");
        }
        Map<String, List<Cell>> copy = new TreeMap<>();
        bySegment.forEach((segment, cells) -> copy.put(segment, List.copyOf(cells)));
        bySegment = Collections.unmodifiableMap(copy);
        overall = List.copyOf(overall);
    }

    /** Ranks the cells of {@code observations} (contacts before T, aggregated per segment x channel x hour x weekday). */
    public static SegmentBestHours fit(Collection<ResponseObservation> observations, long minAttempts) {
        if (observations == null || minAttempts < 1) {
            throw new IllegalArgumentException("observations and minAttempts >= 1 are required");
        }
        Map<String, long[][]> segmentCounts = new TreeMap<>();
        long[][] overallCounts = new long[2][Channel.values().length * 24];
        for (ResponseObservation observation : observations) {
            int cell = observation.channel().ordinal() * 24 + observation.localHour();
            long[][] counts = segmentCounts.computeIfAbsent(observation.segment(),
                    s -> new long[2][Channel.values().length * 24]);
            counts[0][cell] += observation.attempts();
            counts[1][cell] += observation.reached();
            overallCounts[0][cell] += observation.attempts();
            overallCounts[1][cell] += observation.reached();
        }
        Map<String, List<Cell>> ranked = new TreeMap<>();
        segmentCounts.forEach((segment, counts) -> ranked.put(segment, rank(counts, minAttempts)));
        return new SegmentBestHours(ranked, rank(overallCounts, minAttempts), minAttempts);
    }

    /** The ranked cells that apply to {@code segment}: its own, or all segments' when it has none. */
    public List<Cell> ranking(String segment) {
        List<Cell> own = bySegment.get(segment);
        return own == null || own.isEmpty() ? overall : own;
    }

    /**
     * The heuristic's contact for a customer of {@code segment}: the best-ranked cell with an allowed slot, at
     * its first allowed day. Empty when no ranked cell has one (the heuristic then has nothing to say).
     */
    public Optional<CandidateSlot> place(String segment, AllowedSlots allowed) {
        for (Cell cell : ranking(segment)) {
            Optional<CandidateSlot> slot = allowed.firstAt(cell.channel(), cell.localHour());
            if (slot.isPresent()) {
                return slot;
            }
        }
        return Optional.empty();
    }

    private static List<Cell> rank(long[][] counts, long minAttempts) {
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < counts[0].length; i++) {
            if (counts[0][i] >= minAttempts) {
                cells.add(new Cell(Channel.values()[i / 24], i % 24, counts[0][i], counts[1][i]));
            }
        }
        cells.sort(BEST_FIRST);
        return cells;
    }
}

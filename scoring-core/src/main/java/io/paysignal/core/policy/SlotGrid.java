package io.paysignal.core.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Every candidate slot of {@link OutreachPlanner#slots} for one zone and one first local date, before the
 * cut at the earliest instant: the instants of {@code windowStart + n hours} before {@code windowEnd} on each of
 * {@code horizonDays} local days from {@code firstDate}, sorted and distinct, with each instant's local time in
 * the zone and its local epoch day. Immutable (the arrays are never written after construction).
 *
 * <p>Why a cached grid answers exactly as building the slots per decision did: the planner's slots for
 * {@code earliest} are {@code {s in S : s >= earliest}} sorted and distinct, where {@code S} is built from the
 * zone, the configuration's window and horizon and the local date of {@code earliest} only. Filtering commutes
 * with sorting and removing duplicates, so that list is the suffix of this grid from the first instant at or
 * after {@code earliest} ({@link #firstAtOrAfter}). The local times and epoch days are
 * {@code instant.atZone(zone)} and its {@code toLocalDate().toEpochDay()}: pure functions of the instant and the
 * zone, the same values the checker and the response model computed per slot; the local texts are the
 * planner's format of those local times, which prints local fields only (no zone or offset), so it gives the
 * same text for {@code instant.atZone(customerZone)} as for the grid's equal zone.
 */
final class SlotGrid {

    private final ZoneId zone;
    private final Instant[] instants;
    private final ZonedDateTime[] locals;
    private final long[] localEpochDays;
    private final String[] localTexts;

    private SlotGrid(ZoneId zone, Instant[] instants, DateTimeFormatter localFormat) {
        this.zone = zone;
        this.instants = instants;
        this.locals = new ZonedDateTime[instants.length];
        this.localEpochDays = new long[instants.length];
        this.localTexts = new String[instants.length];
        for (int i = 0; i < instants.length; i++) {
            locals[i] = instants[i].atZone(zone);
            localEpochDays[i] = locals[i].toLocalDate().toEpochDay();
            localTexts[i] = localFormat.format(locals[i]);
        }
    }

    /** The grid of {@code horizonDays} local days from {@code firstDate} in {@code zone}. */
    static SlotGrid build(ZoneId zone, LocalDate firstDate, LocalTime windowStart, LocalTime windowEnd,
                          int horizonDays, DateTimeFormatter localFormat) {
        int startMinute = windowStart.toSecondOfDay() / 60;
        int endMinute = windowEnd.toSecondOfDay() / 60;
        TreeSet<Instant> slots = new TreeSet<>();
        for (int day = 0; day < horizonDays; day++) {
            LocalDate date = firstDate.plusDays(day);
            for (int minute = startMinute; minute < endMinute; minute += 60) {
                slots.add(ZonedDateTime.of(date, LocalTime.ofSecondOfDay(minute * 60L), zone).toInstant());
            }
        }
        return new SlotGrid(zone, slots.toArray(new Instant[0]), localFormat);
    }

    ZoneId zone() {
        return zone;
    }

    int size() {
        return instants.length;
    }

    Instant instant(int i) {
        return instants[i];
    }

    ZonedDateTime local(int i) {
        return locals[i];
    }

    long localEpochDay(int i) {
        return localEpochDays[i];
    }

    /** The local time as the planner's explanations print it (a format of local fields only). */
    String localText(int i) {
        return localTexts[i];
    }

    /** Index of the first slot at or after {@code earliest} ({@link #size()} when none). */
    int firstAtOrAfter(Instant earliest) {
        int low = 0;
        int high = instants.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (instants[mid].isBefore(earliest)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /**
     * Grids of one planner's configuration by (zone, first local date): a bounded concurrent cache of immutable
     * values. A value is a pure function of its key and the configuration, so a racing rebuild or an eviction
     * can only cost time, never change an answer. When full it is emptied: serving needs one or two dates per
     * zone in use, a batch run one date per zone; a grid of the default window and horizon (91 slots) holds
     * about 20 KB, so a full cache about 20 MB.
     */
    static final class Cache {

        static final int MAX_ENTRIES = 1024;

        private final LocalTime windowStart;
        private final LocalTime windowEnd;
        private final int horizonDays;
        private final DateTimeFormatter localFormat;
        private final ConcurrentMap<Key, SlotGrid> grids = new ConcurrentHashMap<>();

        Cache(LocalTime windowStart, LocalTime windowEnd, int horizonDays, DateTimeFormatter localFormat) {
            this.windowStart = Objects.requireNonNull(windowStart);
            this.windowEnd = Objects.requireNonNull(windowEnd);
            this.horizonDays = horizonDays;
            this.localFormat = Objects.requireNonNull(localFormat);
        }

        /** The grid for decisions with outreach from {@code earliest} in {@code zone}. */
        SlotGrid forEarliest(ZoneId zone, Instant earliest) {
            Key key = new Key(zone, earliest.atZone(zone).toLocalDate());
            SlotGrid grid = grids.get(key);
            if (grid == null) {
                grid = build(zone, key.firstDate(), windowStart, windowEnd, horizonDays, localFormat);
                if (grids.size() >= MAX_ENTRIES) {
                    grids.clear();
                }
                grids.putIfAbsent(key, grid);
            }
            return grid;
        }

        int size() {
            return grids.size();
        }

        private record Key(ZoneId zone, LocalDate firstDate) {
        }
    }
}

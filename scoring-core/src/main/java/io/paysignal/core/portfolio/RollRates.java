package io.paysignal.core.portfolio;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Month-over-month roll rates between DPD buckets: of the customers in bucket {@code from} at the start of the
 * period, the share in bucket {@code to} at its end. Rates are given by customers and by start balance (the
 * share of the money in {@code from} that moved to {@code to}). The customers counted are those with an invoice
 * issued by the start of the period; a customer with nothing past due is {@link DpdBucket#CURRENT}.
 *
 * @param period the period the moves happened over
 * @param cells one cell per (from, to) pair that happened, merged and ordered by from then to
 */
public record RollRates(ReportingPeriod period, List<RollRateCell> cells) {

    public RollRates {
        if (period == null) {
            throw new IllegalArgumentException("period is required");
        }
        cells = merged(cells);
    }

    /** Roll rates from any number of (possibly repeated) cells. */
    public static RollRates of(ReportingPeriod period, Collection<RollRateCell> cells) {
        return new RollRates(period, List.copyOf(cells));
    }

    /** Customers counted in {@code from} at the start. */
    public long customersFrom(DpdBucket from) {
        return cells.stream().filter(c -> c.from() == from).mapToLong(RollRateCell::customers).sum();
    }

    /** Customers that moved from {@code from} to {@code to}. */
    public long customers(DpdBucket from, DpdBucket to) {
        return cells.stream().filter(c -> c.from() == from && c.to() == to).mapToLong(RollRateCell::customers).sum();
    }

    /** Share of the customers in {@code from} at the start that are in {@code to} at the end; empty when none were in {@code from}. */
    public OptionalDouble rate(DpdBucket from, DpdBucket to) {
        long base = customersFrom(from);
        return base == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) customers(from, to) / base);
    }

    /**
     * Share of the start balance in {@code from} held by customers who are in {@code to} at the end; empty when
     * {@code from} held no balance.
     */
    public OptionalDouble balanceRate(DpdBucket from, DpdBucket to) {
        double base = cells.stream().filter(c -> c.from() == from).mapToDouble(RollRateCell::startBalance).sum();
        if (!(base > 0)) {
            return OptionalDouble.empty();
        }
        double moved = cells.stream().filter(c -> c.from() == from && c.to() == to)
                .mapToDouble(RollRateCell::startBalance).sum();
        return OptionalDouble.of(moved / base);
    }

    /** Share of the customers in {@code from} that ended in a worse bucket (the classic roll-forward rate). */
    public OptionalDouble rollForwardRate(DpdBucket from) {
        long base = customersFrom(from);
        if (base == 0) {
            return OptionalDouble.empty();
        }
        long worse = cells.stream().filter(c -> c.from() == from && c.to().isWorseThan(from))
                .mapToLong(RollRateCell::customers).sum();
        return OptionalDouble.of((double) worse / base);
    }

    /** Share of the customers in {@code from} that ended {@link DpdBucket#CURRENT} (cured). */
    public OptionalDouble cureRate(DpdBucket from) {
        return rate(from, DpdBucket.CURRENT);
    }

    private static List<RollRateCell> merged(List<RollRateCell> cells) {
        Map<DpdBucket, Map<DpdBucket, RollRateCell>> byMove = new EnumMap<>(DpdBucket.class);
        for (RollRateCell cell : cells == null ? List.<RollRateCell>of() : cells) {
            if (cell == null) {
                throw new IllegalArgumentException("cells must not contain null");
            }
            byMove.computeIfAbsent(cell.from(), f -> new EnumMap<>(DpdBucket.class))
                    .merge(cell.to(), cell, RollRateCell::plus);
        }
        List<RollRateCell> result = new ArrayList<>();
        byMove.values().forEach(row -> result.addAll(row.values()));
        result.sort(Comparator.comparing(RollRateCell::from).thenComparing(RollRateCell::to));
        return List.copyOf(result);
    }
}

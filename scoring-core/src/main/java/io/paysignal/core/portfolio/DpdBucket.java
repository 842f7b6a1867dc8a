package io.paysignal.core.portfolio;

import java.util.Locale;
import java.util.Optional;

/**
 * Days-past-due buckets of collections reporting. A customer's bucket on a day is that of its worst
 * (highest DPD) unsettled invoice; a customer with nothing past due is {@link #CURRENT}. Constants are
 * declared from the best to the worst, so {@link #isWorseThan} follows declaration order.
 */
public enum DpdBucket {
    /** Nothing past due (DPD 0). */
    CURRENT("current", 0, 0),
    /** 1 to 30 days past due. */
    DPD_1_30("1-30", 1, 30),
    /** 31 to 60 days past due. */
    DPD_31_60("31-60", 31, 60),
    /** 61 to 90 days past due. */
    DPD_61_90("61-90", 61, 90),
    /** More than 90 days past due (91 or more). */
    DPD_90_PLUS("90+", 91, Long.MAX_VALUE);

    private final String wireName;
    private final long minDays;
    private final long maxDays;

    DpdBucket(String wireName, long minDays, long maxDays) {
        this.wireName = wireName;
        this.minDays = minDays;
        this.maxDays = maxDays;
    }

    /** The bucket holding {@code daysPastDue} (at least 0). */
    public static DpdBucket of(long daysPastDue) {
        if (daysPastDue < 0) {
            throw new IllegalArgumentException("days past due are never negative, was " + daysPastDue);
        }
        for (DpdBucket bucket : values()) {
            if (daysPastDue <= bucket.maxDays) {
                return bucket;
            }
        }
        throw new AssertionError("the last bucket is unbounded");
    }

    /** The name in output tables: {@code current}, {@code 1-30}, {@code 31-60}, {@code 61-90}, {@code 90+}. */
    public String wireName() {
        return wireName;
    }

    /** Smallest DPD in the bucket. */
    public long minDays() {
        return minDays;
    }

    /** Largest DPD in the bucket ({@link Long#MAX_VALUE} for the last). */
    public long maxDays() {
        return maxDays;
    }

    /** True when this bucket is further past due than {@code other}. */
    public boolean isWorseThan(DpdBucket other) {
        return ordinal() > other.ordinal();
    }

    /** Parses a wire name (case-insensitive, surrounding blanks ignored); empty when unknown. */
    public static Optional<DpdBucket> fromWire(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wire = text.trim().toLowerCase(Locale.ROOT);
        for (DpdBucket bucket : values()) {
            if (bucket.wireName.equals(wire)) {
                return Optional.of(bucket);
            }
        }
        return Optional.empty();
    }
}

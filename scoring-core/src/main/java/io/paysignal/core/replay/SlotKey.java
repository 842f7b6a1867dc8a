package io.paysignal.core.replay;

import io.paysignal.core.history.Channel;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * What a response function needs to know about a contact: its channel and the customer's local hour and
 * weekday at the moment of contact.
 *
 * @param channel the channel
 * @param localHour hour of day in the customer's zone, 0-23
 * @param dayOfWeek weekday in the customer's zone
 */
public record SlotKey(Channel channel, int localHour, DayOfWeek dayOfWeek) implements Serializable {

    /** Distinct keys: channels x 7 weekdays x 24 hours. */
    public static final int CODES = Channel.values().length * 7 * 24;

    public SlotKey {
        if (channel == null || dayOfWeek == null) {
            throw new IllegalArgumentException("channel and dayOfWeek are required");
        }
        if (localHour < 0 || localHour > 23) {
            throw new IllegalArgumentException("localHour must be in 0-23, was " + localHour);
        }
    }

    /** The key of a contact on {@code channel} at {@code at} for a customer in {@code zone}. */
    public static SlotKey of(Channel channel, Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        return new SlotKey(channel, local.getHour(), local.getDayOfWeek());
    }

    /** A compact number in {@code [0, CODES)} that identifies this key; see {@link #fromCode}. */
    public int code() {
        return (channel.ordinal() * 7 + dayOfWeek.getValue() - 1) * 24 + localHour;
    }

    /** The key of a {@link #code()}. */
    public static SlotKey fromCode(int code) {
        if (code < 0 || code >= CODES) {
            throw new IllegalArgumentException("slot code must be in [0, " + CODES + "), was " + code);
        }
        return new SlotKey(Channel.values()[code / (7 * 24)], code % 24, DayOfWeek.of(code / 24 % 7 + 1));
    }
}

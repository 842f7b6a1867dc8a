package io.paysignal.core.replay;

import io.paysignal.core.history.Channel;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A contact the planner could make: a channel at an instant, with its local key.
 *
 * @param channel the channel
 * @param at the instant (UTC)
 * @param key the channel with the customer's local hour and weekday at {@code at}
 */
public record CandidateSlot(Channel channel, Instant at, SlotKey key) implements Serializable {

    public CandidateSlot {
        if (channel == null || at == null || key == null) {
            throw new IllegalArgumentException("channel, at and key are required");
        }
        if (key.channel() != channel) {
            throw new IllegalArgumentException("key channel " + key.channel() + " differs from " + channel);
        }
    }

    /** The slot on {@code channel} at {@code at} for a customer in {@code zone}. */
    public static CandidateSlot of(Channel channel, Instant at, ZoneId zone) {
        return new CandidateSlot(channel, at, SlotKey.of(channel, at, zone));
    }
}

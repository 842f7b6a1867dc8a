package io.paysignal.core.response;

import io.paysignal.core.history.Channel;
import io.paysignal.core.history.Contact;
import io.paysignal.core.history.Customer;
import io.paysignal.core.history.CustomerHistory;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Outreach attempts and how many reached the customer, for one cell of segment x channel x local hour x
 * weekday. A pipeline maps every contact to {@link #of} and sums cells with equal {@link #key()}; the
 * model is fitted from the sums.
 *
 * @param segment the customers' segment ({@code unknown} when null or blank)
 * @param channel the channel
 * @param localHour hour of day, 0-23, in the customer's zone
 * @param dayOfWeek weekday in the customer's zone
 * @param attempts contacts made, at least 0
 * @param reached contacts with outcome {@code reached} or {@code promise_to_pay}, at most {@code attempts}
 */
public record ResponseObservation(String segment, Channel channel, int localHour, DayOfWeek dayOfWeek,
                                  long attempts, long reached) implements Serializable {

    public ResponseObservation {
        segment = segment == null || segment.isBlank() ? Customer.UNKNOWN_SEGMENT : segment;
        if (channel == null || dayOfWeek == null) {
            throw new IllegalArgumentException("channel and dayOfWeek are required");
        }
        if (localHour < 0 || localHour > 23) {
            throw new IllegalArgumentException("localHour must be in 0-23, was " + localHour);
        }
        if (attempts < 0 || reached < 0 || reached > attempts) {
            throw new IllegalArgumentException("need 0 <= reached <= attempts, was " + reached + "/" + attempts);
        }
    }

    /** One contact as a single attempt, keyed by the customer's segment and the contact's local hour and weekday. */
    public static ResponseObservation of(Customer customer, Contact contact) {
        ZonedDateTime local = contact.contactTime().atZone(customer.timezone());
        return new ResponseObservation(customer.segment(), contact.channel(), local.getHour(), local.getDayOfWeek(),
                1, contact.outcome().reachedCustomer() ? 1 : 0);
    }

    /** The cell this observation counts for: {@code segment|channel|hour|weekday}. */
    public String key() {
        return segment + "|" + channel.wireName() + "|" + localHour + "|" + dayOfWeek;
    }

    /** Sums observations with equal keys; the result is in key order. */
    public static List<ResponseObservation> merge(Collection<ResponseObservation> observations) {
        Map<String, ResponseObservation> cells = new TreeMap<>();
        for (ResponseObservation observation : observations) {
            cells.merge(observation.key(), observation, (a, b) -> new ResponseObservation(a.segment, a.channel,
                    a.localHour, a.dayOfWeek, a.attempts + b.attempts, a.reached + b.reached));
        }
        return List.copyOf(cells.values());
    }

    /**
     * The aggregated observations of every contact made before {@code before} (point in time: nothing at or
     * after it is counted). The in-memory twin of the pipeline's aggregation.
     */
    public static List<ResponseObservation> aggregate(Collection<CustomerHistory> histories, Instant before) {
        List<ResponseObservation> single = new ArrayList<>();
        for (CustomerHistory history : histories) {
            for (Contact contact : history.contacts()) {
                if (contact.contactTime().isBefore(before)) {
                    single.add(of(history.customer(), contact));
                }
            }
        }
        return merge(single);
    }
}

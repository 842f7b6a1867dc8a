package io.paysignal.core.policy;

import io.paysignal.core.history.Channel;
import io.paysignal.core.history.Contact;
import io.paysignal.core.history.Customer;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/**
 * The hard contact rules and their settings. A recommendation never breaks one of them, whatever the
 * estimated response: the planner only proposes slots that {@link #checker} accepts.
 *
 * <p>Rolling periods are read two ways and the limit holds under both, so the rule is safe whichever reading
 * a regulator or a CRM applies: any span of {@code N x 24} hours, and any {@code N} consecutive calendar days in
 * the customer's time zone (the Regulation F reading; the day of a conversation is day 1 of its quiet period).
 *
 * @param windowStart start of the local contact window, inclusive (default 08:00)
 * @param windowEnd end of the local contact window, exclusive (default 21:00); after {@code windowStart}
 * @param maxPhoneAttempts phone attempts allowed in any rolling {@code phoneAttemptWindowDays}, the new one
 *                         included (default 7; 0 forbids phone calls)
 * @param phoneAttemptWindowDays length of that rolling period in days (default 7)
 * @param phoneQuietDays no phone call within this many days after a phone contact that reached the customer
 *                       (outcome {@code reached} or {@code promise_to_pay}); default 7, 0 turns the rule off
 * @param maxContacts contacts on all channels allowed in any rolling {@code contactCapWindowDays}, the new one
 *                    included (default 3)
 * @param contactCapWindowDays length of that rolling period in days (default 7)
 * @param noSundays true: never contact on a Sunday in the customer's zone (default false)
 * @param holidays local dates on which nobody is contacted (default none)
 */
public record ContactRules(
        LocalTime windowStart,
        LocalTime windowEnd,
        int maxPhoneAttempts,
        int phoneAttemptWindowDays,
        int phoneQuietDays,
        int maxContacts,
        int contactCapWindowDays,
        boolean noSundays,
        HolidayCalendar holidays) implements Serializable {

    public static final LocalTime DEFAULT_WINDOW_START = LocalTime.of(8, 0);
    public static final LocalTime DEFAULT_WINDOW_END = LocalTime.of(21, 0);
    public static final int DEFAULT_MAX_PHONE_ATTEMPTS = 7;
    public static final int DEFAULT_PHONE_ATTEMPT_WINDOW_DAYS = 7;
    public static final int DEFAULT_PHONE_QUIET_DAYS = 7;
    public static final int DEFAULT_MAX_CONTACTS = 3;
    public static final int DEFAULT_CONTACT_CAP_WINDOW_DAYS = 7;

    public ContactRules {
        if (windowStart == null || windowEnd == null) {
            throw new IllegalArgumentException("contact window start and end are required");
        }
        if (!windowStart.isBefore(windowEnd)) {
            throw new IllegalArgumentException("contact window start " + windowStart + " must be before its end "
                    + windowEnd + " (windows across midnight are not supported)");
        }
        if (maxPhoneAttempts < 0 || maxContacts < 0 || phoneQuietDays < 0) {
            throw new IllegalArgumentException("limits must not be negative");
        }
        if (phoneAttemptWindowDays < 1 || contactCapWindowDays < 1) {
            throw new IllegalArgumentException("rolling periods must be at least 1 day");
        }
        holidays = holidays == null ? HolidayCalendar.none() : holidays;
    }

    /** The documented defaults: 08:00-21:00, 7 calls in 7 days, 7 quiet days, 3 contacts in 7 days. */
    public static ContactRules defaults() {
        return new ContactRules(DEFAULT_WINDOW_START, DEFAULT_WINDOW_END, DEFAULT_MAX_PHONE_ATTEMPTS,
                DEFAULT_PHONE_ATTEMPT_WINDOW_DAYS, DEFAULT_PHONE_QUIET_DAYS, DEFAULT_MAX_CONTACTS,
                DEFAULT_CONTACT_CAP_WINDOW_DAYS, false, HolidayCalendar.none());
    }

    /** These rules with the no-Sunday rule on or off. */
    public ContactRules withNoSundays(boolean on) {
        return new ContactRules(windowStart, windowEnd, maxPhoneAttempts, phoneAttemptWindowDays, phoneQuietDays,
                maxContacts, contactCapWindowDays, on, holidays);
    }

    /** These rules with another holiday calendar. */
    public ContactRules withHolidays(HolidayCalendar calendar) {
        return new ContactRules(windowStart, windowEnd, maxPhoneAttempts, phoneAttemptWindowDays, phoneQuietDays,
                maxContacts, contactCapWindowDays, noSundays, calendar);
    }

    /**
     * A checker for one customer given the contacts known to have been made. Every contact in the list
     * counts, before or after the candidate time, so the same checker serves decisions (past contacts only)
     * and audits of a realised history.
     *
     * @throws IllegalArgumentException when a contact belongs to another customer
     */
    public ContactRuleChecker checker(Customer customer, List<Contact> contacts) {
        return new ContactRuleChecker(this, customer, contacts);
    }

    /** The first rule, in {@link ContactRule} order, that contacting on {@code channel} at {@code at} breaks. */
    public Optional<RuleViolation> firstViolation(Customer customer, List<Contact> contacts, Channel channel,
                                                  Instant at) {
        return checker(customer, contacts).firstViolation(channel, at);
    }
}

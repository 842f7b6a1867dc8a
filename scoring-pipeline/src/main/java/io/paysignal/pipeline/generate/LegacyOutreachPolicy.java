package io.paysignal.pipeline.generate;

import io.paysignal.core.history.Channel;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The outreach policy that produced the contact history: a deliberately imperfect, typical dunning
 * schedule. It keys everything on the worst days past due, sends at fixed UTC hours whatever the
 * customer's local time, ignores the stated channel preference, calls only from 30 days past due and only
 * on UTC weekdays, and gives up after {@value #GIVE_UP_AFTER_DPD} days. It respects opt-outs per channel
 * and never contacts do-not-contact customers (the caller checks that).
 *
 * <pre>
 *   DPD 1, 7, 21        email  at 14:00-14:30 UTC (sms when email is opted out)
 *   DPD 14              sms    at 16:00-16:30 UTC (email when sms is opted out)
 *   DPD 30+, weekly     phone  at 13:00-20:00 UTC, Monday-Friday UTC (email when phone is opted out);
 *                       or, calling in local hours, 09:00-19:00 on the customer's local Monday-Friday
 *   DPD 45, 75          letter at 09:00 UTC
 * </pre>
 */
final class LegacyOutreachPolicy {

    /** First local hour agents call at when calling in the customer's local hours. */
    static final int LOCAL_CALL_START_HOUR = 9;
    /** Local call hours span this many hours from {@link #LOCAL_CALL_START_HOUR} (09:00-19:00). */
    static final int LOCAL_CALL_HOURS = 10;

    private final boolean callsInLocalHours;

    /** The policy of the histories generated so far: calls at 13:00-20:00 UTC on UTC weekdays. */
    LegacyOutreachPolicy() {
        this(false);
    }

    /**
     * @param callsInLocalHours agents call between 09:00 and 19:00 on the customer's local weekdays, as a call
     *                          centre that keeps to the local calling hours of every market does (e.g. Regulation
     *                          F's 08:00-21:00), instead of at 13:00-20:00 UTC, which is the middle of the night in
     *                          Asia and Oceania
     */
    LegacyOutreachPolicy(boolean callsInLocalHours) {
        this.callsInLocalHours = callsInLocalHours;
    }

    /** Past this many days the account goes to collections and the policy stops contacting. */
    static final int GIVE_UP_AFTER_DPD = 120;
    /** Calls start at this many days past due. */
    static final int CALL_FROM_DPD = 30;

    /**
     * One planned contact.
     *
     * @param channel how
     * @param epochSecond when (UTC)
     * @param escalation true for the weekly 30+ DPD contact, which starts the 7-day wait for the next
     */
    record Planned(Channel channel, long epochSecond, boolean escalation) {
    }

    /**
     * The contacts of {@code day} for a customer whose worst open invoice is {@code worstDpd} days past due
     * (counting only invoices at most {@value #GIVE_UP_AFTER_DPD} days past due).
     *
     * @param optedOutMask bit {@code 1 << channel.ordinal()} set for channels the customer opted out of
     * @param lastCallDay the day of the last 30+ DPD contact, or a very negative number
     * @param zone the customer's zone (used only when calling in local hours)
     */
    List<Planned> plan(int day, int worstDpd, int optedOutMask, int lastCallDay, SplittableRandom random,
                       ZoneId zone) {
        if (worstDpd < 1 || worstDpd > GIVE_UP_AFTER_DPD) {
            return List.of();
        }
        boolean reminder = worstDpd == 1 || worstDpd == 7 || worstDpd == 14 || worstDpd == 21
                || worstDpd == 45 || worstDpd == 75;
        boolean call = worstDpd >= CALL_FROM_DPD && day - lastCallDay >= 7 && !SimCalendar.isWeekend(day);
        if (!reminder && !call) {
            return List.of();
        }
        List<Planned> planned = new ArrayList<>(2);
        long midnight = day * 86_400L;
        if (worstDpd == 1 || worstDpd == 7 || worstDpd == 21) {
            add(planned, first(optedOutMask, Channel.EMAIL, Channel.SMS),
                    midnight + 14 * 3600 + random.nextInt(1800), false);
        }
        if (worstDpd == 14) {
            add(planned, first(optedOutMask, Channel.SMS, Channel.EMAIL),
                    midnight + 16 * 3600 + random.nextInt(1800), false);
        }
        if (call && callsInLocalHours) {
            // The simulation's day is the customer's local date here; one draw, as in the UTC schedule.
            long localStart = LocalDate.ofEpochDay(day).atTime(LOCAL_CALL_START_HOUR, 0).atZone(zone).toEpochSecond();
            add(planned, first(optedOutMask, Channel.PHONE, Channel.EMAIL),
                    localStart + random.nextInt(LOCAL_CALL_HOURS * 3600), true);
        } else if (call) {
            add(planned, first(optedOutMask, Channel.PHONE, Channel.EMAIL),
                    midnight + 13 * 3600 + random.nextInt(7 * 3600), true);
        }
        if (worstDpd == 45 || worstDpd == 75) {
            add(planned, first(optedOutMask, Channel.LETTER, null), midnight + 9 * 3600, false);
        }
        return planned;
    }

    private static void add(List<Planned> planned, Channel channel, long epochSecond, boolean escalation) {
        if (channel != null) {
            planned.add(new Planned(channel, epochSecond, escalation));
        }
    }

    private static Channel first(int optedOutMask, Channel preferred, Channel fallback) {
        if ((optedOutMask & (1 << preferred.ordinal())) == 0) {
            return preferred;
        }
        if (fallback != null && (optedOutMask & (1 << fallback.ordinal())) == 0) {
            return fallback;
        }
        return null;
    }
}

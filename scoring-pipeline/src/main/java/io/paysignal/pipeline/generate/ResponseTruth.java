package io.paysignal.pipeline.generate;

import io.paysignal.core.history.Channel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The generator's true probability that a contact reaches a customer (outcome {@code reached} or
 * {@code promise_to_pay}), as a function of channel, local hour and local weekday:
 *
 * <pre>
 *   logit = channel_logit[c] + HOUR_SENSITIVITY[c] * hourEffect(h) + WEEKDAY_SENSITIVITY[c] * weekday_logit[w]
 *   hourEffect(h) = 1.6 * exp(-dist(h, peak)^2 / (2 * width^2)) - 0.8 - (h &lt; 7 or h &gt;= 22 ? 2.0 : 0)
 *   p = 1 / (1 + exp(-logit))
 * </pre>
 *
 * where {@code dist} is the distance between hours on the 24-hour circle. Letters do not depend on the
 * hour they are sent. The simulation draws contact outcomes from exactly this function, and the per-customer
 * parameters are written to {@code truth/response_truth.csv}, so outreach policies can be scored against
 * the truth rather than against the logged outcomes of the legacy policy.
 */
public final class ResponseTruth {

    /** How strongly each channel (by ordinal: email, sms, phone, letter) depends on the local hour. */
    static final double[] HOUR_SENSITIVITY = {0.6, 0.9, 1.0, 0.0};
    /** How strongly each channel depends on the weekday. */
    static final double[] WEEKDAY_SENSITIVITY = {0.6, 0.8, 1.0, 0.2};
    /** Local hours before this are night. */
    static final int WAKE_HOUR = 7;
    /** Local hours from this on are night. */
    static final int SLEEP_HOUR = 22;

    /** Header of {@code truth/response_truth.csv}. */
    static final List<String> COLUMNS = List.of("customer_id", "email_logit", "sms_logit", "phone_logit",
            "letter_logit", "peak_hour", "hour_width", "mon_logit", "tue_logit", "wed_logit", "thu_logit",
            "fri_logit", "sat_logit", "sun_logit");

    private final Map<String, ResponseProfile> profiles;

    private ResponseTruth(Map<String, ResponseProfile> profiles) {
        this.profiles = Map.copyOf(profiles);
    }

    /** Loads {@code response_truth.csv} as written by the generator. */
    public static ResponseTruth load(Path csv) {
        Map<String, ResponseProfile> profiles = new HashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null || !isHeader(header)) {
                throw new IllegalArgumentException(csv + " is not a response truth file (header " + header + ")");
            }
            String line;
            int lineNumber = 1;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (!line.isBlank()) {
                    ResponseProfile profile = parse(line, csv, lineNumber);
                    profiles.put(profile.customerId(), profile);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ResponseTruth(profiles);
    }

    /** The number of customers known. */
    public int size() {
        return profiles.size();
    }

    /** The profile of {@code customerId}; IllegalArgumentException when unknown. */
    public ResponseProfile profile(String customerId) {
        ResponseProfile profile = profiles.get(customerId);
        if (profile == null) {
            throw new IllegalArgumentException("no response truth for customer " + customerId);
        }
        return profile;
    }

    /** True probability that a contact on {@code channel} at local hour and weekday reaches the customer. */
    public double probability(String customerId, Channel channel, int localHour, DayOfWeek dayOfWeek) {
        return probability(profile(customerId), channel, localHour, dayOfWeek);
    }

    /** The formula in the class comment, for one profile. */
    public static double probability(ResponseProfile profile, Channel channel, int localHour, DayOfWeek dayOfWeek) {
        if (localHour < 0 || localHour > 23) {
            throw new IllegalArgumentException("local hour must be 0-23, was " + localHour);
        }
        int c = channel.ordinal();
        double logit = profile.channelLogit(channel)
                + HOUR_SENSITIVITY[c] * hourEffect(profile, localHour)
                + WEEKDAY_SENSITIVITY[c] * profile.weekdayLogit(dayOfWeek);
        return 1 / (1 + StrictMath.exp(-logit));
    }

    static double hourEffect(ResponseProfile profile, int localHour) {
        double distance = Math.abs(localHour - profile.peakHour()) % 24;
        distance = Math.min(distance, 24 - distance);
        double width = profile.hourWidth();
        double night = localHour < WAKE_HOUR || localHour >= SLEEP_HOUR ? 2.0 : 0;
        return 1.6 * StrictMath.exp(-distance * distance / (2 * width * width)) - 0.8 - night;
    }

    /** Writes the header line of the truth file. */
    static void writeHeader(Writer writer) throws IOException {
        writer.write(String.join(",", COLUMNS));
        writer.write('\n');
    }

    /** Appends one profile as a CSV line. */
    static void appendRow(StringBuilder out, ResponseProfile profile) {
        out.append(profile.customerId());
        for (Channel channel : Channel.values()) {
            out.append(',');
            CsvText.appendFixed4(out, profile.channelLogit(channel));
        }
        out.append(',');
        CsvText.appendFixed4(out, profile.peakHour());
        out.append(',');
        CsvText.appendFixed4(out, profile.hourWidth());
        for (DayOfWeek day : DayOfWeek.values()) {
            out.append(',');
            CsvText.appendFixed4(out, profile.weekdayLogit(day));
        }
        out.append('\n');
    }

    private static ResponseProfile parse(String line, Path csv, int lineNumber) {
        try {
            return parseLine(line);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(csv + " line " + lineNumber + ": " + e.getMessage(), e);
        }
    }

    /** True when {@code line} is the header of {@code response_truth.csv}. */
    public static boolean isHeader(String line) {
        return String.join(",", COLUMNS).equals(line);
    }

    /** One data line of {@code response_truth.csv}; IllegalArgumentException when it is not one. */
    public static ResponseProfile parseLine(String line) {
        String[] cells = line.split(",", -1);
        if (cells.length != COLUMNS.size()) {
            throw new IllegalArgumentException("expected " + COLUMNS.size() + " fields, found " + cells.length);
        }
        try {
            double[] channels = new double[4];
            for (int i = 0; i < 4; i++) {
                channels[i] = Double.parseDouble(cells[1 + i]);
            }
            double[] weekdays = new double[7];
            for (int i = 0; i < 7; i++) {
                weekdays[i] = Double.parseDouble(cells[7 + i]);
            }
            return new ResponseProfile(cells[0], channels, Double.parseDouble(cells[5]),
                    Double.parseDouble(cells[6]), weekdays);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}

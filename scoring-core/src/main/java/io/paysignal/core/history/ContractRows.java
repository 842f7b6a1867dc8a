package io.paysignal.core.history;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads contract rows (DATA-CONTRACT section 1) from raw text cells into typed records, checking every
 * rule that can be checked on the row alone. Rules that need other tables (unknown customer or
 * invoice, duplicate keys) are the caller's, because only the caller sees all rows.
 *
 * <p>This is the single definition of the contract's value syntax: the Spark reader and the API's
 * inline-history endpoint both call it, so a value accepted by one is accepted by the other.
 *
 * <p>Each method takes a cell lookup: column name to raw text, or null when the column is absent.
 * Blank cells count as absent.
 */
public final class ContractRows {

    /** The region ids of the JDK's time-zone database (IANA names, including UTC and Etc/GMT+5); immutable. */
    private static final Set<String> IANA_ZONE_IDS = Set.copyOf(ZoneId.getAvailableZoneIds());

    private ContractRows() {
    }

    /** Thrown internally to carry a reject reason out of nested parsing. */
    private static final class Reject extends RuntimeException {
        Reject(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Parses a {@code customers} row. */
    public static RowOutcome<Customer> customer(Function<String, String> cells) {
        try {
            String id = required(cells, "customer_id");
            ZoneId zone = optionalZone(cells.apply("timezone"));
            Channel preferred = null;
            String preferredText = blankToNull(cells.apply("preferred_channel"));
            if (preferredText != null) {
                preferred = Channel.fromWire(preferredText)
                        .orElseThrow(() -> new Reject("unknown_channel:preferred_channel"));
            }
            boolean doNotContact = optionalBoolean(cells, "do_not_contact", false);
            BigDecimal limit = optionalDecimal(cells, "credit_limit");
            if (limit != null && limit.signum() < 0) {
                throw new Reject("negative_amount:credit_limit");
            }
            LocalDate opened = optionalDate(cells, "opened_date");
            return RowOutcome.accepted(new Customer(id, blankToNull(cells.apply("segment")),
                    upperOrNull(cells.apply("country")), zone, preferred, doNotContact,
                    limit == null ? null : limit.doubleValue(), opened));
        } catch (Reject reject) {
            return RowOutcome.rejected(reject.getMessage());
        }
    }

    /** Parses an {@code invoices} row; {@code defaultCurrency} fills a blank currency. */
    public static RowOutcome<Invoice> invoice(Function<String, String> cells, String defaultCurrency) {
        try {
            String id = required(cells, "invoice_id");
            String customerId = required(cells, "customer_id");
            LocalDate issue = requiredDate(cells, "issue_date");
            LocalDate due = requiredDate(cells, "due_date");
            if (due.isBefore(issue)) {
                throw new Reject("due_before_issue");
            }
            double amount = positiveAmount(cells, "amount");
            String currency = blankToNull(cells.apply("currency"));
            boolean disputed = optionalBoolean(cells, "disputed", false);
            return RowOutcome.accepted(new Invoice(id, customerId, issue, due, amount,
                    currency == null ? defaultCurrency : currency.trim().toUpperCase(Locale.ROOT), disputed));
        } catch (Reject reject) {
            return RowOutcome.rejected(reject.getMessage());
        }
    }

    /** Parses a {@code payments} row. */
    public static RowOutcome<Payment> payment(Function<String, String> cells) {
        try {
            String paymentId = blankToNull(cells.apply("payment_id"));
            String invoiceId = required(cells, "invoice_id");
            LocalDate date = requiredDate(cells, "payment_date");
            double amount = positiveAmount(cells, "amount");
            return RowOutcome.accepted(new Payment(paymentId, invoiceId, date, amount));
        } catch (Reject reject) {
            return RowOutcome.rejected(reject.getMessage());
        }
    }

    /** Parses a {@code contacts} row. */
    public static RowOutcome<Contact> contact(Function<String, String> cells) {
        try {
            String contactId = blankToNull(cells.apply("contact_id"));
            String customerId = required(cells, "customer_id");
            Instant time = parseTimestamp(required(cells, "contact_time"), "contact_time");
            Channel channel = Channel.fromWire(required(cells, "channel"))
                    .orElseThrow(() -> new Reject("unknown_channel:channel"));
            ContactOutcome outcome = ContactOutcome.NO_RESPONSE;
            String outcomeText = blankToNull(cells.apply("outcome"));
            if (outcomeText != null) {
                outcome = ContactOutcome.fromWire(outcomeText).orElseThrow(() -> new Reject("unknown_outcome"));
            }
            return RowOutcome.accepted(new Contact(contactId, customerId, time, channel, outcome));
        } catch (Reject reject) {
            return RowOutcome.rejected(reject.getMessage());
        }
    }

    /** Parses a contract {@code date} ({@code yyyy-MM-dd}); throws IllegalArgumentException when it is not one. */
    public static LocalDate parseDate(String text) {
        try {
            String trimmed = text.trim();
            LocalDate plain = plainDate(trimmed);
            return plain != null ? plain : LocalDate.parse(trimmed, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("not a yyyy-MM-dd date: " + text);
        }
    }

    /**
     * Parses a contract {@code timestamp}: ISO-8601 with an offset or {@code Z}. A timestamp without an
     * offset is ambiguous and rejected rather than guessed.
     */
    public static Instant parseTimestamp(String text) {
        try {
            String trimmed = text.trim();
            Instant plain = plainTimestamp(trimmed);
            return plain != null ? plain
                    : OffsetDateTime.parse(trimmed, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("not an ISO-8601 timestamp with offset: " + text);
        }
    }

    /*
     * Fast paths for the shapes nearly every file uses. The JDK formatters are the definition: a fast path
     * returns a value only for text it fully understands and whose fields are all in range, in which case
     * the formatter returns the same value; for anything else it returns null and the formatter decides
     * (parse or reject), so accepted values and reject reasons are unchanged. They exist because the
     * formatters' generic machinery was about 7% of a 100k-customer score run.
     */

    /** {@code yyyy-MM-dd} with ASCII digits and a valid date, else null. */
    private static LocalDate plainDate(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
            return null;
        }
        if (day > 28 && day > Month.of(month).length(Year.isLeap(year))) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ssZ} or {@code yyyy-MM-ddTHH:mm:ss+HH:MM} (or {@code -HH:MM}) with every
     * field in range, else null.
     */
    private static Instant plainTimestamp(String text) {
        int length = text.length();
        if ((length != 20 && length != 25) || text.charAt(10) != 'T' || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return null;
        }
        LocalDate date = plainDate(text.substring(0, 10));
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if (date == null || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int offsetSeconds;
        char sign = text.charAt(19);
        if (length == 20) {
            if (sign != 'Z') {
                return null;
            }
            offsetSeconds = 0;
        } else {
            int offsetHours = digits(text, 20, 22);
            int offsetMinutes = digits(text, 23, 25);
            if ((sign != '+' && sign != '-') || text.charAt(22) != ':' || offsetHours < 0 || offsetMinutes < 0
                    || offsetMinutes > 59 || offsetHours * 3600 + offsetMinutes * 60 > 18 * 3600) {
                return null;
            }
            offsetSeconds = (sign == '-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
        }
        long epochSecond = date.toEpochDay() * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
        return Instant.ofEpochSecond(epochSecond);
    }

    /** The non-negative number written by the ASCII digits text[from, to), or -1 if any is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Parses a contract {@code decimal}: plain digits with an optional sign and {@code .}, no separators. */
    public static BigDecimal parseDecimal(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (!isPlainDecimal(trimmed)) {
            throw new IllegalArgumentException("not a plain decimal number: " + text);
        }
        return new BigDecimal(trimmed);
    }

    /**
     * True for {@code [+-]?(\d+(\.\d*)?|\.\d+)}: an optional sign, ASCII digits with at most one {@code .},
     * at least one digit; no exponent, no thousands separators. Hand-written because it is a hot path.
     */
    private static boolean isPlainDecimal(String text) {
        int i = 0;
        int length = text.length();
        if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int digitCount = 0;
        boolean point = false;
        for (; i < length; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digitCount++;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return false;
            }
        }
        return digitCount > 0;
    }

    /** Parses a contract {@code boolean}: {@code true} or {@code false}, case-insensitive. */
    public static boolean parseBoolean(String text) {
        String trimmed = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (trimmed) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("not true/false: " + text);
        };
    }

    private static String required(Function<String, String> cells, String column) {
        String value = blankToNull(cells.apply(column));
        if (value == null) {
            throw new Reject("missing_value:" + column);
        }
        return value.trim();
    }

    private static LocalDate requiredDate(Function<String, String> cells, String column) {
        String text = required(cells, column);
        try {
            return parseDate(text);
        } catch (IllegalArgumentException e) {
            throw new Reject("unparseable_date:" + column);
        }
    }

    private static LocalDate optionalDate(Function<String, String> cells, String column) {
        String text = blankToNull(cells.apply(column));
        if (text == null) {
            return null;
        }
        try {
            return parseDate(text);
        } catch (IllegalArgumentException e) {
            throw new Reject("unparseable_date:" + column);
        }
    }

    private static Instant parseTimestamp(String text, String column) {
        try {
            return parseTimestamp(text);
        } catch (IllegalArgumentException e) {
            throw new Reject("unparseable_timestamp:" + column);
        }
    }

    private static double positiveAmount(Function<String, String> cells, String column) {
        String text = required(cells, column);
        BigDecimal amount;
        try {
            amount = parseDecimal(text);
        } catch (IllegalArgumentException e) {
            throw new Reject("unparseable_decimal:" + column);
        }
        if (amount.signum() <= 0) {
            throw new Reject("non_positive_amount:" + column);
        }
        double value = amount.doubleValue();
        if (Double.isInfinite(value)) {
            throw new Reject("unparseable_decimal:" + column);
        }
        return value;
    }

    private static BigDecimal optionalDecimal(Function<String, String> cells, String column) {
        String text = blankToNull(cells.apply(column));
        if (text == null) {
            return null;
        }
        try {
            BigDecimal value = parseDecimal(text);
            if (Double.isInfinite(value.doubleValue())) {
                throw new Reject("unparseable_decimal:" + column);
            }
            return value;
        } catch (IllegalArgumentException e) {
            throw new Reject("unparseable_decimal:" + column);
        }
    }

    private static boolean optionalBoolean(Function<String, String> cells, String column, boolean fallback) {
        String text = blankToNull(cells.apply(column));
        if (text == null) {
            return fallback;
        }
        try {
            return parseBoolean(text);
        } catch (IllegalArgumentException e) {
            throw new Reject("unparseable_boolean:" + column);
        }
    }

    private static ZoneId optionalZone(String text) {
        String name = blankToNull(text);
        if (name == null) {
            return ZoneId.of("UTC");
        }
        String id = name.trim();
        // ZoneId.of also takes fixed offsets (+05:30, Z, UTC+05:30, GMT-3): those are no IANA zone names, and
        // a fixed offset would place contact windows wrongly across daylight-saving changes.
        if (!IANA_ZONE_IDS.contains(id)) {
            throw new Reject("unknown_timezone");
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new Reject("unknown_timezone");
        }
    }

    private static String upperOrNull(String text) {
        String value = blankToNull(text);
        return value == null ? null : value.trim().toUpperCase(Locale.ROOT);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}

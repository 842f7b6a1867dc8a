package io.paysignal.core.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written fast paths of {@link ContractRows} must agree with the JDK's ISO formatters (and the
 * contract's decimal grammar) on every input: same value when accepted, rejected when they reject.
 */
class ContractRowsTest {

    private static final Pattern DECIMAL_GRAMMAR = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    /** What the JDK says: the value, or null when it rejects. */
    private static LocalDate jdkDate(String text) {
        try {
            return LocalDate.parse(text.trim(), DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Instant jdkTimestamp(String text) {
        try {
            return OffsetDateTime.parse(text.trim(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static LocalDate ourDate(String text) {
        try {
            return ContractRows.parseDate(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Instant ourTimestamp(String text) {
        try {
            return ContractRows.parseTimestamp(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Test
    void datesAgreeWithTheIsoFormatterOnEdgeCases() {
        for (String text : List.of("2025-01-31", "2024-02-29", "2023-02-29", "2025-02-30", "2025-04-31", "2025-13-01",
                "2025-00-10", "2025-01-00", "0000-01-01", "9999-12-31", " 2025-06-01 ", "2025-6-01", "2025/06/01",
                "+2025-06-01", "+12025-06-01", "2025-06-011", "２０２５-06-01", "2025-06-0a", "", "1900-02-29",
                "2000-02-29", "2025-06-01T00:00")) {
            assertEquals(jdkDate(text), ourDate(text), text);
        }
    }

    @Test
    void timestampsAgreeWithTheIsoFormatterOnEdgeCases() {
        for (String text : List.of("2026-03-02T14:05:00-05:00", "2026-03-02T14:05:00Z", "2026-03-02t14:05:00z",
                "2026-03-02T14:05-05:00", "2026-03-02T14:05:00.123+01:00", "2026-03-02T24:00:00Z",
                "2026-03-02T23:59:60Z", "2026-03-02T23:60:00Z", "2026-03-02T14:05:00+18:00",
                "2026-03-02T14:05:00+18:01", "2026-03-02T14:05:00-18:00", "2026-03-02T14:05:00+19:00",
                "2026-03-02T14:05:00+05:60", "2026-03-02T14:05:00-00:00", "2026-03-02T14:05:00+0500",
                "2026-03-02T14:05:00+05", "2026-03-02T14:05:00", "2026-02-30T14:05:00Z", "2026-03-02 14:05:00Z",
                " 2026-03-02T14:05:00Z ", "2026-03-02T14:05:00+05:30:15", "0000-01-01T00:00:00+01:00")) {
            assertEquals(jdkTimestamp(text), ourTimestamp(text), text);
        }
    }

    @Test
    void randomDateAndTimestampTextsAgreeWithTheIsoFormatter() {
        Random random = new Random(20261123);
        for (int i = 0; i < 20_000; i++) {
            String date = String.format("%04d-%02d-%02d", random.nextInt(3000), random.nextInt(14), random.nextInt(33));
            assertEquals(jdkDate(date), ourDate(date), date);
            String offset = switch (random.nextInt(4)) {
                case 0 -> "Z";
                case 1 -> String.format("+%02d:%02d", random.nextInt(20), random.nextInt(62));
                case 2 -> String.format("-%02d:%02d", random.nextInt(20), random.nextInt(62));
                default -> String.format("+%02d:%02d", random.nextInt(15), 30 * random.nextInt(2));
            };
            String timestamp = String.format("%sT%02d:%02d:%02d%s", date, random.nextInt(25), random.nextInt(61),
                    random.nextInt(61), offset);
            assertEquals(jdkTimestamp(timestamp), ourTimestamp(timestamp), timestamp);
        }
    }

    @Test
    void decimalsFollowThePlainGrammar() {
        String alphabet = "0123456789+-.e, ";
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(6);
            for (int j = 0; j < length; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String candidate = text.toString();
            boolean expected = DECIMAL_GRAMMAR.matcher(candidate.trim()).matches();
            if (expected) {
                assertEquals(new BigDecimal(candidate.trim()), ContractRows.parseDecimal(candidate), candidate);
            } else {
                assertThrows(IllegalArgumentException.class, () -> ContractRows.parseDecimal(candidate), candidate);
            }
        }
    }

    @Test
    void aBadDateInARowKeepsItsRejectReason() {
        RowOutcome<Payment> outcome = ContractRows.payment(column -> switch (column) {
            case "invoice_id" -> "I1";
            case "payment_date" -> "2025-02-30";
            case "amount" -> "10.00";
            default -> null;
        });
        assertEquals("unparseable_date:payment_date", outcome.reason());
    }
    private static RowOutcome<Customer> customerInZone(String timezone) {
        return ContractRows.customer(column -> switch (column) {
            case "customer_id" -> "C1";
            case "timezone" -> timezone;
            default -> null;
        });
    }

    @Test
    void ianaZoneNamesAreAccepted() {
        for (String zone : List.of("America/Chicago", "Asia/Kolkata", "Australia/Lord_Howe", "America/St_Johns",
                "Pacific/Chatham", "UTC", "Etc/GMT+5", " Asia/Kathmandu ")) {
            RowOutcome<Customer> outcome = customerInZone(zone);
            assertEquals(null, outcome.reason(), zone);
            assertEquals(zone.trim(), outcome.value().timezone().getId(), zone);
        }
        assertEquals("UTC", customerInZone("").value().timezone().getId(), "blank takes the default");
    }

    @Test
    void fixedOffsetsAndUnknownNamesAreNoIanaZones() {
        for (String zone : List.of("+05:30", "-03:00", "Z", "UTC+05:30", "GMT-3", "UT+01:00", "Mars/Base",
                "america/chicago", "PST")) {
            assertEquals("unknown_timezone", customerInZone(zone).reason(), zone);
        }
    }
}

package io.paysignal.pipeline.testsupport;

import io.paysignal.pipeline.io.History;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The history fixtures under {@code src/test/resources/histories/} and helpers to inspect what was read. */
public final class HistoryFixtures {

    private HistoryFixtures() {
    }

    /** One row of {@code History.rejects()}, collected. */
    public record Reject(String table, Long line, String key, String reason, String raw) {
    }

    /**
     * Every reject {@link #withEveryReject()} must produce, whatever reads it (the reader, a score or train run):
     * table, 1-based line, key (null when unknown), reason; {@code raw} is left null here.
     */
    public static final List<Reject> WITH_EVERY_REJECT_REJECTS = List.of(
            reject("customers", 5, "C004", "unknown_timezone"),
            reject("customers", 6, "C005", "unknown_channel:preferred_channel"),
            reject("customers", 7, "C006", "unparseable_boolean:do_not_contact"),
            reject("customers", 8, "C007", "unparseable_decimal:credit_limit"),
            reject("customers", 9, "C008", "unparseable_date:opened_date"),
            reject("customers", 10, "C001", "duplicate_key"),
            reject("customers", 11, null, "missing_value:customer_id"),
            reject("customers", 12, null, "wrong_field_count"),
            reject("customers", 13, null, "wrong_field_count"),
            reject("customers", 14, null, "unterminated_quote"),
            reject("customers", 17, null, "misplaced_quote"),
            reject("customers", 20, "C015", "negative_amount:credit_limit"),
            reject("invoices", 6, "I005", "unparseable_date:issue_date"),
            reject("invoices", 7, "I006", "due_before_issue"),
            reject("invoices", 8, "I007", "non_positive_amount:amount"),
            reject("invoices", 9, "I008", "non_positive_amount:amount"),
            reject("invoices", 10, "I009", "unparseable_decimal:amount"),
            reject("invoices", 11, "I010", "unknown_customer"),
            reject("invoices", 12, "I011", "unknown_customer"),
            reject("invoices", 13, "I001", "duplicate_key"),
            reject("invoices", 14, "I012", "missing_value:customer_id"),
            reject("invoices", 15, null, "wrong_field_count"),
            reject("invoices", 16, "I014", "unparseable_boolean:disputed"),
            reject("invoices", 18, "I016", "missing_value:due_date"),
            reject("invoices", 20, "I018", "unparseable_decimal:amount"),
            reject("payments", 5, "P003", "unknown_invoice"),
            reject("payments", 6, "P004", "unknown_invoice"),
            reject("payments", 7, "P005", "unparseable_date:payment_date"),
            reject("payments", 8, "P006", "missing_value:amount"),
            reject("payments", 9, "P007", "non_positive_amount:amount"),
            reject("payments", 10, "P008", "unparseable_decimal:amount"),
            reject("payments", 12, "P010", "unknown_invoice"),
            reject("contacts", 5, "K004", "unknown_customer"),
            reject("contacts", 6, "K005", "unparseable_timestamp:contact_time"),
            reject("contacts", 7, "K006", "unparseable_timestamp:contact_time"),
            reject("contacts", 8, "K007", "unknown_channel:channel"),
            reject("contacts", 9, "K008", "unknown_outcome"),
            reject("contacts", 10, "K009", "missing_value:contact_time"),
            reject("contacts", 12, "K011", "unknown_customer"));

    /** The customers of {@link #withEveryReject()} that are accepted. */
    public static final List<String> WITH_EVERY_REJECT_CUSTOMERS = List.of("C001", "C002", "C003", "C011", "C013",
            "C014", "C016");

    private static Reject reject(String table, long line, String key, String reason) {
        return new Reject(table, line, key, reason, null);
    }

    /**
     * Writes into {@code dir} a small history whose quoted fields hold line breaks (RFC 4180): customers with CR LF
     * line ends and an extra multi-line {@code notes} column, a segment spanning two lines, a quote really missing,
     * and a duplicate after the multi-line records; invoices with LF line ends and a multi-line extra column.
     * {@link #WITH_QUOTED_LINE_BREAKS_REJECTS} lists what it must reject.
     */
    public static Path withQuotedLineBreaks(Path dir) throws IOException {
        write(dir, "customers.csv", "\r\n",
                "customer_id,segment,country,timezone,preferred_channel,do_not_contact,credit_limit,opened_date,notes",
                "C1,smb,US,UTC,email,false,100,2020-01-01,\"call after 5pm",
                "ask for \"\"Sam\"\"",
                "",
                "thanks\"",
                "C2,\"smb",
                "north\",US,UTC,,false,,2020-01-01,",
                "C3,smb,US,UTC,,false,,2020-01-01,\"unterminated",
                "C4,smb,US,UTC,,false,,2020-01-01,plain",
                "C1,smb,US,UTC,,false,,2020-01-01,\"dup",
                "of C1\"");
        write(dir, "invoices.csv", "\n",
                "invoice_id,customer_id,issue_date,due_date,amount,currency,disputed,memo",
                "I1,C1,2024-01-01,2024-01-31,100,USD,false,\"two",
                "lines\"",
                "I2,C2,2024-01-05,2024-02-04,50,USD,false,",
                "I3,C3,2024-01-05,2024-02-04,50,USD,false,",
                "I4,C4,2024-02-05,2024-01-04,50,USD,false,\"due",
                "before issue\"");
        write(dir, "payments.csv", "\n", "payment_id,invoice_id,payment_date,amount", "P1,I1,2024-01-20,100",
                "P2,I3,2024-01-20,50");
        write(dir, "contacts.csv", "\n", "contact_id,customer_id,contact_time,channel,outcome",
                "K1,C1,2024-01-10T10:00:00Z,email,reached");
        return dir;
    }

    /** What {@link #withQuotedLineBreaks} must reject, with the line each record starts on and its whole text. */
    public static final List<Reject> WITH_QUOTED_LINE_BREAKS_REJECTS = List.of(
            new Reject("customers", 8L, null, "unterminated_quote", "C3,smb,US,UTC,,false,,2020-01-01,\"unterminated"),
            new Reject("customers", 10L, "C1", "duplicate_key", "C1,smb,US,UTC,,false,,2020-01-01,\"dup\r\nof C1\""),
            new Reject("invoices", 5L, "I3", "unknown_customer", "I3,C3,2024-01-05,2024-02-04,50,USD,false,"),
            new Reject("invoices", 6L, "I4", "due_before_issue",
                    "I4,C4,2024-02-05,2024-01-04,50,USD,false,\"due\nbefore issue\""),
            new Reject("payments", 3L, "P2", "unknown_invoice", "P2,I3,2024-01-20,50"));

    private static void write(Path dir, String file, String lineEnd, String... lines) throws IOException {
        Files.writeString(dir.resolve(file), String.join(lineEnd, lines) + lineEnd, StandardCharsets.UTF_8);
    }

    /** Valid rows plus at least one bad row of every kind the contract names. */
    public static Path withEveryReject() {
        return resource("/histories/with-every-reject");
    }

    /** A resource directory as a local path. */
    public static Path resource(String name) {
        URL url = HistoryFixtures.class.getResource(name);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The rejects of a (small, test-sized) history. */
    public static List<Reject> rejects(History history) {
        return history.rejects().collectAsList().stream()
                .map(row -> new Reject(row.getString(0), row.isNullAt(1) ? null : row.getLong(1), row.getString(2),
                        row.getString(3), row.getString(4)))
                .toList();
    }

    /** Data rows of a CSV file as the contract counts them: non-blank lines after the header. */
    public static long dataLines(Path csv) throws IOException {
        if (!Files.exists(csv)) {
            return 0;
        }
        try {
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            return lines.stream().skip(1).filter(line -> !line.isBlank()).count();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}

package io.paysignal.pipeline.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paysignal.core.history.Channel;
import io.paysignal.core.history.Contact;
import io.paysignal.core.history.ContactOutcome;
import io.paysignal.core.history.Customer;
import io.paysignal.core.history.Invoice;
import io.paysignal.pipeline.spark.ContractRowMapping;
import io.paysignal.pipeline.testsupport.HistoryFixtures;
import io.paysignal.pipeline.testsupport.SharedSparkSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reads the fixture {@code histories/with-every-reject}, which holds valid rows and every kind of bad row. */
class HistoryReaderTest extends SharedSparkSession {

    /** Every reject the fixture must produce: table, line, key (null when unknown), reason. */
    private static final List<HistoryFixtures.Reject> EXPECTED_REJECTS = HistoryFixtures.WITH_EVERY_REJECT_REJECTS;

    private Path fixture;
    private History history;
    private List<HistoryFixtures.Reject> rejects;

    private static HistoryFixtures.Reject reject(String table, long line, String key, String reason) {
        return new HistoryFixtures.Reject(table, line, key, reason, null);
    }

    @BeforeAll
    void readFixture() {
        fixture = HistoryFixtures.withEveryReject();
        history = new HistoryReader(spark, ReaderConfig.defaults().withMaxRejectShare(1.0))
                .read(fixture.toString());
        rejects = HistoryFixtures.rejects(history);
    }

    private void assertRejected(String table, long line, String reason) {
        List<HistoryFixtures.Reject> atLine = rejects.stream()
                .filter(r -> r.table().equals(table) && r.line() != null && r.line() == line).toList();
        assertEquals(1, atLine.size(), () -> "one reject expected at " + table + " line " + line + ": " + atLine);
        assertEquals(reason, atLine.get(0).reason(), () -> table + " line " + line);
    }

    private Map<String, Row> acceptedById(List<Row> rows, String idColumn) {
        return rows.stream().collect(Collectors.toMap(row -> row.getAs(idColumn), Function.identity()));
    }

    @Test
    void rejectsExactlyTheBadRowsWithTheirLineKeyAndReason() {
        Set<HistoryFixtures.Reject> actual = rejects.stream()
                .map(r -> reject(r.table(), r.line(), r.key(), r.reason())).collect(Collectors.toSet());
        assertEquals(new HashSet<>(EXPECTED_REJECTS), actual);
        assertEquals(EXPECTED_REJECTS.size(), rejects.size());
    }

    @Test
    void unparseableDateIsRejected() {
        assertRejected("customers", 9, "unparseable_date:opened_date"); // 2022-02-30
        assertRejected("invoices", 6, "unparseable_date:issue_date"); // month 13
        assertRejected("payments", 7, "unparseable_date:payment_date"); // 2024/02/01
    }

    @Test
    void blankRequiredValueIsRejected() {
        assertRejected("customers", 11, "missing_value:customer_id");
        assertRejected("invoices", 14, "missing_value:customer_id");
        assertRejected("invoices", 18, "missing_value:due_date");
        assertRejected("payments", 8, "missing_value:amount");
        assertRejected("contacts", 10, "missing_value:contact_time");
    }

    @Test
    void lineWithWrongNumberOfFieldsIsRejected() {
        assertRejected("customers", 12, "wrong_field_count"); // too few
        assertRejected("customers", 13, "wrong_field_count"); // a line of prose
        assertRejected("invoices", 15, "wrong_field_count"); // one too many
    }

    @Test
    void malformedQuotingIsRejected() {
        assertRejected("customers", 14, "unterminated_quote");
        assertRejected("customers", 17, "misplaced_quote");
    }

    @Test
    void nonPositiveAmountIsRejected() {
        assertRejected("invoices", 8, "non_positive_amount:amount"); // 0
        assertRejected("invoices", 9, "non_positive_amount:amount"); // -5
        assertRejected("payments", 9, "non_positive_amount:amount");
        assertRejected("customers", 20, "negative_amount:credit_limit");
    }

    @Test
    void unparseableDecimalIsRejected() {
        assertRejected("customers", 8, "unparseable_decimal:credit_limit"); // 12k
        assertRejected("invoices", 10, "unparseable_decimal:amount"); // "1,000.00"
        assertRejected("invoices", 20, "unparseable_decimal:amount"); // 1e3
        assertRejected("payments", 10, "unparseable_decimal:amount"); // abc
    }

    @Test
    void dueDateBeforeIssueDateIsRejected() {
        assertRejected("invoices", 7, "due_before_issue");
    }

    @Test
    void invoiceOrContactOfUnknownCustomerIsRejected() {
        assertRejected("invoices", 11, "unknown_customer");
        assertRejected("contacts", 5, "unknown_customer");
    }

    @Test
    void paymentOfUnknownInvoiceIsRejected() {
        assertRejected("payments", 5, "unknown_invoice");
    }

    @Test
    void rowsReferringToARejectedParentAreRejectedToo() {
        assertRejected("invoices", 12, "unknown_customer"); // C004 has an unknown time zone
        assertRejected("contacts", 12, "unknown_customer"); // C005 has an unknown channel
        assertRejected("payments", 6, "unknown_invoice"); // I005 has an unparseable date
        assertRejected("payments", 12, "unknown_invoice"); // I011 belongs to the rejected C004
    }

    @Test
    void unknownTimeZoneIsRejected() {
        assertRejected("customers", 5, "unknown_timezone");
    }

    @Test
    void unknownChannelIsRejected() {
        assertRejected("customers", 6, "unknown_channel:preferred_channel");
        assertRejected("contacts", 8, "unknown_channel:channel");
    }

    @Test
    void unknownOutcomeIsRejected() {
        assertRejected("contacts", 9, "unknown_outcome");
    }

    @Test
    void unparseableTimestampIsRejected() {
        assertRejected("contacts", 6, "unparseable_timestamp:contact_time"); // no T, no offset
        assertRejected("contacts", 7, "unparseable_timestamp:contact_time"); // no offset
    }

    @Test
    void unparseableBooleanIsRejected() {
        assertRejected("customers", 7, "unparseable_boolean:do_not_contact");
        assertRejected("invoices", 16, "unparseable_boolean:disputed");
    }

    @Test
    void duplicateKeyKeepsTheFirstRowAndRejectsTheRest() {
        assertRejected("customers", 10, "duplicate_key");
        assertRejected("invoices", 13, "duplicate_key");
        Row customer = acceptedById(history.customers().collectAsList(), "customer_id").get("C001");
        assertEquals("America/Chicago", customer.getAs("timezone")); // line 2, not line 10 (UTC)
        Row invoice = acceptedById(history.invoices().collectAsList(), "invoice_id").get("I001");
        assertEquals("C001", invoice.getAs("customer_id")); // line 2, not line 13 (C002)
        assertEquals(100.0, (double) invoice.getAs("amount"));
    }

    @Test
    void repeatedPaymentIdsAreNoDuplicates() {
        long p009 = history.payments().collectAsList().stream()
                .filter(row -> "P009".equals(row.getAs("payment_id"))).count();
        assertEquals(2, p009);
    }

    @Test
    void blankLinesAreSkippedWithoutRejects() {
        assertTrue(rejects.stream().noneMatch(r -> r.table().equals("customers")
                && (r.line() == 15 || r.line() == 21)));
        assertEquals(19, history.summary().table("customers").inputRows());
    }

    @Test
    void acceptedPlusRejectedEqualsInputForEachTable() throws IOException {
        for (HistoryTable table : HistoryTable.values()) {
            long dataLines = HistoryFixtures.dataLines(fixture.resolve(table.tableName() + ".csv"));
            long accepted = history.table(table).count();
            long rejected = rejects.stream().filter(r -> r.table().equals(table.tableName())).count();
            assertEquals(dataLines, accepted + rejected, table.tableName());
            RunSummary.TableCounts counts = history.summary().table(table.tableName());
            assertEquals(dataLines, counts.inputRows(), table.tableName());
            assertEquals(accepted, counts.acceptedRows(), table.tableName());
            assertEquals(rejected, counts.rejectedRows(), table.tableName());
        }
    }

    @Test
    void everyValidRowIsPresent() {
        assertEquals(Set.of("C001", "C002", "C003", "C011", "C013", "C014", "C016"),
                acceptedById(history.customers().collectAsList(), "customer_id").keySet());
        assertEquals(Set.of("I001", "I002", "I003", "I004", "I015", "I017"),
                acceptedById(history.invoices().collectAsList(), "invoice_id").keySet());
        Set<String> payments = history.payments().collectAsList().stream()
                .map(row -> row.getAs("payment_id") + "/" + row.getAs("invoice_id") + "/" + row.getAs("amount"))
                .collect(Collectors.toSet());
        assertEquals(Set.of("P001/I001/100.0", "P002/I002/100.0", "null/I002/150.5", "P009/I003/500.0",
                "P009/I004/42.5", "P011/I017/12.5"), payments);
        assertEquals(Set.of("K001", "K002", "K003", "K010"),
                acceptedById(history.contacts().collectAsList(), "contact_id").keySet());
    }

    @Test
    void acceptedValuesAreNormalizedWithDefaultsApplied() {
        Map<String, Customer> customers = history.customers().collectAsList().stream()
                .map(ContractRowMapping::customer).collect(Collectors.toMap(Customer::customerId, c -> c));
        assertEquals(new Customer("C003", "unknown", null, ZoneId.of("UTC"), null, false, null, null),
                customers.get("C003"));
        assertEquals(new Customer("C001", "smb", "US", ZoneId.of("America/Chicago"), Channel.EMAIL, false,
                5000.0, LocalDate.of(2021, 3, 15)), customers.get("C001"));
        assertTrue(customers.get("C002").doNotContact()); // TRUE
        assertEquals("C014", customers.get("C014").customerId()); // blanks around the id are trimmed

        Map<String, Invoice> invoices = history.invoices().collectAsList().stream()
                .map(ContractRowMapping::invoice).collect(Collectors.toMap(Invoice::invoiceId, i -> i));
        assertEquals(new Invoice("I002", "C001", LocalDate.of(2024, 2, 1), LocalDate.of(2024, 3, 2), 250.5,
                "USD", false), invoices.get("I002"));
        assertEquals("USD", invoices.get("I001").currency()); // usd
        assertEquals("GBP", invoices.get("I017").currency());
        assertTrue(invoices.get("I003").disputed());

        Map<String, Contact> contacts = history.contacts().collectAsList().stream()
                .map(ContractRowMapping::contact).collect(Collectors.toMap(Contact::contactId, c -> c));
        assertEquals(new Contact("K001", "C001", Instant.parse("2024-02-05T19:05:00Z"), Channel.EMAIL,
                ContactOutcome.REACHED), contacts.get("K001"));
        assertEquals(ContactOutcome.NO_RESPONSE, contacts.get("K002").outcome());
        Row k003 = acceptedById(history.contacts().collectAsList(), "contact_id").get("K003");
        assertEquals("phone", k003.getAs("channel")); // PHONE, as wire name
        assertEquals("promise_to_pay", k003.getAs("outcome"));
    }

    @Test
    void acceptedTablesHaveTheFixedSchemas() {
        assertEquals(ContractRowMapping.CUSTOMERS, history.customers().schema());
        assertEquals(ContractRowMapping.INVOICES, history.invoices().schema());
        assertEquals(ContractRowMapping.PAYMENTS, history.payments().schema());
        assertEquals(ContractRowMapping.CONTACTS, history.contacts().schema());
        assertEquals(History.REJECTS_SCHEMA, history.rejects().schema());
    }

    @Test
    void rawIsThePhysicalLineAsRead() throws IOException {
        List<String> customerLines = Files.readAllLines(fixture.resolve("customers.csv"), StandardCharsets.UTF_8);
        for (HistoryFixtures.Reject reject : rejects) {
            if (reject.table().equals("customers")) {
                assertEquals(customerLines.get(reject.line().intValue() - 1), reject.raw());
            }
        }
        HistoryFixtures.Reject crlf = rejects.stream()
                .filter(r -> r.table().equals("payments") && r.line() == 5).findFirst().orElseThrow();
        assertEquals("P003,I999,2024-01-20,5", crlf.raw()); // no carriage return left over
    }

    @Test
    void byteOrderMarkBeforeTheHeaderIsIgnored() throws IOException {
        byte[] bytes = Files.readAllBytes(fixture.resolve("invoices.csv"));
        assertEquals((byte) 0xEF, bytes[0]); // the fixture does start with one
        assertEquals(6, history.invoices().count());
    }

    @Test
    void summaryCountsRejectsPerTableAndReason() {
        RunSummary summary = history.summary();
        Map<String, Long> customers = new TreeMap<>(summary.table("customers").rejectsByReason());
        assertEquals(2L, customers.get("wrong_field_count"));
        assertEquals(1L, customers.get("duplicate_key"));
        assertEquals(2L, summary.table("invoices").rejectsByReason().get("non_positive_amount:amount"));
        assertEquals(3L, summary.table("payments").rejectsByReason().get("unknown_invoice"));
        assertEquals(62, summary.inputRows());
        assertEquals(39, summary.rejectedRows());
        assertEquals("customers.csv", summary.table("customers").source());
    }

    @Test
    void exceedingTheRejectShareFailsWithAOneLineMessage() {
        TooManyRejectsException failure = assertThrows(TooManyRejectsException.class,
                () -> new HistoryReader(spark, ReaderConfig.defaults()).read(fixture.toString()));
        String message = failure.getMessage();
        assertFalse(message.contains("\n"), message);
        assertEquals("rejected 39 of 62 input rows (62.903%), more than the allowed 1% (customers 12 of 19, "
                + "invoices 13 of 19, payments 7 of 13, contacts 7 of 11); top reasons: "
                + "payments/unknown_invoice 3, contacts/unknown_customer 2, "
                + "contacts/unparseable_timestamp:contact_time 2", message);
        assertNotNull(failure.history());
        assertEquals(39, failure.history().rejects().count());
        failure.history().release();
    }

    @Test
    void rejectShareAtTheLimitPasses() {
        History atLimit = new HistoryReader(spark, ReaderConfig.defaults().withMaxRejectShare(39.0 / 62))
                .read(fixture.toString());
        assertEquals(7, atLimit.customers().count());
        assertEquals(39, atLimit.rejects().count());
        atLimit.release();
    }

    private static History historyWithCounts(long input, long rejected) {
        RunSummary summary = new RunSummary(List.of(new RunSummary.TableCounts("customers", "customers.csv", input,
                input - rejected, rejected == 0 ? Map.of() : Map.of("unknown_timezone", rejected))));
        return new History(Map.of(), null, null, summary, List.of());
    }

    @Test
    void rejectShareJustAboveTheLimitFails() {
        History history = historyWithCounts(1000, 11);
        TooManyRejectsException failure = assertThrows(TooManyRejectsException.class,
                () -> HistoryReader.requireRejectShareWithin(0.01, history));
        assertEquals("rejected 11 of 1000 input rows (1.1%), more than the allowed 1% (customers 11 of 1000); "
                + "top reasons: customers/unknown_timezone 11", failure.getMessage());
    }

    @Test
    void rejectShareUnderOrAtTheLimitPasses() {
        HistoryReader.requireRejectShareWithin(0.01, historyWithCounts(1000, 10));
        HistoryReader.requireRejectShareWithin(0.01, historyWithCounts(1000, 0));
        HistoryReader.requireRejectShareWithin(0.0, historyWithCounts(0, 0));
    }

    @Test
    void keyIsUnknownForLinesThatCouldNotBeSplit() {
        rejects.stream().filter(r -> r.reason().equals("wrong_field_count") || r.reason().endsWith("_quote"))
                .forEach(r -> assertNull(r.key(), r.toString()));
    }
}

package io.paysignal.pipeline.job;

import io.paysignal.core.definition.DelinquencyLabel;
import io.paysignal.core.definition.SettlementTolerance;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.pipeline.io.History;
import io.paysignal.pipeline.io.HistoryReader;
import io.paysignal.pipeline.io.ReaderConfig;
import io.paysignal.pipeline.spark.HistoryAssembler;
import io.paysignal.pipeline.spark.SnapshotRows;
import io.paysignal.pipeline.testsupport.EditableCsv;
import io.paysignal.pipeline.testsupport.SampleHistory;
import io.paysignal.pipeline.testsupport.ScoreOutput;
import io.paysignal.pipeline.testsupport.SharedSparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The point-in-time proof (DATA-CONTRACT section 2: "Data dated after T must not change any feature or score as
 * of T"). A model is trained once on the 500-customer sample; the sample is then scored as of T, and so are two
 * altered copies of it:
 *
 * <ul>
 *   <li>one where only events after T are added or changed (new invoices issued after T, payments after T that
 *       settle invoices open on T, changed and removed post-T payments, changed post-T invoices, contacts from
 *       the end of day T in UTC on, including ones whose local date is still T, post-T opt-outs on the very
 *       channel the original run recommends): its score table and feature snapshot must be identical, every
 *       column of every customer;</li>
 *   <li>one where a few events dated on or before T are changed, one per customer (the negative control): exactly
 *       those customers' rows must change, so the comparison above can fail.</li>
 * </ul>
 *
 * The core's own guarantee is checked too, without the pipeline's early cut: features, snapshot and
 * recommendation from the altered copy's whole, uncut histories equal the original run's output. The scoring API
 * relies on that guarantee, since inline histories reach it uncut.
 */
class PointInTimeTest extends SharedSparkSession {

    private static final LocalDate T = LocalDate.of(2025, 6, 30);
    private static final Instant END_OF_T = Instant.parse("2025-07-01T00:00:00Z");

    /** The class's working folder (a class-wide temporary directory). */
    private Path dir;

    private Path registry;
    private Path originalHistory;
    private Map<String, String> originalScores;
    private Map<String, String> originalFeatures;
    /** Open balance on T of every invoice issued on or before T that is not settled on T. */
    private Map<String, BigDecimal> openOnT;
    /** Invoice id to customer id. */
    private Map<String, String> customerOfInvoice;
    /** The channel the original run recommends, per customer with an action other than none. */
    private Map<String, String> recommendedChannels;

    @BeforeAll
    void trainAndScoreTheOriginal(@TempDir Path classDir) throws IOException {
        dir = classDir;
        originalHistory = SampleHistory.copyTo(dir.resolve("original"));
        registry = dir.resolve("registry");
        TrainJob.run(spark, new TrainJob.Config(originalHistory.toString(), T, registry, DelinquencyLabel.defaults(),
                ReaderConfig.defaults(), new SnapshotSchedule(3, 45, 90), SampleHistory.quickTrainer(), "test"));
        Path out = score(originalHistory, "original-out");
        originalScores = ScoreOutput.scoreRows(spark, out);
        originalFeatures = ScoreOutput.featureRows(spark, out);
        recommendedChannels = new TreeMap<>();
        spark.read().parquet(out.resolve("*.parquet").toString()).select("customer_id", "channel").collectAsList()
                .stream().filter(row -> !row.isNullAt(1))
                .forEach(row -> recommendedChannels.put(row.getString(0), row.getString(1)));
        openOnT = openBalancesOnT(originalHistory);
        customerOfInvoice = new HashMap<>();
        EditableCsv.read(originalHistory.resolve("invoices.csv")).rows()
                .forEach(row -> customerOfInvoice.put(row.get("invoice_id"), row.get("customer_id")));
    }

    private Path score(Path history, String name) throws IOException {
        Path out = dir.resolve(name);
        ScoreJob.run(spark, new ScoreJob.Config(history.toString(), T, registry, out.toString(),
                ScoreJob.Format.PARQUET, ReaderConfig.defaults()));
        return out;
    }

    @Test
    void theSampleIsScoredInFullAndTheAlterationsReachManyCustomers() {
        assertEquals(500, originalScores.size());
        assertEquals(originalScores.keySet(), originalFeatures.keySet());
        assertTrue(openOnT.size() >= 50, "invoices open on T: " + openOnT.size());
        assertTrue(recommendedChannels.size() >= 20,
                "customers with an outreach recommendation on T: " + recommendedChannels.size());
    }

    @Test
    void eventsAfterTChangeNoScoreAndNoFeature() throws IOException {
        Path altered = alterAfterT(dir.resolve("after-t"));
        Path out = score(altered, "after-t-out");

        Map<String, String> scores = ScoreOutput.scoreRows(spark, out);
        Map<String, String> features = ScoreOutput.featureRows(spark, out);
        assertEquals(originalScores, scores, () -> "score table: "
                + ScoreOutput.describeDifferences(originalScores, scores, 3));
        assertEquals(originalFeatures, features, () -> "feature snapshot: "
                + ScoreOutput.describeDifferences(originalFeatures, features, 3));
    }

    @Test
    void theCoreIgnoresEventsAfterTInUncutHistories() throws IOException {
        Path altered = alterAfterT(dir.resolve("after-t-uncut"));
        History history = new HistoryReader(spark, ReaderConfig.defaults()).read(altered.toString());
        try {
            // Whole histories, nothing cut: only the core's own point-in-time rules keep the post-T events out.
            List<CustomerHistory> uncut = HistoryAssembler.byCustomer(history, null).collect();
            assertTrue(uncut.stream().anyMatch(customer -> customer.invoices().stream()
                    .anyMatch(invoice -> invoice.issueDate().isAfter(T))), "the uncut histories hold post-T data");

            ModelSource model = ModelSource.load(registry);
            CustomerScoring scoring = new CustomerScoring(T, new Outreach(model.outreach()));
            Map<String, String> scores = new TreeMap<>();
            Map<String, String> features = new TreeMap<>();
            var scored = scoring.scorePartition(uncut.iterator(), model.bundle());
            while (scored.hasNext()) {
                CustomerScoring.Scored customer = scored.next();
                String id = customer.history().customerId();
                scores.put(id, ScoreOutput.canonical(ScoreJob.scoreRow(customer, T, model.bundle().version())));
                features.put(id, ScoreOutput.canonical(SnapshotRows.toRow(customer.snapshot())));
            }
            assertEquals(originalScores, scores, () -> "score table: "
                    + ScoreOutput.describeDifferences(originalScores, scores, 3));
            assertEquals(originalFeatures, features, () -> "feature snapshot: "
                    + ScoreOutput.describeDifferences(originalFeatures, features, 3));
        } finally {
            history.release();
        }
    }

    @Test
    void eventsOnOrBeforeTChangeExactlyTheCustomersTheyBelongTo() throws IOException {
        Path altered = SampleHistory.copyTo(dir.resolve("on-t"));
        EditableCsv invoices = EditableCsv.read(altered.resolve("invoices.csv"));
        EditableCsv payments = EditableCsv.read(altered.resolve("payments.csv"));
        EditableCsv contacts = EditableCsv.read(altered.resolve("contacts.csv"));
        List<String> recommended = recommendedCustomers();
        List<String> openInvoices = new ArrayList<>(openOnT.keySet());
        Map<String, String> changed = new LinkedHashMap<>(); // customer -> what was changed

        // A payment dated T itself settles an invoice open on T.
        String settled = openInvoices.get(0);
        payments.append(Map.of("payment_id", "PIT-ON-T-1", "invoice_id", settled, "payment_date", T.toString(),
                "amount", openOnT.get(settled).toPlainString()));
        changed.put(customerOfInvoice.get(settled), "payment dated T");

        // An invoice open on T had another amount.
        String grown = firstInvoiceOfAnotherCustomer(openInvoices, changed);
        invoices.replace(row -> row.get("invoice_id").equals(grown),
                row -> with(row, "amount", new BigDecimal(row.get("amount")).multiply(BigDecimal.valueOf(2)).toPlainString()));
        changed.put(customerOfInvoice.get(grown), "amount of an invoice open on T");

        // An invoice issued on T.
        String issuer = firstNotIn(recommended, changed);
        invoices.append(Map.of("invoice_id", "PIT-ON-T-INV", "customer_id", issuer, "issue_date", T.toString(),
                "due_date", T.plusDays(30).toString(), "amount", "5000.00", "currency", "USD", "disputed", "false"));
        changed.put(issuer, "invoice issued on T");

        // The last second of T in UTC: an opt-out on the channel the original run recommends.
        String optOut = firstNotIn(recommended, changed);
        contacts.append(Map.of("contact_id", "PIT-ON-T-C1", "customer_id", optOut,
                "contact_time", "2025-06-30T23:59:59Z", "channel", recommendedChannel(optOut), "outcome", "opted_out"));
        changed.put(optOut, "opt-out at 23:59:59Z on T");

        // Local date July 1st in Tokyo, but 20:00 UTC on T: before the end of day T in UTC, so it counts.
        String tokyo = firstNotIn(recommended, changed);
        contacts.append(Map.of("contact_id", "PIT-ON-T-C2", "customer_id", tokyo,
                "contact_time", "2025-07-01T05:00:00+09:00", "channel", "phone", "outcome", "promise_to_pay"));
        changed.put(tokyo, "contact at 2025-07-01T05:00+09:00 (= T 20:00Z)");

        invoices.write(altered.resolve("invoices.csv"));
        payments.write(altered.resolve("payments.csv"));
        contacts.write(altered.resolve("contacts.csv"));
        Path out = score(altered, "on-t-out");

        Map<String, String> scores = ScoreOutput.scoreRows(spark, out);
        Map<String, String> features = ScoreOutput.featureRows(spark, out);
        TreeSet<String> differing = new TreeSet<>(ScoreOutput.differingCustomers(originalFeatures, features));
        differing.addAll(ScoreOutput.differingCustomers(originalScores, scores));
        assertEquals(new TreeSet<>(changed.keySet()), differing, () -> "changed on or before T: " + changed + "\n"
                + ScoreOutput.describeDifferences(originalFeatures, features, 6));
    }

    /** A copy of the sample in {@code target} with every kind of post-T event added or changed. */
    private Path alterAfterT(Path target) throws IOException {
        SampleHistory.copyTo(target);
        EditableCsv customers = EditableCsv.read(target.resolve("customers.csv"));
        EditableCsv invoices = EditableCsv.read(target.resolve("invoices.csv"));
        EditableCsv payments = EditableCsv.read(target.resolve("payments.csv"));
        EditableCsv contacts = EditableCsv.read(target.resolve("contacts.csv"));

        // Existing invoices issued after T: other amounts, due dates and dispute flags.
        int laterInvoices = invoices.replace(row -> LocalDate.parse(row.get("issue_date")).isAfter(T), row -> {
            with(row, "amount", new BigDecimal(row.get("amount")).multiply(BigDecimal.valueOf(3)).toPlainString());
            with(row, "due_date", LocalDate.parse(row.get("due_date")).plusDays(10).toString());
            return with(row, "disputed", Boolean.toString(!Boolean.parseBoolean(row.get("disputed"))));
        });
        assertTrue(laterInvoices > 100, "post-T invoices changed: " + laterInvoices);

        // Existing payments after T: every other one halved and moved a day later, the rest removed.
        int[] seen = {0};
        int laterPayments = payments.replace(row -> LocalDate.parse(row.get("payment_date")).isAfter(T), row -> {
            if (seen[0]++ % 2 == 1) {
                return null;
            }
            BigDecimal half = new BigDecimal(row.get("amount")).divide(BigDecimal.valueOf(2), 2, RoundingMode.UP);
            with(row, "amount", half.toPlainString());
            return with(row, "payment_date", LocalDate.parse(row.get("payment_date")).plusDays(1).toString());
        });
        assertTrue(laterPayments > 100, "post-T payments changed or removed: " + laterPayments);

        // Payments the day after T settle every invoice open on T.
        int n = 0;
        for (Map.Entry<String, BigDecimal> open : openOnT.entrySet()) {
            payments.append(Map.of("payment_id", "PIT-SETTLE-" + n++, "invoice_id", open.getKey(),
                    "payment_date", T.plusDays(1).toString(), "amount", open.getValue().toPlainString()));
        }

        // Existing contacts from the end of day T (UTC) on: other channels and outcomes.
        int laterContacts = contacts.replace(row -> !OffsetDateTime.parse(row.get("contact_time")).toInstant()
                .isBefore(END_OF_T), row -> {
                    with(row, "channel", row.get("channel").equals("email") ? "sms" : "email");
                    return with(row, "outcome", "opted_out");
                });
        assertTrue(laterContacts > 100, "post-T contacts changed: " + laterContacts);

        // For every customer: a big disputed invoice issued the day after T with payments, and contacts at the
        // first instant after T, at a local time still on T (Chicago) and on the channel recommended on T.
        for (Map<String, String> customer : customers.rows()) {
            String id = customer.get("customer_id");
            invoices.append(Map.of("invoice_id", "PIT-LATE-" + id, "customer_id", id,
                    "issue_date", T.plusDays(1).toString(), "due_date", T.plusDays(1).toString(),
                    "amount", "123456.78", "currency", "USD", "disputed", "true"));
            payments.append(Map.of("payment_id", "PIT-LATE-PAY-" + id, "invoice_id", "PIT-LATE-" + id,
                    "payment_date", T.plusDays(2).toString(), "amount", "100.00"));
            contacts.append(Map.of("contact_id", "PIT-LATE-C1-" + id, "customer_id", id,
                    "contact_time", "2025-07-01T00:00:00Z", "channel", "email", "outcome", "opted_out"));
            contacts.append(Map.of("contact_id", "PIT-LATE-C2-" + id, "customer_id", id,
                    "contact_time", "2025-06-30T20:00:00-05:00", "channel", "sms", "outcome", "promise_to_pay"));
            String channel = recommendedChannel(id);
            if (channel != null) {
                contacts.append(Map.of("contact_id", "PIT-LATE-C3-" + id, "customer_id", id,
                        "contact_time", "2025-07-01T00:00:01Z", "channel", channel, "outcome", "opted_out"));
            }
        }

        invoices.write(target.resolve("invoices.csv"));
        payments.write(target.resolve("payments.csv"));
        contacts.write(target.resolve("contacts.csv"));
        return target;
    }

    /** Open balance on T of every invoice issued on or before T that the contract does not call settled on T. */
    private static Map<String, BigDecimal> openBalancesOnT(Path history) throws IOException {
        Map<String, BigDecimal> amounts = new TreeMap<>();
        for (Map<String, String> invoice : EditableCsv.read(history.resolve("invoices.csv")).rows()) {
            if (!LocalDate.parse(invoice.get("issue_date")).isAfter(T)) {
                amounts.put(invoice.get("invoice_id"), new BigDecimal(invoice.get("amount")));
            }
        }
        Map<String, BigDecimal> paid = new HashMap<>();
        for (Map<String, String> payment : EditableCsv.read(history.resolve("payments.csv")).rows()) {
            if (!LocalDate.parse(payment.get("payment_date")).isAfter(T)) {
                paid.merge(payment.get("invoice_id"), new BigDecimal(payment.get("amount")), BigDecimal::add);
            }
        }
        Map<String, BigDecimal> open = new TreeMap<>();
        amounts.forEach((id, amount) -> {
            BigDecimal balance = amount.subtract(paid.getOrDefault(id, BigDecimal.ZERO));
            if (balance.doubleValue() > SettlementTolerance.of(amount.doubleValue())) {
                open.put(id, balance);
            }
        });
        return open;
    }

    /** Customers the original run recommends outreach to, in id order. */
    private List<String> recommendedCustomers() {
        return List.copyOf(recommendedChannels.keySet());
    }

    /** The channel the original run recommends for a customer, null for action none. */
    private String recommendedChannel(String customerId) {
        return recommendedChannels.get(customerId);
    }

    private String firstInvoiceOfAnotherCustomer(List<String> invoices, Map<String, String> taken) {
        return invoices.stream().filter(id -> !taken.containsKey(customerOfInvoice.get(id))).findFirst().orElseThrow();
    }

    private static String firstNotIn(List<String> candidates, Map<String, String> taken) {
        return candidates.stream().filter(id -> !taken.containsKey(id)).findFirst().orElseThrow();
    }

    private static Map<String, String> with(Map<String, String> row, String column, String value) {
        row.put(column, value);
        return row;
    }
}

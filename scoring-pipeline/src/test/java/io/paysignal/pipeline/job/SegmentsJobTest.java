package io.paysignal.pipeline.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paysignal.core.definition.DelinquencyLabel;
import io.paysignal.core.portfolio.ReportingCurrency;
import io.paysignal.pipeline.io.ReaderConfig;
import io.paysignal.pipeline.testsupport.HistoryFixtures;
import io.paysignal.pipeline.testsupport.SharedSparkSession;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The segment table, KPIs and roll rates of {@code histories/portfolio-march-2025} as of 2025-03-31, worked by
 * hand (see the fixture's README): with EUR at 0.5 per USD, C1 has 320 open (200 overdue, worst 28 DPD), C2 owes
 * 200 (11 DPD), C3 nothing.
 */
class SegmentsJobTest extends SharedSparkSession {

    private static final LocalDate MARCH_END = LocalDate.parse("2025-03-31");
    private static final double EPS = 1e-9;
    private static final ReportingCurrency USD = ReportingCurrency.convertedTo("USD", Map.of("EUR", 0.5));

    /** Shared by the class so that the March run serves every test that only reads its output. */
    @TempDir
    static Path tmp;

    /** The job as of March 31 in USD, run once for the tests that only read its output. */
    private SegmentsJob.Outcome marchInUsd;
    private Path marchDir;

    private SegmentsJob.Outcome marchInUsd() {
        if (marchInUsd == null || !Files.isDirectory(marchDir)) {
            marchInUsd = run(MARCH_END, USD, DelinquencyLabel.defaults(), "march");
            marchDir = tmp.resolve("march");
        }
        return marchInUsd;
    }

    private Path scoresAsOf(LocalDate asOf) {
        Path dir = tmp.resolve("scores-" + asOf);
        if (Files.isDirectory(dir)) {
            return dir;
        }
        return ScoreTables.writeParquet(spark, dir, List.of(
                ScoreTables.score("C1", asOf, 0.5, "high", "agent_call", "phone", "2025-04-01T14:00:00Z"),
                ScoreTables.score("C2", asOf, 0.2, "medium", "reminder", "email", "2025-04-01T09:00:00Z"),
                ScoreTables.score("C3", asOf, 0.01, "low", "none", null, null)));
    }

    private SegmentsJob.Outcome run(LocalDate asOf, ReportingCurrency reporting, DelinquencyLabel label, String out) {
        return SegmentsJob.run(spark, new SegmentsJob.Config(
                HistoryFixtures.resource("/histories/portfolio-march-2025").toString(), asOf,
                scoresAsOf(asOf).toString(), tmp.resolve(out).toString(), label, reporting, 3, ReaderConfig.defaults()));
    }

    @Test
    void segmentRowsAddUpBalancesExposureAndActions() throws IOException {
        SegmentsJob.Outcome outcome = marchInUsd();

        assertEquals(3, outcome.customers());
        assertFalse(outcome.labelsObserved());
        List<Map<String, String>> segments = csv(marchDir.resolve("segments.csv"));
        assertEquals(3, segments.size());
        Map<String, String> c1 = row(segments, "risk_tier", "high");
        assertEquals(List.of("smb", "high", "1-30", "email", "USD"), List.of(c1.get("segment"), c1.get("risk_tier"),
                c1.get("dpd_bucket"), c1.get("preferred_channel"), c1.get("currency")));
        assertEquals(320, number(c1, "open_balance"), EPS);
        assertEquals(200, number(c1, "overdue_balance"), EPS);
        assertEquals(160, number(c1, "expected_delinquent_exposure"), EPS);
        assertEquals("1", c1.get("action_agent_call"));
        assertEquals("0", c1.get("labelled_customers"));
        assertEquals("", c1.get("observed_label_rate"));
        Map<String, String> c2 = row(segments, "risk_tier", "medium");
        assertEquals(List.of("consumer", "1-30", "none"), List.of(c2.get("segment"), c2.get("dpd_bucket"),
                c2.get("preferred_channel")));
        assertEquals(200, number(c2, "open_balance"), EPS);
        assertEquals(40, number(c2, "expected_delinquent_exposure"), EPS);
        Map<String, String> c3 = row(segments, "risk_tier", "low");
        assertEquals("current", c3.get("dpd_bucket"));
        assertEquals(0, number(c3, "open_balance"), EPS);
        assertEquals("1", c3.get("action_none"));
        assertTrue(Files.isDirectory(marchDir.resolve("segments.parquet")));
        assertEquals(3, spark.read().parquet(marchDir.resolve("segments.parquet").toString()).count());
    }

    @Test
    void portfolioRowsCarryTheContactTimeInTheCustomersZone() throws IOException {
        marchInUsd();

        Map<String, String> c1 = row(csv(marchDir.resolve("portfolio.csv")), "customer_id", "C1");
        assertEquals("2025-04-01T14:00:00Z", c1.get("contact_at"));
        assertEquals("2025-04-01T10:00", c1.get("contact_local_time")); // New York is on EDT (UTC-4) by April 1
        assertEquals("10", c1.get("contact_local_hour"));
        assertEquals("Tue", c1.get("contact_local_weekday"));
        assertEquals("28", c1.get("max_days_past_due"));
    }

    @Test
    void kpisOfTheMonthEndingOnT() throws IOException {
        SegmentsJob.Outcome outcome = marchInUsd();

        // BR 260 (C1), CS 120 (C1) + 200 (C2's 100 EUR), ER 320 + 200, ECR 120, over 31 days.
        List<Map<String, String>> kpis = csv(marchDir.resolve("kpis.csv"));
        assertEquals(2, kpis.size(), "the month starting before the history is left out");
        Map<String, String> month = row(kpis, "period_end", "2025-03-31");
        assertEquals(260, number(month, "beginning_receivables"), EPS);
        assertEquals(320, number(month, "credit_sales"), EPS);
        assertEquals(520, number(month, "ending_receivables"), EPS);
        assertEquals(120, number(month, "ending_current_receivables"), EPS);
        assertEquals(520.0 / 320 * 31, number(month, "dso"), EPS);
        assertEquals(120.0 / 320 * 31, number(month, "best_possible_dso"), EPS);
        assertEquals(400.0 / 320 * 31, number(month, "average_days_delinquent"), EPS);
        assertEquals(100.0 * 60 / 460, number(month, "cei"), EPS);
        assertEquals(1, outcome.latest().size());
        assertTrue(Files.readString(marchDir.resolve("kpis.json")).contains("\"dso\" : 50.375"));
    }

    @Test
    void rollRatesFollowCustomersActiveAtTheStartOfTheMonth() throws IOException {
        marchInUsd();

        // On 2025-02-28 C1 was 1-30 (A 28 DPD, 260 open) and C3 current; C2 had no invoice yet.
        List<Map<String, String>> marchRolls = csv(marchDir.resolve("roll_rates.csv")).stream()
                .filter(r -> r.get("period_end").equals("2025-03-31")).toList();
        assertEquals(10, marchRolls.size(), "two from-buckets with customers, five to-buckets each");
        Map<String, String> stayed = marchRolls.stream().filter(r -> r.get("from_bucket").equals("1-30")
                && r.get("to_bucket").equals("1-30")).findFirst().orElseThrow();
        assertEquals("1", stayed.get("customers"));
        assertEquals(1.0, number(stayed, "rate"), EPS);
        assertEquals(260, number(stayed, "start_balance"), EPS);
        Map<String, String> current = marchRolls.stream().filter(r -> r.get("from_bucket").equals("current")
                && r.get("to_bucket").equals("current")).findFirst().orElseThrow();
        assertEquals("1", current.get("customers_from"));
        assertEquals("", current.get("balance_rate"), "no balance started in current");
    }

    @Test
    void withoutExchangeRatesEachCurrencyIsItsOwnRow() throws IOException {
        run(MARCH_END, ReportingCurrency.invoiceCurrencies(), DelinquencyLabel.defaults(), "own");

        Map<String, String> c2 = row(csv(tmp.resolve("own/segments.csv")), "risk_tier", "medium");
        assertEquals("EUR", c2.get("currency"));
        assertEquals(100, number(c2, "open_balance"), EPS);
        List<Map<String, String>> kpis = csv(tmp.resolve("own/kpis.csv"));
        assertEquals(List.of("EUR", "USD", "USD"), kpis.stream().map(r -> r.get("currency")).toList());
    }

    @Test
    void observedLabelRatesWhenTheHistoryCoversTheHorizon() throws IOException {
        // As of January 31 with H = 30: A (due Jan 31) is still open on March 2, its 30th day past due.
        SegmentsJob.Outcome outcome = run(LocalDate.parse("2025-01-31"), USD, new DelinquencyLabel(30, 30), "labels");

        assertTrue(outcome.labelsObserved());
        List<Map<String, String>> segments = csv(tmp.resolve("labels/segments.csv"));
        assertEquals(1.0, number(row(segments, "risk_tier", "high"), "observed_label_rate"), EPS);
        assertEquals(0.0, number(row(segments, "risk_tier", "medium"), "observed_label_rate"), EPS);
        assertEquals("1", row(segments, "risk_tier", "low").get("labelled_customers"));
    }

    @Test
    void scoresForAnotherDayAreRefused() {
        Path scores = scoresAsOf(LocalDate.parse("2025-03-30"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SegmentsJob.run(spark,
                new SegmentsJob.Config(HistoryFixtures.resource("/histories/portfolio-march-2025").toString(),
                        MARCH_END, scores.toString(), tmp.resolve("refused").toString(), DelinquencyLabel.defaults(),
                        USD, 3, ReaderConfig.defaults())));
        assertTrue(e.getMessage().contains("as of 2025-03-30"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("refused")));
    }

    private static Map<String, String> row(List<Map<String, String>> rows, String column, String value) {
        return rows.stream().filter(r -> value.equals(r.get(column))).findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + column + " = " + value + " in " + rows));
    }

    private static double number(Map<String, String> row, String column) {
        return Double.parseDouble(row.get(column));
    }

    /** A small CSV without quoted commas, as a list of column -> cell maps. */
    static List<Map<String, String>> csv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String[] header = lines.get(0).split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i].replace("\"", ""));
            }
            rows.add(row);
        }
        return rows;
    }
}

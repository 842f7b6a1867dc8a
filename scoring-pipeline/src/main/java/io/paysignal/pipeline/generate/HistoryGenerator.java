package io.paysignal.pipeline.generate;

import io.paysignal.core.history.CustomerHistory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Generates a contract-true history directory ({@code customers.csv}, {@code invoices.csv},
 * {@code payments.csv}, {@code contacts.csv}) and the generator's truth ({@code truth/}).
 *
 * <p>Customers are simulated in blocks, in parallel when {@code threads > 1}, and written strictly in
 * customer order as each block completes, with a bounded number of blocks in flight: memory does not grow
 * with the number of customers, and the bytes do not depend on the thread count.
 */
public final class HistoryGenerator {

    /** Header of customers.csv (DATA-CONTRACT section 1). */
    public static final String CUSTOMERS_HEADER =
            "customer_id,segment,country,timezone,preferred_channel,do_not_contact,credit_limit,opened_date";
    /** Header of invoices.csv. */
    public static final String INVOICES_HEADER = "invoice_id,customer_id,issue_date,due_date,amount,currency,disputed";
    /** Header of payments.csv. */
    public static final String PAYMENTS_HEADER = "payment_id,invoice_id,payment_date,amount";
    /** Header of contacts.csv. */
    public static final String CONTACTS_HEADER = "contact_id,customer_id,contact_time,channel,outcome";
    /** Header of truth/label_probability.csv. */
    public static final String LABEL_TRUTH_HEADER = "customer_id,as_of,true_probability,realized_label,stress_at_as_of";
    /** Header of truth/customer_latent.csv. */
    public static final String LATENT_HEADER = "customer_id,reliable,habit_offset_days,habit_spread_days,"
            + "episodes_per_year,initial_stress,dispute_rate,billing_frequency,terms_days,best_channel";

    static final int BLOCK_SIZE = 250;

    private final GeneratorConfig config;
    private final SimCalendar calendar;
    private final LegacyOutreachPolicy policy;
    private final TruthEstimator truth;
    private final int[] asOfDays;

    public HistoryGenerator(GeneratorConfig config) {
        this.config = config;
        this.policy = new LegacyOutreachPolicy(config.legacyCallsInLocalHours());
        int startDay = (int) config.start().toEpochDay();
        int endDay = (int) config.end().toEpochDay();
        this.calendar = new SimCalendar(startDay - 2, endDay + config.label().horizonDays() + 2);
        this.truth = new TruthEstimator(config.seed(), config.label(), config.truthSamples());
        this.asOfDays = config.truthAsOf().stream().mapToInt(date -> (int) date.toEpochDay()).toArray();
    }

    /** Runs the generator; returns what it wrote. */
    public GenerationSummary generate() throws IOException {
        long started = System.nanoTime();
        Path out = config.out();
        Path truthDir = out.resolve("truth");
        Files.createDirectories(truthDir);
        GeneratedBlock totals = new GeneratedBlock(asOfDays.length, truth.samples());
        try (Output output = new Output(out, truthDir)) {
            output.writeHeaders();
            if (config.threads() == 1) {
                for (int from = 0; from < config.customers(); from += BLOCK_SIZE) {
                    output.write(simulateBlock(from, Math.min(config.customers(), from + BLOCK_SIZE)), totals);
                }
            } else {
                runParallel(output, totals);
            }
        }
        writeTruthReadme(truthDir);
        double seconds = (System.nanoTime() - started) / 1e9;
        return summarize(totals, seconds);
    }

    private void runParallel(Output output, GeneratedBlock totals) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(config.threads(), runnable -> {
            Thread thread = new Thread(runnable, "history-generator");
            thread.setDaemon(true);
            return thread;
        });
        try {
            ArrayDeque<Future<GeneratedBlock>> inFlight = new ArrayDeque<>();
            int window = 2 * config.threads() + 1;
            for (int from = 0; from < config.customers(); from += BLOCK_SIZE) {
                int blockFrom = from;
                int blockTo = Math.min(config.customers(), from + BLOCK_SIZE);
                inFlight.add(pool.submit(() -> simulateBlock(blockFrom, blockTo)));
                if (inFlight.size() >= window) {
                    output.write(await(inFlight.poll()), totals);
                }
            }
            while (!inFlight.isEmpty()) {
                output.write(await(inFlight.poll()), totals);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static GeneratedBlock await(Future<GeneratedBlock> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while generating", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Simulates customers {@code from} (inclusive) to {@code to} (exclusive). */
    GeneratedBlock simulateBlock(int from, int to) {
        GeneratedBlock block = new GeneratedBlock(asOfDays.length, truth.samples());
        int startDay = (int) config.start().toEpochDay();
        int endDay = (int) config.end().toEpochDay();
        for (int index = from; index < to; index++) {
            simulateCustomer(index, startDay, endDay, block);
        }
        return block;
    }

    private void simulateCustomer(int index, int startDay, int endDay, GeneratedBlock block) {
        CustomerProfile profile = CustomerProfile.draw(config.seed(), index, startDay, endDay);
        CustomerSimulation simulation = new CustomerSimulation(profile, calendar, policy);
        HistoryRows rows = new HistoryRows(block, profile, calendar);
        rows.writeCustomer();
        SplittableRandom random = RandomStreams.derive(config.seed(), index, RandomStreams.HISTORY);
        int[] delinquentSamples = new int[asOfDays.length];
        double[] stressAtAsOf = new double[asOfDays.length];
        int nextAsOf = 0;
        while (nextAsOf < asOfDays.length && asOfDays[nextAsOf] < startDay) {
            nextAsOf++;
        }
        for (int day = startDay; day <= endDay; day++) {
            simulation.step(day, random, rows);
            while (nextAsOf < asOfDays.length && asOfDays[nextAsOf] == day) {
                delinquentSamples[nextAsOf] = truth.delinquentSamples(simulation, day);
                stressAtAsOf[nextAsOf] = simulation.stress();
                nextAsOf++;
            }
        }
        CustomerHistory history = asOfDays.length == 0 ? null : rows.history();
        for (int i = 0; i < asOfDays.length; i++) {
            int asOf = asOfDays[i];
            boolean observable = asOf + config.label().horizonDays() <= endDay;
            int realized = -1;
            if (observable) {
                realized = config.label().isDelinquent(history, LocalDate.ofEpochDay(asOf)) ? 1 : 0;
                block.labelCounts[i][delinquentSamples[i]][realized]++;
            }
            double probability = (double) delinquentSamples[i] / truth.samples();
            block.probabilitySums[i] += probability;
            StringBuilder line = block.labelTruth;
            line.append(profile.customerId()).append(',').append(calendar.date(asOf)).append(',');
            CsvText.appendFixed4(line, probability);
            line.append(',');
            if (realized >= 0) {
                line.append(realized);
            }
            line.append(',');
            CsvText.appendFixed4(line, stressAtAsOf[i]);
            line.append('\n');
        }
        ResponseTruth.appendRow(block.responseTruth, profile.response());
        appendLatent(block.latentTruth, profile);
    }

    private static void appendLatent(StringBuilder out, CustomerProfile profile) {
        out.append(profile.customerId()).append(',').append(profile.reliable()).append(',');
        CsvText.appendFixed4(out, profile.habitOffset());
        out.append(',');
        CsvText.appendFixed4(out, profile.habitSpread());
        out.append(',');
        CsvText.appendFixed4(out, profile.episodeRatePerDay() * 365);
        out.append(',');
        CsvText.appendFixed4(out, profile.initialStress());
        out.append(',');
        CsvText.appendFixed4(out, profile.disputeRate());
        out.append(',').append(profile.frequency().name().toLowerCase(Locale.ROOT))
                .append(',').append(profile.termsDays())
                .append(',').append(profile.response().bestChannel().wireName()).append('\n');
    }

    private GenerationSummary summarize(GeneratedBlock totals, double seconds) {
        List<GenerationSummary.TruthSummary> summaries = new ArrayList<>();
        for (int i = 0; i < asOfDays.length; i++) {
            long[][] counts = totals.labelCounts[i];
            long positives = 0;
            long negatives = 0;
            for (long[] bin : counts) {
                negatives += bin[0];
                positives += bin[1];
            }
            summaries.add(new GenerationSummary.TruthSummary(LocalDate.ofEpochDay(asOfDays[i]),
                    totals.probabilitySums[i] / config.customers(), positives + negatives, positives,
                    auc(counts, positives, negatives)));
        }
        return new GenerationSummary(totals.customerRows, totals.invoiceRows, totals.paymentRows,
                totals.contactRows, summaries, seconds);
    }

    /** Exact AUC (ties count half) from counts per probability bin, bins in increasing probability. */
    static double auc(long[][] counts, long positives, long negatives) {
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        double concordant = 0;
        long negativesBelow = 0;
        for (long[] bin : counts) {
            concordant += bin[1] * (negativesBelow + 0.5 * bin[0]);
            negativesBelow += bin[0];
        }
        return concordant / ((double) positives * negatives);
    }

    private static void writeTruthReadme(Path truthDir) throws IOException {
        try (InputStream readme = HistoryGenerator.class.getResourceAsStream("truth-README.md")) {
            if (readme == null) {
                throw new IllegalStateException("truth-README.md is missing from the jar");
            }
            Files.write(truthDir.resolve("README.md"), readme.readAllBytes());
        }
    }

    /** The seven output files, written block by block in customer order. */
    private static final class Output implements AutoCloseable {
        private final Writer customers;
        private final Writer invoices;
        private final Writer payments;
        private final Writer contacts;
        private final Writer labelTruth;
        private final Writer responseTruth;
        private final Writer latentTruth;

        Output(Path out, Path truthDir) throws IOException {
            customers = open(out.resolve("customers.csv"));
            invoices = open(out.resolve("invoices.csv"));
            payments = open(out.resolve("payments.csv"));
            contacts = open(out.resolve("contacts.csv"));
            labelTruth = open(truthDir.resolve("label_probability.csv"));
            responseTruth = open(truthDir.resolve("response_truth.csv"));
            latentTruth = open(truthDir.resolve("customer_latent.csv"));
        }

        private static Writer open(Path path) throws IOException {
            return new BufferedWriter(Files.newBufferedWriter(path, StandardCharsets.UTF_8), 1 << 17);
        }

        void writeHeaders() throws IOException {
            line(customers, CUSTOMERS_HEADER);
            line(invoices, INVOICES_HEADER);
            line(payments, PAYMENTS_HEADER);
            line(contacts, CONTACTS_HEADER);
            line(labelTruth, LABEL_TRUTH_HEADER);
            ResponseTruth.writeHeader(responseTruth);
            line(latentTruth, LATENT_HEADER);
        }

        void write(GeneratedBlock block, GeneratedBlock totals) throws IOException {
            customers.append(block.customers);
            invoices.append(block.invoices);
            payments.append(block.payments);
            contacts.append(block.contacts);
            labelTruth.append(block.labelTruth);
            responseTruth.append(block.responseTruth);
            latentTruth.append(block.latentTruth);
            totals.customerRows += block.customerRows;
            totals.invoiceRows += block.invoiceRows;
            totals.paymentRows += block.paymentRows;
            totals.contactRows += block.contactRows;
            for (int i = 0; i < block.probabilitySums.length; i++) {
                totals.probabilitySums[i] += block.probabilitySums[i];
                for (int k = 0; k < block.labelCounts[i].length; k++) {
                    totals.labelCounts[i][k][0] += block.labelCounts[i][k][0];
                    totals.labelCounts[i][k][1] += block.labelCounts[i][k][1];
                }
            }
        }

        private static void line(Writer writer, String text) throws IOException {
            writer.write(text);
            writer.write('\n');
        }

        @Override
        public void close() throws IOException {
            IOException failure = null;
            for (Writer writer : List.of(customers, invoices, payments, contacts, labelTruth, responseTruth, latentTruth)) {
                try {
                    writer.close();
                } catch (IOException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }
}

package io.paysignal.pipeline.generate;

import io.paysignal.core.definition.DelinquencyLabel;
import io.paysignal.core.definition.InvoiceLedger;
import io.paysignal.core.history.Channel;
import io.paysignal.core.history.Contact;
import io.paysignal.core.history.ContactOutcome;
import io.paysignal.core.history.ContractRows;
import io.paysignal.core.history.Customer;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.history.Invoice;
import io.paysignal.core.history.Payment;
import io.paysignal.core.history.RowOutcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistoryGeneratorTest {

    private static final LocalDate START = LocalDate.parse("2024-01-01");
    private static final LocalDate END = LocalDate.parse("2025-06-30");
    private static final LocalDate AS_OF = LocalDate.parse("2025-03-01");
    private static final DelinquencyLabel LABEL = DelinquencyLabel.defaults();

    @TempDir
    static Path runs;

    private static Path history;
    private static GenerationSummary summary;
    private static Map<String, Customer> customers;
    private static Map<String, Invoice> invoices;
    private static List<Payment> payments;
    private static List<Contact> contacts;

    @BeforeAll
    static void generateOnce() throws IOException {
        history = runs.resolve("h2000");
        summary = new HistoryGenerator(config(2000, history, 2, List.of(AS_OF))).generate();
        customers = new HashMap<>();
        for (Map<String, String> row : CsvTable.read(history.resolve("customers.csv")).rows) {
            Customer customer = accepted(ContractRows.customer(row::get), row);
            assertTrue(customers.put(customer.customerId(), customer) == null,
                    "duplicate customer_id " + customer.customerId());
        }
        invoices = new HashMap<>();
        for (Map<String, String> row : CsvTable.read(history.resolve("invoices.csv")).rows) {
            Invoice invoice = accepted(ContractRows.invoice(row::get, "USD"), row);
            assertTrue(invoices.put(invoice.invoiceId(), invoice) == null, "duplicate invoice_id " + invoice.invoiceId());
        }
        payments = new ArrayList<>();
        for (Map<String, String> row : CsvTable.read(history.resolve("payments.csv")).rows) {
            payments.add(accepted(ContractRows.payment(row::get), row));
        }
        contacts = new ArrayList<>();
        for (Map<String, String> row : CsvTable.read(history.resolve("contacts.csv")).rows) {
            contacts.add(accepted(ContractRows.contact(row::get), row));
        }
    }

    private static GeneratorConfig config(int customers, Path out, int threads, List<LocalDate> asOf) {
        return new GeneratorConfig(customers, START, END, 42, out, asOf, LABEL, 32, threads);
    }

    private static <T> T accepted(RowOutcome<T> outcome, Map<String, String> row) {
        assertTrue(outcome.isAccepted(), () -> "rejected (" + outcome.reason() + "): " + row);
        return outcome.value();
    }

    @Test
    void tablesHaveExactlyTheContractColumns() throws IOException {
        assertEquals(List.of("customer_id", "segment", "country", "timezone", "preferred_channel", "do_not_contact",
                "credit_limit", "opened_date"), CsvTable.read(history.resolve("customers.csv")).header);
        assertEquals(List.of("invoice_id", "customer_id", "issue_date", "due_date", "amount", "currency", "disputed"),
                CsvTable.read(history.resolve("invoices.csv")).header);
        assertEquals(List.of("payment_id", "invoice_id", "payment_date", "amount"),
                CsvTable.read(history.resolve("payments.csv")).header);
        assertEquals(List.of("contact_id", "customer_id", "contact_time", "channel", "outcome"),
                CsvTable.read(history.resolve("contacts.csv")).header);
    }

    @Test
    void everyRowPassesTheContractParserWithReferentialIntegrityAndUniqueKeys() {
        assertEquals(2000, customers.size());
        assertEquals(summary.invoices(), invoices.size());
        assertEquals(summary.payments(), payments.size());
        assertEquals(summary.contacts(), contacts.size());
        for (Invoice invoice : invoices.values()) {
            assertTrue(customers.containsKey(invoice.customerId()), "unknown customer in " + invoice);
        }
        Set<String> paymentIds = new HashSet<>();
        for (Payment payment : payments) {
            assertTrue(invoices.containsKey(payment.invoiceId()), "unknown invoice in " + payment);
            assertTrue(paymentIds.add(payment.paymentId()), "duplicate payment_id " + payment.paymentId());
        }
        Set<String> contactIds = new HashSet<>();
        for (Contact contact : contacts) {
            assertTrue(customers.containsKey(contact.customerId()), "unknown customer in " + contact);
            assertTrue(contactIds.add(contact.contactId()), "duplicate contact_id " + contact.contactId());
        }
    }

    @Test
    void paymentsFallBetweenIssueAndEndAndNeverOverpay() {
        Map<String, Double> paid = new HashMap<>();
        for (Payment payment : payments) {
            Invoice invoice = invoices.get(payment.invoiceId());
            assertFalse(payment.paymentDate().isBefore(invoice.issueDate()), "paid before issue: " + payment);
            assertFalse(payment.paymentDate().isAfter(END), "paid after the end: " + payment);
            paid.merge(payment.invoiceId(), payment.amount(), Double::sum);
        }
        paid.forEach((id, sum) -> assertTrue(sum <= invoices.get(id).amount() + 1e-6, "overpaid " + id));
        assertTrue(invoices.values().stream().noneMatch(invoice -> invoice.issueDate().isAfter(END)));
    }

    @Test
    void customersLiveOnSeveralContinentsWithBlankPreferencesAmongThem() {
        Set<String> zones = new HashSet<>();
        Set<String> segments = new HashSet<>();
        long blankPreference = 0;
        for (Customer customer : customers.values()) {
            zones.add(customer.timezone().getId());
            segments.add(customer.segment());
            blankPreference += customer.preferredChannel() == null ? 1 : 0;
        }
        assertTrue(zones.containsAll(List.of("America/Chicago", "Europe/Berlin", "Asia/Kolkata", "Australia/Sydney",
                "America/Sao_Paulo")), zones.toString());
        assertEquals(Set.of("smb", "enterprise", "consumer"), segments);
        assertTrue(blankPreference > 100 && blankPreference < 1000, "blank preferences: " + blankPreference);
    }

    @Test
    void doNotContactCustomersAreNeverContacted() {
        Set<String> doNotContact = new HashSet<>();
        customers.values().stream().filter(Customer::doNotContact).forEach(c -> doNotContact.add(c.customerId()));
        assertFalse(doNotContact.isEmpty());
        assertTrue(contacts.stream().noneMatch(contact -> doNotContact.contains(contact.customerId())));
    }

    @Test
    void aChannelIsNeverUsedAfterTheCustomerOptedOutOfIt() {
        Map<String, List<Contact>> byCustomer = new HashMap<>();
        contacts.forEach(contact -> byCustomer.computeIfAbsent(contact.customerId(), id -> new ArrayList<>()).add(contact));
        int optOuts = 0;
        for (List<Contact> list : byCustomer.values()) {
            list.sort(Comparator.comparing(Contact::contactTime));
            Set<Channel> optedOut = new HashSet<>();
            for (Contact contact : list) {
                assertFalse(optedOut.contains(contact.channel()), "contacted on an opted-out channel: " + contact);
                if (contact.outcome() == ContactOutcome.OPTED_OUT) {
                    optedOut.add(contact.channel());
                    optOuts++;
                }
            }
        }
        assertTrue(optOuts > 0, "some customers opt out");
    }

    @Test
    void reliablePayersAreNeverLateAndOthersSometimesAre() throws IOException {
        Set<String> reliable = new HashSet<>();
        for (Map<String, String> row : CsvTable.read(history.resolve("truth/customer_latent.csv")).rows) {
            if (row.get("reliable").equals("true")) {
                reliable.add(row.get("customer_id"));
            }
        }
        assertTrue(reliable.size() > 200 && reliable.size() < 800, "reliable payers: " + reliable.size());
        Map<String, List<Payment>> byInvoice = new HashMap<>();
        payments.forEach(p -> byInvoice.computeIfAbsent(p.invoiceId(), id -> new ArrayList<>()).add(p));
        long lateInvoices = 0;
        for (Invoice invoice : invoices.values()) {
            InvoiceLedger ledger = new InvoiceLedger(invoice, byInvoice.getOrDefault(invoice.invoiceId(), List.of()));
            boolean late = !invoice.dueDate().isAfter(END) && !ledger.isSettledOn(invoice.dueDate());
            if (reliable.contains(invoice.customerId())) {
                assertFalse(late, "a reliable payer paid late: " + invoice);
            }
            lateInvoices += late ? 1 : 0;
        }
        assertTrue(lateInvoices > invoices.size() / 5, "late invoices: " + lateInvoices);
    }

    @Test
    void labelPrevalenceAtTheTruthDateIsRealistic() {
        GenerationSummary.TruthSummary truth = summary.truth().get(0);
        assertEquals(AS_OF, truth.asOf());
        assertEquals(2000, truth.labelled());
        assertTrue(truth.prevalence() >= 0.08 && truth.prevalence() <= 0.20, "prevalence " + truth.prevalence());
    }

    @Test
    void realizedLabelsInTheTruthFileAreTheContractLabelOfTheGeneratedTables() throws IOException {
        Map<String, List<Invoice>> invoicesByCustomer = new HashMap<>();
        invoices.values().forEach(i -> invoicesByCustomer.computeIfAbsent(i.customerId(), id -> new ArrayList<>()).add(i));
        Map<String, List<Payment>> paymentsByCustomer = new HashMap<>();
        payments.forEach(p -> paymentsByCustomer.computeIfAbsent(invoices.get(p.invoiceId()).customerId(),
                id -> new ArrayList<>()).add(p));
        int positives = 0;
        for (Map<String, String> row : CsvTable.read(history.resolve("truth/label_probability.csv")).rows) {
            String id = row.get("customer_id");
            CustomerHistory customerHistory = new CustomerHistory(customers.get(id),
                    invoicesByCustomer.get(id), paymentsByCustomer.get(id), List.of());
            boolean label = LABEL.isDelinquent(customerHistory, AS_OF);
            assertEquals(label ? "1" : "0", row.get("realized_label"), id);
            positives += label ? 1 : 0;
        }
        assertEquals(summary.truth().get(0).positives(), positives);
    }

    @Test
    void trueProbabilitiesAreProbabilitiesThatRankTheRealizedLabels() throws IOException {
        List<Map<String, String>> rows = new ArrayList<>(CsvTable.read(history.resolve("truth/label_probability.csv")).rows);
        assertEquals(2000, rows.size());
        Function<Map<String, String>, Double> probability = row -> Double.parseDouble(row.get("true_probability"));
        for (Map<String, String> row : rows) {
            double p = probability.apply(row);
            assertTrue(p >= 0 && p <= 1, row.toString());
            assertEquals(AS_OF.toString(), row.get("as_of"));
        }
        rows.sort(Comparator.comparing(probability));
        int decile = rows.size() / 10;
        double bottom = rows.subList(0, decile).stream().mapToInt(r -> Integer.parseInt(r.get("realized_label"))).average().orElseThrow();
        double top = rows.subList(rows.size() - decile, rows.size()).stream()
                .mapToInt(r -> Integer.parseInt(r.get("realized_label"))).average().orElseThrow();
        assertTrue(top > 0.6, "top decile label rate " + top);
        assertTrue(bottom < 0.02, "bottom decile label rate " + bottom);
        assertTrue(summary.truth().get(0).auc() > 0.85, "truth AUC " + summary.truth().get(0).auc());
        double meanProbability = rows.stream().mapToDouble(probability::apply).average().orElseThrow();
        assertEquals(summary.truth().get(0).prevalence(), meanProbability, 0.04, "true probabilities are calibrated");
    }

    @Test
    void customersUnderFinancialStressAreFarMoreLikelyToBecomeDelinquent() throws IOException {
        double stressedSum = 0;
        int stressed = 0;
        double calmSum = 0;
        int calm = 0;
        for (Map<String, String> row : CsvTable.read(history.resolve("truth/label_probability.csv")).rows) {
            double stress = Double.parseDouble(row.get("stress_at_as_of"));
            double p = Double.parseDouble(row.get("true_probability"));
            if (stress >= 0.5) {
                stressedSum += p;
                stressed++;
            } else if (stress == 0) {
                calmSum += p;
                calm++;
            }
        }
        assertTrue(stressed > 10 && calm > 1000, stressed + " stressed, " + calm + " calm");
        assertTrue(stressedSum / stressed > 4 * (calmSum / calm),
                "stressed " + stressedSum / stressed + " vs calm " + calmSum / calm);
    }

    @Test
    void sameArgumentsGiveByteIdenticalOutputWhateverTheThreadCount() throws IOException {
        Path one = runs.resolve("one-thread");
        Path two = runs.resolve("two-threads");
        new HistoryGenerator(config(600, one, 1, List.of(AS_OF))).generate();
        new HistoryGenerator(config(600, two, 2, List.of(AS_OF))).generate();
        for (String file : List.of("customers.csv", "invoices.csv", "payments.csv", "contacts.csv",
                "truth/label_probability.csv", "truth/response_truth.csv", "truth/customer_latent.csv", "truth/README.md")) {
            assertArrayEquals(Files.readAllBytes(one.resolve(file)), Files.readAllBytes(two.resolve(file)), file);
        }
        byte[] prefix = Files.readAllBytes(one.resolve("invoices.csv"));
        byte[] larger = Files.readAllBytes(history.resolve("invoices.csv"));
        assertArrayEquals(prefix, Arrays.copyOf(larger, prefix.length), "the first customers do not depend on N");
    }

    @Test
    void theCommittedSampleIsExactlyWhatTheGeneratorMakes() throws IOException {
        // Surefire runs in the module directory; the sample sits at the repository root.
        Path committed = Path.of("..", "data-samples", "history");
        Path regenerated = runs.resolve("sample");
        new HistoryGenerator(new GeneratorConfig(500, LocalDate.parse("2024-01-01"), LocalDate.parse("2025-12-31"), 42,
                regenerated, List.of(LocalDate.parse("2025-10-02")), LABEL, GeneratorConfig.DEFAULT_TRUTH_SAMPLES, 2))
                .generate();
        for (String file : List.of("customers.csv", "invoices.csv", "payments.csv", "contacts.csv",
                "truth/label_probability.csv", "truth/response_truth.csv", "truth/customer_latent.csv", "truth/README.md")) {
            assertArrayEquals(Files.readAllBytes(committed.resolve(file)), Files.readAllBytes(regenerated.resolve(file)),
                    file + " differs: regenerate with data-samples/generate.sh");
        }
    }

    @Test
    void truthReSimulationsDoNotDisturbTheGeneratedHistory() throws IOException {
        Path withTruth = runs.resolve("with-truth");
        Path withoutTruth = runs.resolve("without-truth");
        new HistoryGenerator(config(300, withTruth, 1, List.of(LocalDate.parse("2024-06-01"), AS_OF))).generate();
        new HistoryGenerator(config(300, withoutTruth, 1, List.of())).generate();
        for (String file : List.of("customers.csv", "invoices.csv", "payments.csv", "contacts.csv")) {
            assertArrayEquals(Files.readAllBytes(withTruth.resolve(file)), Files.readAllBytes(withoutTruth.resolve(file)), file);
        }
        assertEquals(601, Files.readAllLines(withTruth.resolve("truth/label_probability.csv")).size());
        assertEquals(1, Files.readAllLines(withoutTruth.resolve("truth/label_probability.csv")).size());
    }
}

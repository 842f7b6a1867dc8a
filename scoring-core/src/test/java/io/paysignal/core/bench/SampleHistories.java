package io.paysignal.core.bench;

import io.paysignal.core.history.Contact;
import io.paysignal.core.history.ContractRows;
import io.paysignal.core.history.CsvLine;
import io.paysignal.core.history.Customer;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.history.Invoice;
import io.paysignal.core.history.Payment;
import io.paysignal.core.history.RowOutcome;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One customer's history read from a contract CSV history folder (e.g. the generator's output) with the
 * contract's own row parser, for benchmarks that need a realistic customer rather than a synthetic one.
 */
final class SampleHistories {

    private SampleHistories() {
    }

    /** The history of the customer with the most invoices among the first {@code scan} customers. */
    static CustomerHistory busiestCustomer(Path folder, int scan) {
        List<Map<String, String>> customers = rows(folder.resolve("customers.csv"), row -> true);
        Set<String> candidates = new HashSet<>();
        for (int i = 0; i < Math.min(scan, customers.size()); i++) {
            candidates.add(customers.get(i).get("customer_id"));
        }
        List<Map<String, String>> invoices = rows(folder.resolve("invoices.csv"),
                row -> candidates.contains(row.get("customer_id")));
        Map<String, Integer> counts = new HashMap<>();
        invoices.forEach(row -> counts.merge(row.get("customer_id"), 1, Integer::sum));
        String busiest = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        return history(folder, busiest);
    }

    /** The history of one customer. */
    static CustomerHistory history(Path folder, String customerId) {
        Customer customer = accepted(ContractRows.customer(cells(rows(folder.resolve("customers.csv"),
                row -> customerId.equals(row.get("customer_id"))).get(0))));
        List<Invoice> invoices = new ArrayList<>();
        for (Map<String, String> row : rows(folder.resolve("invoices.csv"), r -> customerId.equals(r.get("customer_id")))) {
            invoices.add(accepted(ContractRows.invoice(cells(row), "USD")));
        }
        Set<String> invoiceIds = new HashSet<>();
        invoices.forEach(invoice -> invoiceIds.add(invoice.invoiceId()));
        List<Payment> payments = new ArrayList<>();
        for (Map<String, String> row : rows(folder.resolve("payments.csv"), r -> invoiceIds.contains(r.get("invoice_id")))) {
            payments.add(accepted(ContractRows.payment(cells(row))));
        }
        List<Contact> contacts = new ArrayList<>();
        Path contactsFile = folder.resolve("contacts.csv");
        if (Files.exists(contactsFile)) {
            for (Map<String, String> row : rows(contactsFile, r -> customerId.equals(r.get("customer_id")))) {
                contacts.add(accepted(ContractRows.contact(cells(row))));
            }
        }
        return new CustomerHistory(customer, invoices, payments, contacts);
    }

    private static Function<String, String> cells(Map<String, String> row) {
        return row::get;
    }

    private static <T> T accepted(RowOutcome<T> outcome) {
        if (!outcome.isAccepted()) {
            throw new IllegalArgumentException("sample row rejected: " + outcome.reason());
        }
        return outcome.value();
    }

    private static List<Map<String, String>> rows(Path file, java.util.function.Predicate<Map<String, String>> keep) {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            var iterator = lines.iterator();
            List<String> header = accepted(CsvLine.split(iterator.next()));
            List<Map<String, String>> rows = new ArrayList<>();
            while (iterator.hasNext()) {
                String line = iterator.next();
                if (line.isBlank()) {
                    continue;
                }
                List<String> fields = accepted(CsvLine.split(line));
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.size() && i < fields.size(); i++) {
                    row.put(header.get(i), fields.get(i));
                }
                if (keep.test(row)) {
                    rows.add(row);
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.paysignal.pipeline.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Subsets of the shipped sample history ({@code data-samples/history}, 500 customers): the first customers with
 * every invoice, payment and contact of theirs, as CSV lines (header first) or written as a history folder.
 * The sample has no quoted fields, so a line's fields are its comma-separated parts.
 */
public final class SampleHistory {

    /** The shipped sample history folder. */
    public static final Path FOLDER = Path.of("").toAbsolutePath().getParent().resolve("data-samples/history");

    private SampleHistory() {
    }

    /** The first {@code customers} customers with all their rows, per table in contract order, header first. */
    public static Map<String, List<String>> firstCustomers(int customers) {
        try {
            List<String> customerLines = Files.readAllLines(FOLDER.resolve("customers.csv"), StandardCharsets.UTF_8)
                    .subList(0, customers + 1);
            Set<String> customerIds = customerLines.stream().skip(1).map(l -> field(l, 0)).collect(Collectors.toSet());
            List<String> invoices = filter("invoices.csv", l -> customerIds.contains(field(l, 1)));
            Set<String> invoiceIds = invoices.stream().skip(1).map(l -> field(l, 0)).collect(Collectors.toSet());
            Map<String, List<String>> tables = new LinkedHashMap<>();
            tables.put("customers", new ArrayList<>(customerLines));
            tables.put("invoices", invoices);
            tables.put("payments", filter("payments.csv", l -> invoiceIds.contains(field(l, 1))));
            tables.put("contacts", filter("contacts.csv", l -> customerIds.contains(field(l, 1))));
            return tables;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes tables as {@code NAME.csv} files into {@code folder}; returns the folder. */
    public static Path write(Path folder, Map<String, List<String>> tables) {
        try {
            Files.createDirectories(folder);
            for (Map.Entry<String, List<String>> table : tables.entrySet()) {
                Files.write(folder.resolve(table.getKey() + ".csv"), table.getValue(), StandardCharsets.UTF_8);
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Field {@code index} of a sample CSV line. */
    public static String field(String line, int index) {
        return line.split(",", -1)[index];
    }

    private static List<String> filter(String file, Predicate<String> keep) throws IOException {
        List<String> lines = Files.readAllLines(FOLDER.resolve(file), StandardCharsets.UTF_8);
        List<String> kept = new ArrayList<>();
        kept.add(lines.get(0));
        lines.stream().skip(1).filter(keep).forEach(kept::add);
        return kept;
    }
}

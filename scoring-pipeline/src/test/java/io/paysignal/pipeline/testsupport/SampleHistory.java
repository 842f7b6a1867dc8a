package io.paysignal.pipeline.testsupport;

import io.paysignal.pipeline.train.TrainerConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The committed 500-customer sample history ({@code data-samples/history}, made by {@code riskctl generate
 * --customers 500 --start 2024-01-01 --end 2025-12-31 --seed 42}) and the quick trainer configuration tests
 * train on, and subsets of it: the first customers with every invoice, payment and contact of theirs, as CSV
 * lines (header first) or written as a history folder. The sample has no quoted fields, so a line's fields are
 * its comma-separated parts.
 */
public final class SampleHistory {

    /** The contract tables of the sample (its {@code truth/} folder is not part of the history). */
    public static final List<String> TABLES = List.of("customers.csv", "invoices.csv", "payments.csv", "contacts.csv");

    private SampleHistory() {
    }

    /** The module's base directory: Maven sets {@code basedir}; an IDE runs tests from the module folder. */
    public static Path moduleDirectory() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    }

    /** The repository root (the module's parent). */
    public static Path repositoryRoot() {
        return moduleDirectory().getParent();
    }

    /** {@code data-samples/history}. */
    public static Path directory() {
        Path dir = repositoryRoot().resolve("data-samples").resolve("history");
        if (!Files.isRegularFile(dir.resolve("customers.csv"))) {
            throw new IllegalStateException("the sample history is missing: " + dir);
        }
        return dir;
    }

    /** {@code data-samples/history/truth/label_probability.csv}. */
    public static Path labelTruth() {
        return directory().resolve("truth").resolve("label_probability.csv");
    }

    /** Copies the sample's four tables (not its truth) into {@code target}, which is created. */
    public static Path copyTo(Path target) throws IOException {
        Files.createDirectories(target);
        for (String table : TABLES) {
            Files.copy(directory().resolve(table), target.resolve(table), StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    /** The test resource {@code trainers-quick.properties} as a file. */
    public static Path quickTrainerFile() {
        URL url = SampleHistory.class.getResource("/trainers-quick.properties");
        if (url == null) {
            throw new IllegalStateException("no test resource trainers-quick.properties");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The quick trainer configuration: logistic and a small XGBoost, trained in seconds on the sample. */
    public static TrainerConfig quickTrainer() throws IOException {
        return TrainerConfig.load(quickTrainerFile());
    }

    /** The first {@code customers} customers with all their rows, per table in contract order, header first. */
    public static Map<String, List<String>> firstCustomers(int customers) {
        try {
            List<String> customerLines = Files.readAllLines(directory().resolve("customers.csv"), StandardCharsets.UTF_8)
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
        List<String> lines = Files.readAllLines(directory().resolve(file), StandardCharsets.UTF_8);
        List<String> kept = new ArrayList<>();
        kept.add(lines.get(0));
        lines.stream().skip(1).filter(keep).forEach(kept::add);
        return kept;
    }
}

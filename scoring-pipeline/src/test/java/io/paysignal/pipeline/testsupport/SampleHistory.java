package io.paysignal.pipeline.testsupport;

import io.paysignal.pipeline.train.TrainerConfig;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The committed 500-customer sample history ({@code data-samples/history}, made by {@code riskctl generate
 * --customers 500 --start 2024-01-01 --end 2025-12-31 --seed 42}) and the quick trainer configuration tests
 * train on.
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
}

package io.paysignal.api.testsupport;

import io.paysignal.api.service.ModelInfo;
import io.paysignal.api.service.RiskModel;
import io.paysignal.api.service.RiskModelReader;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Reads a {@link LogisticRiskModel} from {@code model.properties} in a version folder: the test double of the
 * bundle reader. Keys: {@code version}, {@code features} (comma-separated), {@code intercept},
 * {@code weights} (comma-separated), {@code tier.medium}, {@code tier.high}, optional {@code created_at},
 * {@code training_from}, {@code training_to}, {@code metric.NAME}, {@code detail.NAME}.
 */
public final class PropertiesModelReader implements RiskModelReader {

    public static final String FILE = "model.properties";

    @Override
    public RiskModel read(Path versionFolder) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(versionFolder.resolve(FILE))) {
            properties.load(reader);
        }
        List<String> features = List.of(required(properties, "features").split(","));
        double[] weights = Arrays.stream(required(properties, "weights").split(","))
                .mapToDouble(Double::parseDouble).toArray();
        Map<String, Double> metrics = new HashMap<>();
        Map<String, String> details = new HashMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("metric.")) {
                metrics.put(key.substring(7), Double.parseDouble(properties.getProperty(key)));
            } else if (key.startsWith("detail.")) {
                details.put(key.substring(7), properties.getProperty(key));
            }
        }
        ModelInfo info = new ModelInfo(required(properties, "version"),
                optional(properties, "created_at") == null ? null : Instant.parse(properties.getProperty("created_at")),
                optional(properties, "training_from") == null ? null : LocalDate.parse(properties.getProperty("training_from")),
                optional(properties, "training_to") == null ? null : LocalDate.parse(properties.getProperty("training_to")),
                features, metrics, details);
        return new LogisticRiskModel(info, Double.parseDouble(required(properties, "intercept")), weights,
                Double.parseDouble(required(properties, "tier.medium")),
                Double.parseDouble(required(properties, "tier.high")));
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException(FILE + " has no " + key);
        }
        return value;
    }

    private static String optional(Properties properties, String key) {
        return properties.getProperty(key);
    }
}

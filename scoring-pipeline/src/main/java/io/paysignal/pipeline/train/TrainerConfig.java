package io.paysignal.pipeline.train;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The trainer's hyper-parameters, read from a versioned properties file under {@code scoring-pipeline/configs/}
 * (see {@code trainers-v1.properties} for every key and what it means). The whole file is recorded in each
 * bundle's manifest.
 *
 * @param version the file's {@code config.version}
 * @param seed seed for learners and sampling
 * @param candidates candidate learners, in the order they are tried
 * @param maxTrainingRows cap on training rows
 * @param highShare share of the validation snapshot put in the high tier
 * @param elevatedShare share put in medium or high
 * @param settings every key and value as read
 */
public record TrainerConfig(String version, long seed, List<CandidateSpec> candidates, int maxTrainingRows,
                            double highShare, double elevatedShare, Map<String, String> settings) {

    /**
     * The configuration this build trains with unless told otherwise. Bundles record the version they were
     * trained with, and every released version stays loadable by name.
     */
    public static final String DEFAULT_NAME = "trainers-v2";

    public TrainerConfig {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("config.version is required");
        }
        candidates = List.copyOf(candidates);
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("at least one candidate is required");
        }
        if (candidates.stream().map(CandidateSpec::name).distinct().count() != candidates.size()) {
            throw new IllegalArgumentException("candidate names must be unique");
        }
        if (maxTrainingRows < 100) {
            throw new IllegalArgumentException("rows.max must be at least 100, was " + maxTrainingRows);
        }
        if (!(highShare > 0 && highShare <= elevatedShare && elevatedShare < 1)) {
            throw new IllegalArgumentException("need 0 < tiers.high.share <= tiers.elevated.share < 1");
        }
        settings = Map.copyOf(new TreeMap<>(settings));
    }

    /** Loads a configuration shipped in the jar under {@code configs/<name>.properties}. */
    public static TrainerConfig bundled(String name) throws IOException {
        String resource = "/configs/" + name + ".properties";
        try (InputStream in = TrainerConfig.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no bundled trainer configuration " + resource);
            }
            return parse(load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8)), resource);
        }
    }

    /**
     * A configuration file when {@code fileOrName} is an existing file, else the bundled configuration of that
     * name (e.g. {@code trainers-v1}); IOException naming both when it is neither.
     */
    public static TrainerConfig fileOrBundled(String fileOrName) throws IOException {
        Path file = Path.of(fileOrName);
        if (Files.isRegularFile(file)) {
            return load(file);
        }
        if (!fileOrName.matches("[A-Za-z0-9_.-]+")) {
            throw new IOException("no trainer configuration file " + fileOrName);
        }
        try {
            return bundled(fileOrName);
        } catch (IOException e) {
            throw new IOException("no trainer configuration file " + fileOrName + " and " + e.getMessage(), e);
        }
    }

    /** Loads a configuration file. */
    public static TrainerConfig load(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(load(reader), file.toString());
        }
    }

    /** A copy whose row cap is {@code maxTrainingRows}, e.g. from a command-line option. */
    public TrainerConfig withMaxTrainingRows(int rows) {
        Map<String, String> changed = new HashMap<>(settings);
        changed.put("rows.max", Integer.toString(rows));
        return new TrainerConfig(version, seed, candidates, rows, highShare, elevatedShare, changed);
    }

    /** Builds a configuration from properties; {@code source} names them in error messages. */
    public static TrainerConfig parse(Properties properties, String source) {
        Map<String, String> settings = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            settings.put(key, properties.getProperty(key).trim());
        }
        try {
            List<CandidateSpec> candidates = new ArrayList<>();
            for (String name : new LinkedHashSet<>(List.of(required(settings, "candidates").split("\\s*,\\s*")))) {
                String prefix = name + ".";
                Map<String, String> own = new TreeMap<>();
                settings.forEach((key, value) -> {
                    if (key.startsWith(prefix)) {
                        own.put(key.substring(prefix.length()), value);
                    }
                });
                LearnerKind kind = LearnerKind.fromConfig(required(settings, prefix + "learner"));
                candidates.add(new CandidateSpec(name, kind, own));
            }
            return new TrainerConfig(required(settings, "config.version"),
                    Long.parseLong(required(settings, "seed")), candidates,
                    Integer.parseInt(required(settings, "rows.max")),
                    Double.parseDouble(required(settings, "tiers.high.share")),
                    Double.parseDouble(required(settings, "tiers.elevated.share")), settings);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("trainer configuration " + source + ": " + e.getMessage(), e);
        }
    }

    private static Properties load(Reader reader) throws IOException {
        Properties properties = new Properties();
        properties.load(reader);
        return properties;
    }

    private static String required(Map<String, String> settings, String key) {
        String value = settings.get(key);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("missing key " + key);
        }
        return value;
    }
}

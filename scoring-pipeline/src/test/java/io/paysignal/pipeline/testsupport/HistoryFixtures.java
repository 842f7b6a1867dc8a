package io.paysignal.pipeline.testsupport;

import io.paysignal.pipeline.io.History;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The history fixtures under {@code src/test/resources/histories/} and helpers to inspect what was read. */
public final class HistoryFixtures {

    private HistoryFixtures() {
    }

    /** One row of {@code History.rejects()}, collected. */
    public record Reject(String table, Long line, String key, String reason, String raw) {
    }

    /** Valid rows plus at least one bad row of every kind the contract names. */
    public static Path withEveryReject() {
        return resource("/histories/with-every-reject");
    }

    /** A resource directory as a local path. */
    public static Path resource(String name) {
        URL url = HistoryFixtures.class.getResource(name);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The rejects of a (small, test-sized) history. */
    public static List<Reject> rejects(History history) {
        return history.rejects().collectAsList().stream()
                .map(row -> new Reject(row.getString(0), row.isNullAt(1) ? null : row.getLong(1), row.getString(2),
                        row.getString(3), row.getString(4)))
                .toList();
    }

    /** Data rows of a CSV file as the contract counts them: non-blank lines after the header. */
    public static long dataLines(Path csv) throws IOException {
        if (!Files.exists(csv)) {
            return 0;
        }
        try {
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            return lines.stream().skip(1).filter(line -> !line.isBlank()).count();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}

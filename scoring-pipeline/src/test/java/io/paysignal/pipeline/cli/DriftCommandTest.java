package io.paysignal.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exit status a scheduler acts on: 3 past the PSI threshold, 0 within it. */
class DriftCommandTest {

    @TempDir
    Path tmp;

    /** A score output holding only scores.csv, with scores {@code offset + i / rows * 0.5}. */
    private Path scores(String name, String asOf, double offset) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        StringBuilder csv = new StringBuilder("customer_id,as_of,risk_score,risk_tier,reason_codes,action,channel,"
                + "contact_at,model_version\n");
        int rows = 200;
        for (int i = 0; i < rows; i++) {
            csv.append(String.format(Locale.ROOT, "C%d,%s,%.6f,low,,none,,,m1%n", i, asOf, offset + 0.5 * i / rows));
        }
        Files.writeString(tmp.resolve(name).resolve("scores.csv"), csv, StandardCharsets.UTF_8);
        return dir;
    }

    @Test
    void exitsWithThreeWhenTheScoreDriftedAndZeroOtherwise() throws IOException {
        Path baseline = scores("base", "2025-09-30", 0);
        Path same = scores("same", "2025-12-31", 0.001);
        Path moved = scores("moved", "2025-12-31", 0.3);

        int drifted = RiskCtl.run("drift", "--baseline", baseline.toString(), "--current", moved.toString());
        int stable = RiskCtl.run("drift", "--baseline", baseline.toString(), "--current", same.toString(),
                "--out", tmp.resolve("report").toString());

        assertEquals(DriftCommand.EXIT_DRIFT, drifted);
        assertEquals(0, stable);
        assertEquals(true, Files.exists(tmp.resolve("report").resolve("drift_bins.csv")));
    }
}

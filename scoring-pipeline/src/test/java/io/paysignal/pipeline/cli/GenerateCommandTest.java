package io.paysignal.pipeline.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GenerateCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = RiskCtl.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void helpListsTheGenerateCommand() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("generate"), out.toString());
    }

    @Test
    void unknownOptionExitsNonZero() {
        assertNotEquals(0, RiskCtl.run("generate", "--no-such-option"));
        assertNotEquals(0, run("generate", "--customers", "5", "--start", "2024-01-01", "--end", "2024-12-31",
                "--out", "x", "--no-such-option"));
        assertTrue(err.toString().contains("--no-such-option"), err.toString());
    }

    @Test
    void aDateInAnotherSyntaxExitsNonZero() {
        assertNotEquals(0, run("generate", "--customers", "5", "--start", "01/01/2024", "--end", "2024-12-31",
                "--out", "x"));
        assertTrue(err.toString().contains("yyyy-MM-dd"), err.toString());
    }

    @Test
    void aHistoryShorterThanTheHorizonNeedsAnExplicitTruthDate(@TempDir Path dir) {
        assertEquals(RiskCtl.EXIT_FAILURE, run("generate", "--customers", "5", "--start", "2024-01-01",
                "--end", "2024-02-01", "--out", dir.toString()));
        assertTrue(err.toString().contains("shorter than the horizon"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), "one-line reason");
    }

    @Test
    void generatesTheTablesAndTheTruthAndPrintsASummary(@TempDir Path dir) {
        assertEquals(0, run("generate", "--customers", "40", "--start", "2024-01-01", "--end", "2024-12-31",
                "--seed", "3", "--out", dir.toString(), "--truth-as-of", "2024-06-01", "--truth-as-of", "2024-09-01",
                "--truth-samples", "8", "--threads", "1"));
        for (String file : new String[] {"customers.csv", "invoices.csv", "payments.csv", "contacts.csv",
                "truth/label_probability.csv", "truth/response_truth.csv", "truth/README.md"}) {
            assertTrue(Files.isRegularFile(dir.resolve(file)), file);
        }
        assertTrue(out.toString().contains("customers 40"), out.toString());
        assertTrue(out.toString().contains("as of 2024-06-01") && out.toString().contains("as of 2024-09-01"), out.toString());
    }
}

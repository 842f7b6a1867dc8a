package io.paysignal.api;

import io.paysignal.api.auth.Role;
import io.paysignal.api.testsupport.TestComponents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {

    private static final String FILE_KEY = "file-key-000000000000";
    private static final String ENV_KEY = "env-key-0000000000000";

    @TempDir
    Path dir;

    @Test
    void buildsTheConfigurationWithDocumentedDefaults() throws Exception {
        Path keys = dir.resolve("keys.txt");
        Files.writeString(keys, "# scorer for the CRM\nscorer " + FILE_KEY + "\n");

        ApiConfig config = parse("--registry", "reg", "--snapshot", "out", "--api-keys", keys.toString()).config(null);

        assertEquals(Path.of("reg"), config.registry());
        assertEquals("out", config.snapshot());
        assertEquals("0.0.0.0", config.host());
        assertEquals(7070, config.port());
        assertEquals(1_048_576L, config.maxBodyBytes());
        assertEquals(1000, config.batchLimit());
        assertEquals(5, config.canaryCustomers());
        assertEquals("USD", config.defaultCurrency());
        assertFalse(config.allowAnonymous());
        assertFalse(config.openMetrics());
        assertEquals(Optional.of(Role.SCORER), config.apiKeys().roleOf(FILE_KEY));
    }

    @Test
    void combinesKeysFromTheFileAndTheEnvironment() throws Exception {
        Path keys = dir.resolve("keys.txt");
        Files.writeString(keys, "scorer " + FILE_KEY + "\n");

        ApiConfig config = parse("--registry", "r", "--snapshot", "s", "--api-keys", keys.toString(), "--port", "8080",
                "--open-metrics", "--max-body-bytes", "2048", "--batch-limit", "10", "--default-currency", "EUR")
                .config("admin " + ENV_KEY + "; scorer other-env-key-00000000");

        assertEquals(3, config.apiKeys().size());
        assertEquals(Optional.of(Role.ADMIN), config.apiKeys().roleOf(ENV_KEY));
        assertEquals(8080, config.port());
        assertTrue(config.openMetrics());
        assertEquals(2048, config.maxBodyBytes());
        assertEquals(10, config.batchLimit());
        assertEquals("EUR", config.defaultCurrency());
    }

    @Test
    void refusesToRunWithoutKeysUnlessAnonymousAccessIsChosen() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse("--registry", "r", "--snapshot", "s").config(null));
        assertTrue(e.getMessage().contains("--allow-anonymous"), e.getMessage());

        assertTrue(parse("--registry", "r", "--snapshot", "s", "--allow-anonymous").config(" ").allowAnonymous());
    }

    @Test
    void badOptionsExitWith2() {
        CommandLine commandLine = Main.commandLine(new Main(TestComponents::create));
        commandLine.setErr(new PrintWriter(new StringWriter()));

        assertEquals(2, commandLine.execute("--registry", "r"));
    }

    @Test
    void aStartUpFailureExitsWith1AndAOneLineReason() {
        CommandLine commandLine = Main.commandLine(new Main(TestComponents::create));
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err));

        int status = commandLine.execute("--registry", dir.toString(), "--snapshot", dir.resolve("none").toString(),
                "--host", "127.0.0.1", "--port", "0", "--allow-anonymous");

        assertEquals(1, status);
        assertTrue(err.toString().startsWith("riskctl serve: snapshot folder"), err.toString());
        assertEquals(1, err.toString().strip().lines().count());
    }

    private static Main parse(String... args) {
        Main main = new Main();
        new CommandLine(main).parseArgs(args);
        return main;
    }
}

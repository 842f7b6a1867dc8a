package io.paysignal.api;

import io.paysignal.api.auth.ApiKeyStore;
import io.paysignal.api.service.ScoringComponents;
import io.paysignal.api.service.ScoringComponentsProvider;
import io.paysignal.api.snapshot.SnapshotReader;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * {@code riskctl serve}: runs the scoring API until the process is stopped. Exit status 0 after a clean
 * stop, 1 with a one-line reason on stderr when start-up fails, 2 for bad options.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Serve risk scores and outreach recommendations over HTTP from a model registry and a"
                + " score run's feature snapshot.")
public final class Main implements Callable<Integer> {

    @Option(names = "--registry", required = true, paramLabel = "DIR",
            description = "Model registry: version folders and the file CURRENT naming the one to serve.")
    Path registry;

    @Option(names = "--snapshot", required = true, paramLabel = "DIR",
            description = "Output folder of 'riskctl score': its features/ part files are served, and its Parquet"
                    + " score table, when the serving model wrote it, supplies the scores.")
    String snapshot;

    @Option(names = "--host", defaultValue = ApiConfig.DEFAULT_HOST, description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "" + ApiConfig.DEFAULT_PORT, description = "Port (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int port;

    @Option(names = "--api-keys", paramLabel = "FILE",
            description = "API keys, one 'ROLE KEY' per line (roles: scorer, admin). Also read: $" + ApiConfig.API_KEYS_ENV
                    + " ('ROLE KEY' entries separated by ';').")
    Path apiKeys;

    @Option(names = "--allow-anonymous", description = "Serve without checking API keys (start-up otherwise fails when no key is configured).")
    boolean allowAnonymous;

    @Option(names = "--open-metrics", description = "Serve /metrics without a key.")
    boolean openMetrics;

    @Option(names = "--max-body-bytes", defaultValue = "" + ApiConfig.DEFAULT_MAX_BODY_BYTES,
            description = "Largest accepted request body (default: ${DEFAULT-VALUE}).")
    long maxBodyBytes;

    @Option(names = "--batch-limit", defaultValue = "" + ApiConfig.DEFAULT_BATCH_LIMIT,
            description = "Most customer ids per batch request (default: ${DEFAULT-VALUE}).")
    int batchLimit;

    @Option(names = "--canary-customers", defaultValue = "" + ApiConfig.DEFAULT_CANARY_CUSTOMERS,
            description = "Snapshot customers a model must score before it serves (default: ${DEFAULT-VALUE}).")
    int canaryCustomers;

    @Option(names = "--default-currency", defaultValue = ApiConfig.DEFAULT_CURRENCY,
            description = "Currency of inline invoices without one (default: ${DEFAULT-VALUE}).")
    String defaultCurrency;

    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Supplier<ScoringComponents> components;

    /** The command serving with the registered {@link ScoringComponentsProvider}. */
    public Main() {
        this(Main::registeredComponents);
    }

    /** The command serving with the given components (tests). */
    Main(Supplier<ScoringComponents> components) {
        this.components = components;
    }

    public static void main(String[] args) {
        System.exit(commandLine(new Main()).execute(args));
    }

    /** The configured command line; failures print one line to stderr and exit 1. */
    static CommandLine commandLine(Main main) {
        CommandLine commandLine = new CommandLine(main);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            cmd.getErr().println("riskctl serve: " + oneLine(exception));
            LoggerFactory.getLogger(Main.class).debug("serve failed", exception);
            return 1;
        });
        return commandLine;
    }

    @Override
    public Integer call() throws Exception {
        ApiConfig config = config(System.getenv(ApiConfig.API_KEYS_ENV));
        ApiServer server = ApiServer.start(config, components.get(), SnapshotReader.withDefaults(), Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "serve-shutdown"));
        stopped.await();
        return 0;
    }

    /** The configuration from the options and the keys variable's value (null when unset). */
    ApiConfig config(String keysVariable) throws IOException {
        ApiKeyStore keys = ApiKeyStore.empty();
        if (apiKeys != null) {
            keys = ApiKeyStore.parse(Files.readAllLines(apiKeys, StandardCharsets.UTF_8), apiKeys.toString());
        }
        if (keysVariable != null && !keysVariable.isBlank()) {
            List<String> entries = Arrays.asList(keysVariable.split(";"));
            keys = keys.and(ApiKeyStore.parse(entries, "$" + ApiConfig.API_KEYS_ENV + " entry"));
        }
        return new ApiConfig(registry, snapshot, host, port, keys, allowAnonymous, openMetrics, maxBodyBytes,
                batchLimit, canaryCustomers, defaultCurrency);
    }

    /** The one registered {@link ScoringComponentsProvider}'s components. */
    static ScoringComponents registeredComponents() {
        List<ScoringComponentsProvider> providers = ServiceLoader.load(ScoringComponentsProvider.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        if (providers.size() != 1) {
            throw new IllegalStateException("expected one " + ScoringComponentsProvider.class.getName()
                    + " registered under META-INF/services, found " + providers.size());
        }
        return providers.get(0).components();
    }

    /** Reads the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"riskctl serve " + (version == null ? "dev" : version)};
        }
    }

    private static String oneLine(Throwable exception) {
        Throwable root = exception;
        while (root.getMessage() == null && root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replaceAll("\\s*\\R\\s*", " ");
    }
}

package io.paysignal.api;

import io.paysignal.api.auth.ApiKeyStore;

import java.nio.file.Path;

/**
 * Everything the scoring API is configured with, built once by {@link Main} from the command line and the
 * environment and passed down; nothing below {@code Main} reads options or the environment.
 *
 * <table>
 *   <caption>Keys, their option and default</caption>
 *   <tr><th>key</th><th>option</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>registry</td><td>--registry DIR</td><td>(required)</td><td>model registry: version folders and
 *       the file CURRENT naming the one to serve</td></tr>
 *   <tr><td>snapshot</td><td>--snapshot DIR</td><td>(required)</td><td>a {@code riskctl score --out}
 *       folder; its {@code features/} part files are loaded, and its Parquet score table when present (any
 *       Hadoop URI, or a local path)</td></tr>
 *   <tr><td>host</td><td>--host</td><td>0.0.0.0</td><td>address to listen on</td></tr>
 *   <tr><td>port</td><td>--port</td><td>7070</td><td>port to listen on; 0 picks a free one</td></tr>
 *   <tr><td>apiKeys</td><td>--api-keys FILE, env RISKCTL_API_KEYS</td><td>none</td><td>accepted keys,
 *       {@code ROLE KEY} per line in the file, {@code ;}-separated in the variable; both are combined</td></tr>
 *   <tr><td>allowAnonymous</td><td>--allow-anonymous</td><td>false</td><td>serve without any key check;
 *       without it, start-up fails when no key is configured</td></tr>
 *   <tr><td>openMetrics</td><td>--open-metrics</td><td>false</td><td>/metrics without a key (else any
 *       scorer or admin key)</td></tr>
 *   <tr><td>maxBodyBytes</td><td>--max-body-bytes</td><td>1048576 (1 MiB)</td><td>larger request bodies
 *       get 413</td></tr>
 *   <tr><td>batchLimit</td><td>--batch-limit</td><td>1000</td><td>most ids per batch request</td></tr>
 *   <tr><td>canaryCustomers</td><td>--canary-customers</td><td>5</td><td>snapshot customers a model must
 *       score before it serves</td></tr>
 *   <tr><td>defaultCurrency</td><td>--default-currency</td><td>USD</td><td>currency of an inline invoice
 *       without one (contract section 1)</td></tr>
 * </table>
 */
public record ApiConfig(Path registry, String snapshot, String host, int port, ApiKeyStore apiKeys,
                        boolean allowAnonymous, boolean openMetrics, long maxBodyBytes, int batchLimit,
                        int canaryCustomers, String defaultCurrency) {

    public static final String DEFAULT_HOST = "0.0.0.0";
    public static final int DEFAULT_PORT = 7070;
    public static final long DEFAULT_MAX_BODY_BYTES = 1L << 20;
    public static final int DEFAULT_BATCH_LIMIT = 1000;
    public static final int DEFAULT_CANARY_CUSTOMERS = 5;
    public static final String DEFAULT_CURRENCY = "USD";
    /** The environment variable holding extra keys, {@code ROLE KEY} entries separated by {@code ;}. */
    public static final String API_KEYS_ENV = "RISKCTL_API_KEYS";

    public ApiConfig {
        if (registry == null || snapshot == null || snapshot.isBlank()) {
            throw new IllegalArgumentException("--registry and --snapshot are required");
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("--host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be 0..65535, was " + port);
        }
        apiKeys = apiKeys == null ? ApiKeyStore.empty() : apiKeys;
        if (apiKeys.isEmpty() && !allowAnonymous) {
            throw new IllegalArgumentException("no API keys configured: give --api-keys FILE or " + API_KEYS_ENV
                    + ", or pass --allow-anonymous to serve without keys");
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("--max-body-bytes must be at least 1024, was " + maxBodyBytes);
        }
        if (batchLimit < 1 || batchLimit > 10_000) {
            throw new IllegalArgumentException("--batch-limit must be 1..10000, was " + batchLimit);
        }
        if (canaryCustomers < 1) {
            throw new IllegalArgumentException("--canary-customers must be at least 1");
        }
        if (defaultCurrency == null || !defaultCurrency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("--default-currency must be an ISO 4217 code, was " + defaultCurrency);
        }
    }

    /** A configuration with every optional key at its default. */
    public static ApiConfig defaults(Path registry, String snapshot, ApiKeyStore apiKeys) {
        return new ApiConfig(registry, snapshot, DEFAULT_HOST, DEFAULT_PORT, apiKeys, false, false,
                DEFAULT_MAX_BODY_BYTES, DEFAULT_BATCH_LIMIT, DEFAULT_CANARY_CUSTOMERS, DEFAULT_CURRENCY);
    }

    /** This configuration listening on {@code host:port}. */
    public ApiConfig withAddress(String newHost, int newPort) {
        return new ApiConfig(registry, snapshot, newHost, newPort, apiKeys, allowAnonymous, openMetrics, maxBodyBytes,
                batchLimit, canaryCustomers, defaultCurrency);
    }

    /** This configuration with other limits. */
    public ApiConfig withLimits(long newMaxBodyBytes, int newBatchLimit) {
        return new ApiConfig(registry, snapshot, host, port, apiKeys, allowAnonymous, openMetrics, newMaxBodyBytes,
                newBatchLimit, canaryCustomers, defaultCurrency);
    }

    /** This configuration with metrics open or key-protected. */
    public ApiConfig withOpenMetrics(boolean open) {
        return new ApiConfig(registry, snapshot, host, port, apiKeys, allowAnonymous, open, maxBodyBytes, batchLimit,
                canaryCustomers, defaultCurrency);
    }
}

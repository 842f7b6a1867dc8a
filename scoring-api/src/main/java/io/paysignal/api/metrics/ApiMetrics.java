package io.paysignal.api.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.paysignal.api.service.Readiness;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The service's Prometheus metrics (names as Prometheus shows them):
 * <ul>
 *   <li>{@code http_server_requests_seconds} (histogram; tags {@code method}, {@code route} = the route
 *       template, {@code status}): latency per route, with buckets for quantiles in PromQL</li>
 *   <li>{@code paysignal_http_errors_total} (tags {@code status}, {@code route}): error responses by status</li>
 *   <li>{@code paysignal_scores_served_total} (tag {@code endpoint}: {@code customer}, {@code inline},
 *       {@code batch}): scores returned</li>
 *   <li>{@code paysignal_model_info} (tag {@code version}): 1 for the serving model, info-style</li>
 *   <li>{@code paysignal_snapshot_customers}: customers in the loaded snapshot (-1 while loading)</li>
 * </ul>
 * Routes are always templates ({@code /v1/customers/{customer_id}/score}) and unmatched paths share the
 * route {@code unmatched}, so no request can create unbounded label values.
 */
public final class ApiMetrics {

    /** The route label of requests that matched no route. */
    public static final String UNMATCHED_ROUTE = "unmatched";

    private final PrometheusMeterRegistry registry;
    private final Supplier<Readiness> readiness;
    private final MultiGauge modelInfo;
    // Registered meters by their labels: looking a meter up here costs a hash of three fields, where building
    // and registering it again per request (Micrometer's id with sorted tags) cost a few microseconds.
    private final Map<RequestKey, RequestMeters> requestMeters = new ConcurrentHashMap<>();
    private final Map<String, Counter> scoreCounters = new ConcurrentHashMap<>();

    /** @param readiness what is loaded, read at every scrape */
    public ApiMetrics(Supplier<Readiness> readiness) {
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        this.readiness = readiness;
        this.modelInfo = MultiGauge.builder("paysignal.model.info")
                .description("The serving model version (value 1)").register(registry);
        Gauge.builder("paysignal.snapshot.customers", () -> readiness.get().snapshotCustomers())
                .description("Customers in the loaded snapshot; -1 while it loads").register(registry);
    }

    /** Records one answered request. */
    public void recordRequest(String method, String route, int status, Duration latency) {
        RequestKey key = new RequestKey(method, route, status);
        RequestMeters meters = requestMeters.get(key);
        if (meters == null) {
            meters = requestMeters.computeIfAbsent(key, this::register);
        }
        meters.latency().record(latency);
        if (meters.errors() != null) {
            meters.errors().increment();
        }
    }

    /** Counts scores returned by {@code endpoint} ({@code customer}, {@code inline} or {@code batch}). */
    public void scoresServed(String endpoint, int count) {
        Counter counter = scoreCounters.get(endpoint);
        if (counter == null) {
            counter = scoreCounters.computeIfAbsent(endpoint, tag -> Counter.builder("paysignal.scores.served")
                    .description("Scores returned").tag("endpoint", tag).register(registry));
        }
        counter.increment(count);
    }

    private RequestMeters register(RequestKey key) {
        String statusText = Integer.toString(key.status());
        Timer latency = Timer.builder("http.server.requests")
                .description("HTTP request latency by route")
                .tags("method", key.method(), "route", key.route(), "status", statusText)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
        Counter errors = key.status() < 400 ? null : Counter.builder("paysignal.http.errors")
                .description("Error responses by status")
                .tags("status", statusText, "route", key.route()).register(registry);
        return new RequestMeters(latency, errors);
    }

    /**
     * The labels of one request's meters. Bounded like the labels themselves: methods and route templates are
     * the route table's, statuses are HTTP's.
     */
    private record RequestKey(String method, String route, int status) {
    }

    /** A request's latency timer and, for 4xx and 5xx, its error counter. */
    private record RequestMeters(Timer latency, Counter errors) {
    }

    /** The Prometheus text exposition of every metric. */
    public String scrape() {
        String version = readiness.get().modelVersion();
        modelInfo.register(version == null ? List.of()
                : List.of(MultiGauge.Row.of(Tags.of("version", version), 1)), true);
        return registry.scrape();
    }

    /** The media type of {@link #scrape()}. */
    public static String contentType() {
        return "text/plain; version=0.0.4; charset=utf-8";
    }
}

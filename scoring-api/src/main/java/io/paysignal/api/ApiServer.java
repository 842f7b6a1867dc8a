package io.paysignal.api;

import io.javalin.Javalin;
import io.paysignal.api.metrics.ApiMetrics;
import io.paysignal.api.service.ModelRegistry;
import io.paysignal.api.service.ScoringComponents;
import io.paysignal.api.service.ScoringService;
import io.paysignal.api.snapshot.SnapshotIndex;
import io.paysignal.api.snapshot.SnapshotReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * A running scoring API. Start-up order: the HTTP server first (so {@code /health/live} answers at once and
 * {@code /health/ready} says 503 while loading), then the snapshot, then the registry's CURRENT model,
 * validated on snapshot canaries. If the snapshot or the model cannot be loaded the server is stopped and
 * start-up fails: the service refuses to run on bad inputs rather than answering every request with 503.
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    private final Javalin app;
    private final ScoringService service;

    private ApiServer(Javalin app, ScoringService service) {
        this.app = app;
        this.service = service;
    }

    /** Starts the server and loads snapshot and model; throws (with the server stopped) when either fails. */
    public static ApiServer start(ApiConfig config, ScoringComponents components, SnapshotReader snapshots,
                                  Clock clock) {
        ScoringService service = new ScoringService(components, new ModelRegistry(config.registry()),
                config.canaryCustomers(), clock);
        ApiMetrics metrics = new ApiMetrics(service::readiness);
        Javalin app = ScoringApp.create(config, service, metrics);
        app.start(config.host(), config.port());
        if (config.allowAnonymous()) {
            LOG.warn("*** API KEYS ARE NOT CHECKED (--allow-anonymous): anyone who reaches {}:{} can read scores"
                    + " and reload models ***", config.host(), app.port());
        }
        try {
            SnapshotIndex index = snapshots.read(config.snapshot());
            service.useSnapshot(index);
            service.reload();
        } catch (RuntimeException e) {
            app.stop();
            throw e;
        }
        LOG.info("scoring API ready on {}:{} with model {} and {} customers", config.host(), app.port(),
                service.readiness().modelVersion(), service.readiness().snapshotCustomers());
        return new ApiServer(app, service);
    }

    /** The port listened on (useful with port 0). */
    public int port() {
        return app.port();
    }

    /** The service behind the routes. */
    public ScoringService service() {
        return service;
    }

    /** Stops the HTTP server. */
    @Override
    public void close() {
        app.stop();
    }
}

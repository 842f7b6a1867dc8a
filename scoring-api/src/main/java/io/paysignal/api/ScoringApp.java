package io.paysignal.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import io.javalin.openapi.plugin.OpenApiPlugin;
import io.javalin.openapi.plugin.swagger.SwaggerPlugin;
import io.javalin.security.RouteRole;
import io.paysignal.api.http.ApiJson;
import io.paysignal.api.http.ApiKeyFilter;
import io.paysignal.api.http.HealthHandler;
import io.paysignal.api.http.InlineHistoryParser;
import io.paysignal.api.http.JsonBodyReader;
import io.paysignal.api.http.MetricsHandler;
import io.paysignal.api.http.ModelHandler;
import io.paysignal.api.http.RequiredRole;
import io.paysignal.api.http.ScoreHandler;
import io.paysignal.api.metrics.ApiMetrics;
import io.paysignal.api.problem.ProblemMapper;
import io.paysignal.api.service.ScoringService;

import java.time.Duration;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;

/**
 * Builds the scoring API's Javalin instance from its dependencies, unstarted, so tests and {@link ApiServer}
 * start it themselves. The route table below is the only place routes are declared.
 */
public final class ScoringApp {

    /** Where the OpenAPI document is served. */
    public static final String OPENAPI_PATH = "/openapi.json";
    /** Where the Swagger UI is served. */
    public static final String SWAGGER_PATH = "/swagger";

    private ScoringApp() {
    }

    /** The configured, unstarted app. */
    public static Javalin create(ApiConfig config, ScoringService service, ApiMetrics metrics) {
        ObjectMapper json = ApiJson.mapper();
        ProblemMapper problems = new ProblemMapper(json);
        ScoreHandler scores = new ScoreHandler(json, service, new JsonBodyReader(json, config.maxBodyBytes()),
                new InlineHistoryParser(config.defaultCurrency()), problems, metrics, config.batchLimit());
        ModelHandler models = new ModelHandler(service);
        HealthHandler health = new HealthHandler(service);
        MetricsHandler scrape = new MetricsHandler(metrics);
        ApiKeyFilter keys = new ApiKeyFilter(config.apiKeys(), config.allowAnonymous());
        RouteRole[] metricsAccess = config.openMetrics() ? new RouteRole[0] : new RouteRole[] {RequiredRole.SCORER};

        return Javalin.create(javalin -> {
            javalin.showJavalinBanner = false;
            javalin.startupWatcherEnabled = false;
            javalin.jsonMapper(new JavalinJackson(json, false));
            javalin.http.maxRequestSize = config.maxBodyBytes();
            javalin.http.prefer405over404 = true;
            javalin.requestLogger.http((ctx, millis) -> metrics.recordRequest(ctx.method().name(), route(ctx),
                    ctx.statusCode(), Duration.ofNanos((long) (millis * 1_000_000L))));
            javalin.registerPlugin(new OpenApiPlugin(openApi -> openApi
                    .withDocumentationPath(OPENAPI_PATH)
                    .withDefinitionConfiguration((version, definition) -> definition
                            .withInfo(info -> info.title("PaySignal scoring API")
                                    .version(ScoringApp.class.getPackage().getImplementationVersion() == null
                                            ? "dev" : ScoringApp.class.getPackage().getImplementationVersion())
                                    .description("Delinquency-risk scores and outreach recommendations per customer."
                                            + " Every error is application/problem+json (RFC 7807) with a type URI"
                                            + " urn:paysignal:problem:<slug>.")
                                    .license("Apache-2.0", "https://www.apache.org/licenses/LICENSE-2.0"))
                            // Relative: the document describes whichever host served it.
                            .withServer(server -> server.url("/").description("this server"))
                            .withSecurity(security -> security
                                    .withApiKeyAuth("ApiKey", ApiKeyFilter.API_KEY_HEADER)
                                    .withBearerAuth("Bearer")))));
            javalin.registerPlugin(new SwaggerPlugin(swagger -> {
                swagger.setUiPath(SWAGGER_PATH);
                swagger.setDocumentationPath(OPENAPI_PATH);
                swagger.setTitle("PaySignal scoring API");
                // No call from the browser to the public swagger.io validator: the document may be private.
                swagger.setValidatorUrl(null);
            }));
            javalin.router.mount(routing -> {
                routing.beforeMatched(keys);
                problems.register(routing);
            });
            javalin.router.apiBuilder(() -> {
                path("v1", () -> {
                    get("customers/{customer_id}/score", scores::customerScore, RequiredRole.SCORER);
                    post("score", scores::inlineScore, RequiredRole.SCORER);
                    post("scores:batch", scores::batchScore, RequiredRole.SCORER);
                    get("model", models::current, RequiredRole.SCORER);
                    get("models", models::list, RequiredRole.SCORER);
                });
                post("admin/reload", models::reload, RequiredRole.ADMIN);
                path("health", () -> {
                    get("live", health::live);
                    get("ready", health::ready);
                });
                get("metrics", scrape::scrape, metricsAccess);
            });
        });
    }

    /** The matched route template, or {@link ApiMetrics#UNMATCHED_ROUTE}: never the raw path. */
    private static String route(Context ctx) {
        try {
            String template = ctx.endpointHandlerPath();
            return template == null || template.isEmpty() || template.equals("*") ? ApiMetrics.UNMATCHED_ROUTE : template;
        } catch (RuntimeException e) {
            return ApiMetrics.UNMATCHED_ROUTE;
        }
    }
}

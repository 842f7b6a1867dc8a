package io.paysignal.api.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRouting;
import io.javalin.validation.ValidationError;
import io.javalin.validation.ValidationException;
import io.paysignal.api.service.ModelRejectedException;
import io.paysignal.api.service.ReloadInProgressException;
import io.paysignal.api.service.ServiceUnavailableException;
import io.paysignal.api.service.UnknownCustomerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The one mapping from exceptions to {@link Problem} responses, registered once for every route. Known
 * failures get their type and a specific detail; Javalin's own {@link HttpResponseException}s (unknown
 * route, wrong method, body too large) get the same shape; anything else is a 500 whose detail says only
 * that an error was logged, under an incident id, with the stack trace going to the log alone.
 */
public final class ProblemMapper {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);
    /** Ids and other request text echoed in a detail are cut to this length. */
    private static final int MAX_ECHO = 100;
    /** Seconds a client should wait before retrying while the service is not ready. */
    private static final String RETRY_AFTER_SECONDS = "5";

    private final ObjectMapper json;

    /** @param json the mapper problem bodies are written with */
    public ProblemMapper(ObjectMapper json) {
        this.json = json;
    }

    /** Registers the mapping for every exception on {@code routing}. */
    public void register(JavalinDefaultRouting routing) {
        // Javalin maps HttpResponseException itself unless a handler names that class exactly.
        routing.exception(HttpResponseException.class, (exception, ctx) -> respond(ctx, toProblem(exception, ctx.path())));
        routing.exception(Exception.class, (exception, ctx) -> respond(ctx, toProblem(exception, ctx.path())));
    }

    /** Sends {@code problem} as the response, with the headers its status calls for. */
    public void respond(Context ctx, Problem problem) {
        if (problem.status() == 401) {
            ctx.header(Header.WWW_AUTHENTICATE, "Bearer realm=\"paysignal\"");
        }
        if (problem.status() == 503) {
            ctx.header(Header.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            LOG.error("cannot write a problem body", e);
            body = "{\"type\":\"" + ProblemType.INTERNAL_ERROR.uri() + "\",\"status\":500}";
        }
        ctx.status(problem.status()).contentType(Problem.MEDIA_TYPE).result(body);
    }

    /** The problem for {@code exception} raised while answering {@code instance}. */
    public Problem toProblem(Exception exception, String instance) {
        if (exception instanceof ProblemException problem) {
            return Problem.of(problem.type(), problem.getMessage(), instance, problem.errors());
        }
        if (exception instanceof UnknownCustomerException unknown) {
            return Problem.of(ProblemType.UNKNOWN_CUSTOMER, "No customer '" + echo(unknown.customerId())
                    + "' in the loaded snapshot.", instance, List.of());
        }
        if (exception instanceof ServiceUnavailableException unavailable) {
            return Problem.of(ProblemType.NOT_READY, capitalised(unavailable.getMessage()) + ".", instance, List.of());
        }
        if (exception instanceof ModelRejectedException rejected) {
            String version = rejected.version() == null ? "" : " " + rejected.version();
            return Problem.of(ProblemType.MODEL_REJECTED, "Model version" + version + " was not loaded: "
                    + rejected.getMessage() + ". The previous model is still serving.", instance, List.of());
        }
        if (exception instanceof ReloadInProgressException) {
            return Problem.of(ProblemType.RELOAD_IN_PROGRESS, "Another reload is validating a model; try again"
                    + " when it has finished.", instance, List.of());
        }
        if (exception instanceof ValidationException validation) {
            return Problem.of(ProblemType.INVALID_REQUEST, "A parameter is invalid.", instance,
                    fieldErrors(validation.getErrors()));
        }
        if (exception instanceof HttpResponseException http) {
            return fromHttpStatus(http.getStatus(), http.getMessage(), instance);
        }
        if (exception instanceof JsonProcessingException) {
            return Problem.of(ProblemType.MALFORMED_JSON, "The body is not valid JSON.", instance, List.of());
        }
        String incident = UUID.randomUUID().toString();
        LOG.error("unexpected failure answering {} (incident {})", instance, incident, exception);
        return Problem.of(ProblemType.INTERNAL_ERROR, "An unexpected error occurred; it was logged as incident "
                + incident + ".", instance, List.of());
    }

    private static Problem fromHttpStatus(int status, String message, String instance) {
        HttpStatus known = HttpStatus.forStatus(status);
        String detail = message == null || message.isBlank() ? known.getMessage() : message;
        for (ProblemType type : ProblemType.values()) {
            if (type.status() == status && type != ProblemType.INVALID_REQUEST && type != ProblemType.MALFORMED_JSON
                    && type != ProblemType.CONTRACT_VIOLATION && type != ProblemType.UNKNOWN_CUSTOMER) {
                return Problem.of(type, detail + ".", instance, List.of());
            }
        }
        if (status == 400) {
            return Problem.of(ProblemType.INVALID_REQUEST, detail + ".", instance, List.of());
        }
        if (status < 400 || status > 599) {
            return Problem.of(ProblemType.INTERNAL_ERROR, "An unexpected error occurred.", instance, List.of());
        }
        return new Problem("about:blank", known.getMessage(), status, detail, instance, null);
    }

    private static List<FieldError> fieldErrors(Map<String, List<ValidationError<Object>>> errors) {
        List<FieldError> fields = new ArrayList<>();
        errors.forEach((name, list) -> list.forEach(error -> fields.add(new FieldError(name, error.getMessage()))));
        return fields;
    }

    private static String echo(String text) {
        if (text == null) {
            return "";
        }
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= MAX_ECHO ? printable : printable.substring(0, MAX_ECHO) + "...";
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}

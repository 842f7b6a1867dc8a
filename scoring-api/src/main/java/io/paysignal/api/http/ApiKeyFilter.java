package io.paysignal.api.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.security.RouteRole;
import io.paysignal.api.auth.ApiKeyStore;
import io.paysignal.api.auth.Role;
import io.paysignal.api.problem.ProblemException;
import io.paysignal.api.problem.ProblemType;

/**
 * Checks the API key of every request to a route that declares a {@link RequiredRole}, before the handler
 * runs. The key comes as {@code Authorization: Bearer <key>} or {@code X-API-Key: <key>}; a missing or
 * unknown key is a 401, a key without the role a 403. With anonymous access configured every request passes.
 */
public final class ApiKeyFilter implements Handler {

    /** The header a key may be sent in besides {@code Authorization}. */
    public static final String API_KEY_HEADER = "X-API-Key";

    private final ApiKeyStore keys;
    private final boolean anonymous;

    /**
     * @param keys the accepted keys
     * @param anonymous true: no key is checked (only when the operator chose it explicitly)
     */
    public ApiKeyFilter(ApiKeyStore keys, boolean anonymous) {
        this.keys = keys;
        this.anonymous = anonymous;
    }

    @Override
    public void handle(Context ctx) {
        RequiredRole required = null;
        for (RouteRole role : ctx.routeRoles()) {
            if (role instanceof RequiredRole declared) {
                required = declared;
            }
        }
        if (required == null || anonymous) {
            return;
        }
        String key = presentedKey(ctx);
        if (key == null) {
            throw new ProblemException(ProblemType.UNAUTHORIZED,
                    "Send an API key as 'Authorization: Bearer <key>' or '" + API_KEY_HEADER + ": <key>'.");
        }
        Role role = keys.roleOf(key).orElseThrow(() -> new ProblemException(ProblemType.UNAUTHORIZED,
                "The API key is not valid."));
        if (!role.grants(required.role())) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "This endpoint needs a key with the " + required.role().wireName() + " role.");
        }
    }

    private static String presentedKey(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String key = authorization.substring(7).strip();
            return key.isEmpty() ? null : key;
        }
        String header = ctx.header(API_KEY_HEADER);
        return header == null || header.isBlank() ? null : header.strip();
    }
}

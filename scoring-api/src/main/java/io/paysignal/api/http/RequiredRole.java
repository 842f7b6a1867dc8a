package io.paysignal.api.http;

import io.javalin.security.RouteRole;
import io.paysignal.api.auth.Role;

/** The role a route requires, as declared in the route table; routes declared without one are open. */
public enum RequiredRole implements RouteRole {
    SCORER(Role.SCORER),
    ADMIN(Role.ADMIN);

    private final Role role;

    RequiredRole(Role role) {
        this.role = role;
    }

    /** The key role that satisfies it (an admin key satisfies every route). */
    public Role role() {
        return role;
    }
}

package io.paysignal.api.auth;

import java.util.Locale;
import java.util.Optional;

/** What an API key may do. */
public enum Role {
    /** Read scores and model information, and the metrics when they are protected. */
    SCORER,
    /** Everything a scorer may do, plus {@code POST /admin/reload}. */
    ADMIN;

    /** The name used in key files: {@code scorer} or {@code admin}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when a key with this role may call an endpoint that requires {@code required}. */
    public boolean grants(Role required) {
        return this == ADMIN || this == required;
    }

    /** Parses a key-file role name (case-insensitive); empty when unknown. */
    public static Optional<Role> fromWire(String text) {
        for (Role role : values()) {
            if (role.wireName().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}

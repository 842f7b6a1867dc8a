package io.paysignal.api.auth;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiKeyStoreTest {

    private static final String SCORER = "s3cr3t-scorer-key-000001";
    private static final String ADMIN = "s3cr3t-admin-key-0000001";

    @Test
    void findsTheRoleOfEachConfiguredKey() {
        ApiKeyStore store = ApiKeyStore.parse(List.of("# keys", "", "scorer " + SCORER, "  ADMIN\t" + ADMIN + "  "), "keys");

        assertEquals(Optional.of(Role.SCORER), store.roleOf(SCORER));
        assertEquals(Optional.of(Role.ADMIN), store.roleOf(ADMIN));
        assertEquals(Optional.empty(), store.roleOf(SCORER + "x"));
        assertEquals(Optional.empty(), store.roleOf(""));
        assertEquals(Optional.empty(), store.roleOf(null));
        assertEquals(2, store.size());
    }

    @Test
    void anAdminKeyGrantsScorerRoutesButNotTheOtherWayRound() {
        assertTrue(Role.ADMIN.grants(Role.SCORER));
        assertTrue(Role.SCORER.grants(Role.SCORER));
        assertFalse(Role.SCORER.grants(Role.ADMIN));
    }

    @Test
    void badLinesNameTheirLineButNeverTheKey() {
        IllegalArgumentException shortKey = assertThrows(IllegalArgumentException.class,
                () -> ApiKeyStore.parse(List.of("scorer " + SCORER, "admin tooShort1"), "keys.txt"));
        IllegalArgumentException badRole = assertThrows(IllegalArgumentException.class,
                () -> ApiKeyStore.parse(List.of("root " + ADMIN), "keys.txt"));
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> ApiKeyStore.parse(List.of(ADMIN), "keys.txt"));

        assertEquals("keys.txt line 2: key shorter than 16 characters", shortKey.getMessage());
        assertFalse(badRole.getMessage().contains(ADMIN), badRole.getMessage());
        assertFalse(shape.getMessage().contains(ADMIN), shape.getMessage());
    }

    @Test
    void theSameKeyTwiceIsRefusedWithinAndAcrossSources() {
        assertThrows(IllegalArgumentException.class,
                () -> ApiKeyStore.parse(List.of("scorer " + SCORER, "admin " + SCORER), "keys"));
        ApiKeyStore file = ApiKeyStore.parse(List.of("scorer " + SCORER), "file");
        assertThrows(IllegalArgumentException.class, () -> file.and(ApiKeyStore.parse(List.of("admin " + SCORER), "env")));
        assertEquals(2, file.and(ApiKeyStore.parse(List.of("admin " + ADMIN), "env")).size());
    }

    @Test
    void keysAreNotKeptInClearText() {
        ApiKeyStore store = ApiKeyStore.parse(List.of("scorer " + SCORER), "keys");

        assertFalse(store.toString().contains(SCORER));
    }
}

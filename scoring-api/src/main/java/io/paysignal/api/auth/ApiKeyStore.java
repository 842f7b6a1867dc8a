package io.paysignal.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The API keys the service accepts, each with its {@link Role}.
 *
 * <p>Keys are kept only as SHA-256 digests and a presented key is compared with every stored digest using
 * {@link MessageDigest#isEqual} (constant time), without stopping at the first match, so neither the heap
 * nor response timing gives a key away. Nothing here ever logs or echoes a key; parse errors name the line,
 * not its content.
 *
 * <p>Key lines have the form {@code ROLE KEY} (roles {@code scorer}, {@code admin}); blank lines and lines
 * starting with {@code #} are ignored. A key is at least {@link #MIN_KEY_LENGTH} characters without blanks.
 */
public final class ApiKeyStore {

    /** Shorter keys are refused: they could be guessed. */
    public static final int MIN_KEY_LENGTH = 16;

    /** Never updated or digested: only cloned, so sharing it between threads is safe. */
    private static final MessageDigest SHA_256 = newSha256();

    private record Entry(byte[] digest, Role role) {
    }

    private final List<Entry> entries;

    private ApiKeyStore(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** A store with no keys. */
    public static ApiKeyStore empty() {
        return new ApiKeyStore(List.of());
    }

    /**
     * Parses key lines.
     *
     * @param lines the lines
     * @param origin where they came from (a file name, an environment variable), for error messages
     * @throws IllegalArgumentException naming the origin and line number of the first bad line
     */
    public static ApiKeyStore parse(List<String> lines, String origin) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            String where = origin + " line " + (i + 1);
            if (parts.length != 2) {
                throw new IllegalArgumentException(where + ": expected 'ROLE KEY'");
            }
            Role role = Role.fromWire(parts[0]).orElseThrow(() -> new IllegalArgumentException(
                    where + ": unknown role (expected scorer or admin)"));
            if (parts[1].length() < MIN_KEY_LENGTH) {
                throw new IllegalArgumentException(where + ": key shorter than " + MIN_KEY_LENGTH + " characters");
            }
            byte[] digest = sha256(parts[1]);
            for (Entry entry : entries) {
                if (MessageDigest.isEqual(entry.digest(), digest)) {
                    throw new IllegalArgumentException(where + ": the same key is listed twice");
                }
            }
            entries.add(new Entry(digest, role));
        }
        return new ApiKeyStore(entries);
    }

    /** This store's keys and {@code other}'s; a key in both is refused. */
    public ApiKeyStore and(ApiKeyStore other) {
        for (Entry mine : entries) {
            for (Entry theirs : other.entries) {
                if (MessageDigest.isEqual(mine.digest(), theirs.digest())) {
                    throw new IllegalArgumentException("the same key is configured twice");
                }
            }
        }
        List<Entry> all = new ArrayList<>(entries);
        all.addAll(other.entries);
        return new ApiKeyStore(all);
    }

    /** True when no key is configured. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** How many keys there are. */
    public int size() {
        return entries.size();
    }

    /** The role of {@code presentedKey}, or empty when it is no configured key. */
    public Optional<Role> roleOf(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty()) {
            return Optional.empty();
        }
        byte[] digest = sha256(presentedKey);
        Role found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.digest(), digest) && found == null) {
                found = entry.role();
            }
        }
        return Optional.ofNullable(found);
    }

    private static byte[] sha256(String key) {
        try {
            // A clone of an unused prototype skips the provider lookup of getInstance on every request.
            return ((MessageDigest) SHA_256.clone()).digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the SHA-256 digest cannot be cloned", e);
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}

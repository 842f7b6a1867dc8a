package io.paysignal.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paysignal.api.testsupport.InlineBodies;
import io.paysignal.api.testsupport.RunningApi;
import io.paysignal.api.testsupport.RunningApi.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzes {@code POST /v1/score} and {@code POST /v1/scores:batch} of a real server on an ephemeral loopback
 * port, serving with the production components (a real bundle of this build's 60 features): thousands of
 * seeded random payloads that break the JSON grammar, the request shape or the data contract (deep nesting,
 * huge numbers, wrong types, invalid UTF-8, enormous arrays, wrong content types, missing or bad contract
 * values). Each is built to be invalid, so each must get a 4xx problem; a further share of random mutations
 * that may or may not stay valid must never get a 5xx. The server must still answer afterwards.
 *
 * <p>CI runs {@value #DEFAULT_PAYLOADS} payloads per endpoint with a fixed seed; {@code bench/fuzz.sh} runs
 * many more with fresh seeds ({@code -Dfuzz.payloads=N -Dfuzz.seed=S}).
 */
class ScoreHandlerFuzzTest {

    static final int DEFAULT_PAYLOADS = 1500;
    private static final long SEED = Long.getLong("fuzz.seed", 20_261_123L);
    private static final int PAYLOADS = Integer.getInteger("fuzz.payloads", DEFAULT_PAYLOADS);
    private static final int BODY_LIMIT = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @TempDir
    static Path dir;

    private static RunningApi api;

    /** One request: what it is, how it is sent and whether it is invalid by construction. */
    record Payload(String kind, String contentType, byte[] body, boolean invalidByConstruction) {

        static Payload invalid(String kind, String body) {
            return new Payload(kind, "application/json", body.getBytes(StandardCharsets.UTF_8), true);
        }

        static Payload anything(String kind, String body) {
            return new Payload(kind, "application/json", body.getBytes(StandardCharsets.UTF_8), false);
        }

        String preview() {
            String text = new String(body, 0, Math.min(body.length, 160), StandardCharsets.UTF_8);
            return kind + " (" + body.length + " bytes): " + text.replaceAll("\\s+", " ");
        }
    }

    @BeforeAll
    static void start() {
        api = RunningApi.startProduction(dir);
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void inlineScoringAnswersEveryBadPayloadWithA4xxProblemAndNeverA5xx() {
        Random random = new Random(SEED);
        assertOnly4xx("/v1/score", generate(random, PAYLOADS, this::inlinePayload));
        assertStillServing();
    }

    @Test
    void batchScoringAnswersEveryBadPayloadWithA4xxProblemAndNeverA5xx() {
        Random random = new Random(SEED + 1);
        assertOnly4xx("/v1/scores:batch", generate(random, PAYLOADS, this::batchPayload));
        assertStillServing();
    }

    @Test
    void theBaseInlineHistoryOfTheFuzzerIsValid() {
        // Guards the generator: mutations start from bodies the server accepts, so a 4xx comes from the mutation.
        Random random = new Random(SEED + 2);
        for (int i = 0; i < 20; i++) {
            Reply reply = api.postJson("/v1/score", InlineBodies.valid(random).toString());
            assertEquals(200, reply.status(), reply.body());
        }
    }

    private static List<Payload> generate(Random random, int count, Function<Random, Payload> generator) {
        List<Payload> payloads = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            payloads.add(generator.apply(random));
        }
        return payloads;
    }

    private void assertOnly4xx(String path, List<Payload> payloads) {
        Map<String, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (Payload payload : payloads) {
            HttpRequest.Builder request = api.request(path, RunningApi.SCORER_KEY)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(payload.body()));
            if (payload.contentType() != null) {
                request.header("Content-Type", payload.contentType());
            }
            Reply reply;
            try {
                reply = api.send(request);
            } catch (UncheckedIOException e) {
                failures.add("no answer (" + e.getMessage() + ") to " + payload.preview());
                continue;
            }
            statuses.merge(payload.kind() + " " + reply.status(), 1, Integer::sum);
            boolean clientError = reply.status() >= 400 && reply.status() < 500;
            if (reply.status() >= 500 || (payload.invalidByConstruction() && !clientError)) {
                failures.add(reply.status() + " " + reply.body() + " to " + payload.preview());
            } else if (clientError && !reply.contentType().startsWith("application/problem+json")) {
                failures.add(reply.status() + " without a problem body to " + payload.preview());
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + payloads.size() + " payloads (seed " + SEED
                + ") were answered wrongly, e.g.:\n" + String.join("\n", failures.subList(0, Math.min(10, failures.size())))
                + "\nstatuses: " + statuses);
    }

    private void assertStillServing() {
        assertEquals(200, api.get("/health/live", null).status());
        assertEquals(200, api.get("/v1/customers/c3/score", RunningApi.SCORER_KEY).status());
        assertEquals(200, api.postJson("/v1/score", InlineBodies.valid(new Random(1)).toString()).status());
    }

    // ---- POST /v1/score ----

    private Payload inlinePayload(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> missingRequiredValue(random);
            case 1, 2 -> badContractValue(random);
            case 3 -> crossRowViolation(random);
            case 4 -> wrongJsonType(random);
            case 5 -> hugeNumber(random);
            case 6 -> deepNesting(random, InlineBodies.valid(random));
            case 7 -> malformedJson(random, InlineBodies.valid(random).toString());
            case 8 -> invalidUtf8(random, "{\"customer\": {\"customer_id\": \"x", "\"}}");
            case 9 -> enormousInline(random);
            case 10 -> wrongContentType(random, InlineBodies.valid(random).toString());
            default -> randomMutation(random, InlineBodies.valid(random).toString());
        };
    }

    private static final Map<String, List<String>> REQUIRED = Map.of(
            "invoices", List.of("invoice_id", "issue_date", "due_date", "amount"),
            "payments", List.of("invoice_id", "payment_date", "amount"),
            "contacts", List.of("contact_time", "channel"));

    private Payload missingRequiredValue(Random random) {
        ObjectNode body = InlineBodies.valid(random);
        if (random.nextInt(5) == 0) {
            ObjectNode customer = (ObjectNode) body.get("customer");
            if (random.nextBoolean()) {
                customer.remove("customer_id");
            } else {
                customer.put("customer_id", pick(random, "", "   "));
            }
            return Payload.invalid("missing customer_id", body.toString());
        }
        String table = ensureRow(random, body);
        ObjectNode row = randomRow(random, body, table);
        String field = pick(random, REQUIRED.get(table).toArray(String[]::new));
        switch (random.nextInt(3)) {
            case 0 -> row.remove(field);
            case 1 -> row.putNull(field);
            default -> row.put(field, "");
        }
        return Payload.invalid("missing " + table + "." + field, body.toString());
    }

    private static final String[] BAD_DATES = {"2025-02-30", "20250101", "01/02/2025", "2025-1-1", "yesterday",
        "2025-13-01", "\u0662\u0660\u0662\u0665-01-01", "2025-01-01T00:00:00Z", "+2025-01-01", "0"};
    private static final String[] BAD_AMOUNTS = {"-1", "0", "0.00", "abc", "1,000.00", "NaN", "Infinity", "--1",
        "1.2.3", "$5", "-0.01", "1 000"};
    private static final String[] BAD_TIMESTAMPS = {"2026-02-25T10:00:00", "2026-02-30T10:00:00Z", "garbage",
        "2026-02-25", "10:00", "2026-02-25T25:00:00Z"};
    private static final String[] BAD_BOOLEANS = {"yes", "maybe", "tru", "2", "on"};

    private Payload badContractValue(Random random) {
        ObjectNode body = InlineBodies.valid(random);
        ObjectNode customer = (ObjectNode) body.get("customer");
        String kind;
        switch (random.nextInt(12)) {
            case 0 -> {
                body.put("as_of", pick(random, BAD_DATES));
                kind = "bad as_of";
            }
            case 1 -> {
                customer.put("timezone", pick(random, "Mars/Base", "UTC+25", "Europe/Nowhere", "CEST!"));
                kind = "bad timezone";
            }
            case 2 -> {
                customer.put("preferred_channel", pick(random, "fax", "pigeon", "e-mail"));
                kind = "bad preferred_channel";
            }
            case 3 -> {
                customer.put(pick(random, "do_not_contact"), pick(random, BAD_BOOLEANS));
                kind = "bad boolean";
            }
            case 4 -> {
                customer.put("opened_date", pick(random, BAD_DATES));
                kind = "bad opened_date";
            }
            case 5 -> {
                customer.put("credit_limit", pick(random, "abc", "1,000", "12e", "1.2.3"));
                kind = "bad credit_limit";
            }
            case 6, 7 -> {
                String table = ensureRow(random, body, "invoices");
                ObjectNode row = randomRow(random, body, table);
                switch (random.nextInt(4)) {
                    case 0 -> row.put("issue_date", pick(random, BAD_DATES));
                    case 1 -> row.put("due_date", pick(random, BAD_DATES));
                    case 2 -> row.put("amount", pick(random, BAD_AMOUNTS));
                    default -> row.put("disputed", pick(random, BAD_BOOLEANS));
                }
                kind = "bad invoice value";
            }
            case 8, 9 -> {
                String table = ensureRow(random, body, "payments");
                ObjectNode row = randomRow(random, body, table);
                if (random.nextBoolean()) {
                    row.put("payment_date", pick(random, BAD_DATES));
                } else {
                    row.put("amount", pick(random, BAD_AMOUNTS));
                }
                kind = "bad payment value";
            }
            default -> {
                String table = ensureRow(random, body, "contacts");
                ObjectNode row = randomRow(random, body, table);
                switch (random.nextInt(3)) {
                    case 0 -> row.put("contact_time", pick(random, BAD_TIMESTAMPS));
                    case 1 -> row.put("channel", pick(random, "fax", "pigeon", "e-mail", "telegram"));
                    default -> row.put("outcome", pick(random, "maybe", "promised", "opted-out"));
                }
                kind = "bad contact value";
            }
        }
        return Payload.invalid(kind, body.toString());
    }

    private Payload crossRowViolation(Random random) {
        ObjectNode body = InlineBodies.valid(random);
        switch (random.nextInt(5)) {
            case 0 -> {
                ObjectNode invoice = randomRow(random, body, ensureRow(random, body, "invoices"));
                LocalDate issued = LocalDate.parse(invoice.get("issue_date").asText());
                invoice.put("due_date", issued.minusDays(1 + random.nextInt(400)).toString());
                return Payload.invalid("due before issue", body.toString());
            }
            case 1 -> {
                ObjectNode payment = randomRow(random, body, ensureRow(random, body, "payments"));
                payment.put("invoice_id", "no-such-invoice-" + random.nextInt(1000));
                return Payload.invalid("unknown invoice", body.toString());
            }
            case 2 -> {
                String table = random.nextBoolean() ? "invoices" : "contacts";
                randomRow(random, body, ensureRow(random, body, table)).put("customer_id", "someone-else");
                return Payload.invalid("unknown customer", body.toString());
            }
            case 3 -> {
                ArrayNode invoices = (ArrayNode) body.get("invoices");
                ensureRow(random, body, "invoices");
                invoices.add(invoices.get(random.nextInt(invoices.size())).deepCopy());
                return Payload.invalid("duplicate invoice", body.toString());
            }
            default -> {
                ArrayNode payments = (ArrayNode) body.get("payments");
                ensureRow(random, body, "payments");
                ObjectNode copy = payments.get(random.nextInt(payments.size())).deepCopy();
                copy.put("invoice_id", "no-such-invoice");
                payments.add(copy);
                return Payload.invalid("payment of an unknown invoice", body.toString());
            }
        }
    }

    private Payload wrongJsonType(Random random) {
        ObjectNode body = InlineBodies.valid(random);
        JsonNode container = random.nextBoolean() ? NODES.objectNode().put("nested", true) : NODES.arrayNode().add(1);
        switch (random.nextInt(6)) {
            case 0 -> {
                // The root itself is not an object.
                String root = pick(random, "[]", "[" + body + "]", "\"text\"", "42", "true", "null");
                return Payload.invalid("root not an object", root);
            }
            case 1 -> body.set("customer", pick(random, NODES.textNode("c1"), NODES.numberNode(1), NODES.arrayNode()));
            case 2 -> body.set(pick(random, "invoices", "payments", "contacts"),
                    pick(random, NODES.objectNode(), NODES.textNode("[]"), NODES.numberNode(3), NODES.booleanNode(true)));
            case 3 -> {
                String table = ensureRow(random, body);
                ((ArrayNode) body.get(table)).add(pick(random, NODES.numberNode(7), NODES.textNode("row"),
                        NODES.arrayNode(), NODES.booleanNode(false)));
            }
            case 4 -> {
                String table = ensureRow(random, body);
                ObjectNode row = randomRow(random, body, table);
                List<String> fields = new ArrayList<>();
                row.fieldNames().forEachRemaining(fields::add);
                row.set(fields.get(random.nextInt(fields.size())), container);
            }
            default -> {
                ObjectNode customer = (ObjectNode) body.get("customer");
                customer.set(pick(random, "customer_id", "segment", "timezone", "credit_limit", "opened_date"), container);
            }
        }
        return Payload.invalid("wrong JSON type", body.toString());
    }

    private Payload hugeNumber(Random random) {
        String literal = switch (random.nextInt(5)) {
            case 0 -> "1e999999999";
            case 1 -> "-1e400";
            case 2 -> "1" + "0".repeat(65 + random.nextInt(200_000));
            case 3 -> "0." + "0".repeat(70 + random.nextInt(1000)) + "1";
            default -> "9".repeat(65) + "." + "9".repeat(random.nextInt(100));
        };
        ObjectNode body = InlineBodies.valid(random);
        String marker = "__HUGE__";
        if (random.nextBoolean()) {
            randomRow(random, body, ensureRow(random, body, "invoices")).put("amount", marker);
        } else {
            ((ObjectNode) body.get("customer")).put("credit_limit", marker);
        }
        String text = body.toString().replace("\"" + marker + "\"", literal);
        return text.length() > BODY_LIMIT ? Payload.invalid("huge number over the body limit", text)
                : Payload.invalid("huge number", text);
    }

    private Payload deepNesting(Random random, JsonNode base) {
        int depth = 17 + random.nextInt(random.nextBoolean() ? 100 : 200_000);
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        String nested = open.repeat(depth) + "1" + close.repeat(depth);
        String text = switch (random.nextInt(3)) {
            case 0 -> nested;
            case 1 -> base.toString().replaceFirst("\\{", "{\"deep\":" + Matcher.quoteReplacement(nested) + ",");
            default -> base.toString().replaceFirst("\\[", "[" + Matcher.quoteReplacement(nested) + ",");
        };
        return Payload.invalid("deep nesting " + depth, text);
    }

    private static Payload malformedJson(Random random, String valid) {
        java.util.regex.Matcher first = java.util.regex.Pattern.compile("^\\{\\s*(\"[^\"]+\")").matcher(valid);
        if (!first.find()) {
            throw new IllegalArgumentException("base body must start with a key: " + valid);
        }
        String firstKey = first.group(1);
        String text = switch (random.nextInt(9)) {
            case 0 -> valid.substring(0, random.nextInt(valid.length() - 1));
            case 1 -> valid + pick(random, "x", "}", "]", "{}", " 1", ",");
            case 2 -> valid.replaceFirst("\\{", "{" + firstKey + ": 0, ");                 // duplicate key
            case 3 -> valid.replaceFirst("\\}", ",}");                                    // trailing comma
            case 4 -> valid.replaceFirst(firstKey, firstKey.replace("\"", ""));              // unquoted key
            case 5 -> "/* comment */" + valid;
            case 6 -> valid.replace('"', '\'');
            case 7 -> pick(random, "", " ", "{", "}", "[", "nul", "{\"customer\": NaN}", "{\"customer\": Infinity}",
                    "{\"a\" 1}", "{\"customer\": {\"customer_id\": \"x\"}");
            default -> randomBytesText(random);
        };
        return Payload.invalid("malformed JSON", text);
    }

    private static String randomBytesText(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(300); i >= 0; i--) {
            text.append((char) (random.nextInt(0x7F - 0x20) + 0x20));
        }
        // Never an accidental JSON value: an unmatched opening bracket with a bare word.
        return "{" + text + " ~";
    }

    private static final byte[][] INVALID_UTF8 = {
        {(byte) 0xC3, (byte) 0x28}, {(byte) 0xFF}, {(byte) 0xFE, (byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
        {(byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};

    private static Payload invalidUtf8(Random random, String prefix, String suffix) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(prefix.getBytes(StandardCharsets.UTF_8));
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            out.writeBytes("ab".getBytes(StandardCharsets.UTF_8));
            out.writeBytes(INVALID_UTF8[random.nextInt(INVALID_UTF8.length)]);
        }
        out.writeBytes(suffix.getBytes(StandardCharsets.UTF_8));
        return new Payload("invalid UTF-8", "application/json", out.toByteArray(), true);
    }

    private Payload enormousInline(Random random) {
        ObjectNode body = InlineBodies.valid(random);
        ArrayNode invoices = (ArrayNode) body.get("invoices");
        int rows = 2_000 + random.nextInt(30_000);
        for (int i = 0; i < rows; i++) {
            invoices.addObject().put("invoice_id", "big" + i).put("issue_date", "2025-01-01")
                    .put("due_date", "2025-01-31").put("amount", 10);
        }
        // One bad row somewhere: the body is invalid whether or not it fits under the body limit.
        ((ObjectNode) invoices.get(random.nextInt(invoices.size()))).put("amount", "-1");
        return Payload.invalid("enormous array of " + invoices.size() + " invoices", body.toString());
    }

    private static Payload wrongContentType(Random random, String valid) {
        String type = pick(random, "text/plain", "application/xml", "application/x-www-form-urlencoded",
                "application/json; charset=ISO-8859-1", "application/json; charset=UTF-16", "multipart/form-data",
                null);
        return new Payload("content type " + type, type, valid.getBytes(StandardCharsets.UTF_8), true);
    }

    /** Random byte-level edits of a valid body: the result may be valid or not, but must never fail the server. */
    private static Payload randomMutation(Random random, String valid) {
        byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
        for (int i = 1 + random.nextInt(8); i > 0; i--) {
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        return new Payload("random byte edits", "application/json", bytes, false);
    }

    // ---- POST /v1/scores:batch ----

    private Payload batchPayload(Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> Payload.invalid("empty id list", "{\"customer_ids\": []}");
            case 1 -> Payload.invalid("too many ids", ids(1001 + random.nextInt(20_000)));
            case 2 -> Payload.invalid("ids not a list", "{\"customer_ids\": "
                    + pick(random, "\"c1\"", "5", "null", "{\"id\": \"c1\"}", "true") + "}");
            case 3 -> Payload.invalid("id of a wrong type", "{\"customer_ids\": [\"c1\", "
                    + pick(random, "{\"id\": \"c2\"}", "[\"c2\"]", "null", "[]", "{}") + "]}");
            case 4 -> Payload.invalid("no ids field", pick(random, "{}", "{\"ids\": [\"c1\"]}", "[\"c1\"]", "\"c1\""));
            case 5 -> deepNesting(random, JSON.createObjectNode().set("customer_ids", NODES.arrayNode().add("c1")));
            case 6 -> malformedJson(random, "{\"customer_ids\": [\"c1\", \"c2\", \"c3\"]}");
            case 7 -> invalidUtf8(random, "{\"customer_ids\": [\"c1\", \"", "\"]}");
            case 8 -> random.nextBoolean() ? wrongContentType(random, "{\"customer_ids\": [\"c1\"]}")
                    : Payload.invalid("enormous array", ids(100_000 + random.nextInt(100_000)));
            default -> strangeIds(random);
        };
    }

    private static String ids(int count) {
        StringBuilder body = new StringBuilder("{\"customer_ids\": [");
        for (int i = 0; i < count; i++) {
            body.append(i == 0 ? "" : ",").append("\"c").append(i).append('"');
        }
        return body.append("]}").toString();
    }

    /** Well-formed lists of odd ids (control characters, long, unicode, numbers): any answer but a 5xx. */
    private static Payload strangeIds(Random random) {
        ArrayNode ids = NODES.arrayNode();
        for (int i = 1 + random.nextInt(20); i > 0; i--) {
            switch (random.nextInt(6)) {
                case 0 -> ids.add("c" + random.nextInt(60));
                case 1 -> ids.add("x".repeat(random.nextInt(20_000)));
                case 2 -> ids.add("\u0000\u0007\n\t\u202E");
                case 3 -> ids.add("\uD83D\uDE00 \u4E2D\u6587 ../../etc/passwd %00");
                case 4 -> ids.add(random.nextInt());
                default -> ids.add(random.nextDouble() * 1e300);
            }
        }
        return Payload.anything("odd ids", NODES.objectNode().set("customer_ids", ids).toString());
    }

    // ---- helpers ----

    /** A table among invoices/payments/contacts with at least one row (one is added when it has none). */
    private static String ensureRow(Random random, ObjectNode body) {
        return ensureRow(random, body, pick(random, "invoices", "payments", "contacts"));
    }

    private static String ensureRow(Random random, ObjectNode body, String table) {
        ArrayNode rows = (ArrayNode) body.get(table);
        if (rows.isEmpty()) {
            ArrayNode invoices = (ArrayNode) body.get("invoices");
            if (invoices.isEmpty()) {
                invoices.addObject().put("invoice_id", "i-extra").put("issue_date", "2025-06-01")
                        .put("due_date", "2025-07-01").put("amount", "125.00");
            }
            switch (table) {
                case "payments" -> rows.addObject().put("payment_id", "p-extra")
                        .put("invoice_id", invoices.get(0).get("invoice_id").asText())
                        .put("payment_date", "2025-07-15").put("amount", "20.00");
                case "contacts" -> rows.addObject().put("contact_time", "2026-02-01T10:00:00Z").put("channel", "email");
                default -> { }
            }
        }
        return table;
    }

    private static ObjectNode randomRow(Random random, ObjectNode body, String table) {
        ArrayNode rows = (ArrayNode) body.get(table);
        return (ObjectNode) rows.get(random.nextInt(rows.size()));
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... options) {
        return options[random.nextInt(options.length)];
    }
}

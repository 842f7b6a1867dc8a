package io.paysignal.api.http;

import io.paysignal.api.problem.ProblemException;
import io.paysignal.api.problem.ProblemType;
import io.paysignal.api.testsupport.RunningApi;
import io.paysignal.api.testsupport.RunningApi.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonBodyReaderTest {

    private static final int LIMIT = 4096;

    @TempDir
    static Path dir;
    static RunningApi api;

    @BeforeAll
    static void start() {
        api = RunningApi.start(dir, config -> config.withLimits(LIMIT, 1000),
                io.paysignal.api.testsupport.TestComponents.create());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void acceptsJsonMediaTypesOnly() {
        assertDoesNotThrow(() -> JsonBodyReader.requireJsonMediaType("application/json"));
        assertDoesNotThrow(() -> JsonBodyReader.requireJsonMediaType("Application/JSON; charset=UTF-8"));
        assertDoesNotThrow(() -> JsonBodyReader.requireJsonMediaType("application/merge-patch+json"));
        for (String other : new String[] {null, "", "text/plain", "application/xml", "application/json; charset=latin1"}) {
            ProblemException e = assertThrows(ProblemException.class, () -> JsonBodyReader.requireJsonMediaType(other));
            assertEquals(ProblemType.UNSUPPORTED_MEDIA_TYPE, e.type(), String.valueOf(other));
        }
    }

    @Test
    void wellFormedUtf8PassesAndEveryIllFormedSequenceIsMalformedJson() {
        assertDoesNotThrow(() -> JsonBodyReader.requireUtf8(
                "{\"id\": \"\u20ac \u4e2d\u6587 \ud83d\ude00\"}".getBytes(StandardCharsets.UTF_8)));
        byte[][] illFormed = {
            {(byte) 0xC0, (byte) 0xAF},                           // overlong '/'
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80},              // encoded surrogate U+D800
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
            {(byte) 0xE2, (byte) 0x82},                           // truncated at the end
            {(byte) 0xFF},
            {(byte) 0x80}};
        for (byte[] bad : illFormed) {
            byte[] body = new byte[bad.length + 4];
            body[0] = '"';
            body[1] = 'a';
            System.arraycopy(bad, 0, body, 2, bad.length);
            body[body.length - 2] = 'b';
            body[body.length - 1] = '"';
            ProblemException e = assertThrows(ProblemException.class, () -> JsonBodyReader.requireUtf8(body));
            assertEquals(ProblemType.MALFORMED_JSON, e.type());
        }
    }

    @Test
    void aWrongOrMissingContentTypeIs415() {
        Reply wrong = api.post("/v1/score", RunningApi.SCORER_KEY, "text/plain", "{\"customer\": {\"customer_id\": \"x\"}}");
        Reply missing = api.post("/v1/scores:batch", RunningApi.SCORER_KEY, null, "{\"customer_ids\": [\"c1\"]}");

        assertEquals(415, wrong.status());
        assertEquals("unsupported-media-type", wrong.problemType());
        assertEquals(415, missing.status());
        assertEquals("unsupported-media-type", missing.problemType());
    }

    @Test
    void aBodyOverTheLimitIs413() {
        String big = "{\"customer\": {\"customer_id\": \"x\", \"pad\": \"" + "a".repeat(LIMIT) + "\"}}";

        Reply reply = api.postJson("/v1/score", big);

        assertEquals(413, reply.status());
        assertEquals("body-too-large", reply.problemType());
    }

    @Test
    void aChunkedBodyOverTheLimitIs413Too() {
        byte[] big = ("{\"customer_ids\": [\"" + "c".repeat(3 * LIMIT) + "\"]}").getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = api.request("/v1/scores:batch", RunningApi.SCORER_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)));

        Reply reply = api.send(request);

        assertEquals(413, reply.status());
        assertEquals("body-too-large", reply.problemType());
    }

    @Test
    void malformedJsonIs400WithItsPosition() {
        Reply reply = api.postJson("/v1/score", "{\"customer\": {\"customer_id\": \"x\",}");

        assertEquals(400, reply.status());
        assertEquals("malformed-json", reply.problemType());
        assertEquals(true, reply.json().get("detail").asText().contains("line 1"));
    }

    @Test
    void emptyTrailingOrDuplicateContentIsMalformed() {
        assertEquals("malformed-json", api.postJson("/v1/score", "").problemType());
        assertEquals("malformed-json", api.postJson("/v1/score", "{\"customer\": {}} {}").problemType());
        assertEquals("malformed-json",
                api.postJson("/v1/score", "{\"customer\": {\"customer_id\": \"a\", \"customer_id\": \"b\"}}").problemType());
        Reply invalidUtf8 = api.send(api.request("/v1/score", RunningApi.SCORER_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'})));
        assertEquals(400, invalidUtf8.status());
        assertEquals("malformed-json", invalidUtf8.problemType());
    }

    @Test
    void deepNestingIsA400NotACrash() {
        String deep = "{\"customer\": " + "[".repeat(1000) + "]".repeat(1000) + "}";

        Reply reply = api.postJson("/v1/score", deep);

        assertEquals(400, reply.status());
        assertEquals("invalid-request", reply.problemType());
        assertEquals(200, api.get("/health/live", null).status());
    }

    @Test
    void anOverlongNumberLiteralIsA400() {
        Reply reply = api.postJson("/v1/score", "{\"customer\": {\"customer_id\": \"x\", \"credit_limit\": "
                + "9".repeat(500) + "}}");

        assertEquals(400, reply.status());
        assertEquals("invalid-request", reply.problemType());
    }

    @Test
    void aTopLevelArrayIsNotAnObject() {
        Reply reply = api.postJson("/v1/scores:batch", "[\"c1\"]");

        assertEquals(400, reply.status());
        assertEquals(java.util.List.of("$ expected_object"), ScoreHandlerTest.errors(reply.json()));
    }
}

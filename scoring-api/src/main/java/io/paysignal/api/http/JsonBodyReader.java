package io.paysignal.api.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.paysignal.api.problem.ProblemException;
import io.paysignal.api.problem.ProblemType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads a request's JSON object body: the media type must be JSON (415 otherwise), the body at most the
 * configured size (413, checked while reading, so a chunked body cannot exceed it either), the bytes well-formed
 * UTF-8 and the text valid JSON (400 malformed-json) within the parser's limits, and the top level an object
 * (400 invalid-request).
 */
public final class JsonBodyReader {

    private final ObjectMapper json;
    private final long maxBodyBytes;

    public JsonBodyReader(ObjectMapper json, long maxBodyBytes) {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("body limit must be positive");
        }
        this.json = json;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The body as a JSON object. */
    public ObjectNode readObject(Context ctx) {
        requireJsonMediaType(ctx.header("Content-Type"));
        JsonNode root = parse(readBounded(ctx));
        if (!(root instanceof ObjectNode object)) {
            throw ProblemException.invalidField("$", "expected_object", "The body must be a JSON object.");
        }
        return object;
    }

    static void requireJsonMediaType(String contentType) {
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        boolean json = mediaType.equals("application/json")
                || (mediaType.startsWith("application/") && mediaType.endsWith("+json"));
        if (!json) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "Send the body as application/json" + (mediaType.isEmpty() ? "." : ", not " + mediaType + "."));
        }
        String[] parameters = contentType.split(";");
        for (int i = 1; i < parameters.length; i++) {
            String[] pair = parameters[i].split("=", 2);
            if (pair[0].strip().equalsIgnoreCase("charset") && pair.length == 2
                    && !pair[1].strip().replace("\"", "").equalsIgnoreCase("utf-8")) {
                throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "JSON bodies must be UTF-8.");
            }
        }
    }

    private byte[] readBounded(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBodyBytes) {
            throw tooLarge();
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
            if (body.length > maxBodyBytes) {
                throw tooLarge();
            }
            return body;
        } catch (IOException e) {
            throw ProblemException.invalidField("$", "unreadable_body", "The request body could not be read.");
        }
    }

    private ProblemException tooLarge() {
        return new ProblemException(ProblemType.BODY_TOO_LARGE, "The body exceeds " + maxBodyBytes + " bytes.");
    }

    /**
     * Jackson's byte parser lets some ill-formed UTF-8 through (overlong forms, encoded surrogates, code points
     * above U+10FFFF) and decodes it into replacement characters; the JDK decoder refuses all of them. Checked
     * through a small reused buffer, so the cost is one pass over the bytes and no copy of the body.
     */
    static void requireUtf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer scratch = CharBuffer.allocate(Math.min(body.length, 8192) + 2);
        CoderResult result;
        do {
            scratch.clear();
            result = decoder.decode(in, scratch, true);
        } while (result.isOverflow());
        if (result.isError()) {
            throw new ProblemException(ProblemType.MALFORMED_JSON,
                    "The body is not valid UTF-8 (byte offset " + in.position() + ").");
        }
    }

    private JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw new ProblemException(ProblemType.MALFORMED_JSON, "The body is empty; a JSON object is expected.");
        }
        requireUtf8(body);
        try {
            return json.readTree(body);
        } catch (StreamConstraintsException e) {
            throw ProblemException.invalidField("$", "json_limits_exceeded", "The body nests deeper than "
                    + ApiJson.MAX_NESTING_DEPTH + " levels or holds a number longer than "
                    + ApiJson.MAX_NUMBER_LENGTH + " characters.");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw new ProblemException(ProblemType.MALFORMED_JSON, "The body is not valid JSON" + where + ".");
        } catch (IOException e) {
            throw new ProblemException(ProblemType.MALFORMED_JSON, "The body is not valid JSON.");
        }
    }
}

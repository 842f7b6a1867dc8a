package io.paysignal.core.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Reads and writes {@code manifest.json}; checks the format version before anything else. */
final class ManifestCodec {

    private final ObjectMapper mapper = mapper();

    /**
     * The JSON settings of every file in a bundle: ISO dates, sorted maps, indented, and tolerant of fields
     * added later without a format bump.
     */
    static ObjectMapper mapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    byte[] write(BundleManifest manifest) {
        try {
            return mapper.writeValueAsBytes(manifest);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write manifest", e);
        }
    }

    BundleManifest read(byte[] json, String source) throws InvalidBundleException {
        JsonNode tree;
        try {
            tree = mapper.readTree(json);
        } catch (IOException e) {
            throw new InvalidBundleException(source + " is not valid JSON: " + originalMessage(e), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidBundleException(source + " is not a bundle manifest (expected a JSON object)");
        }
        JsonNode version = tree.get("formatVersion");
        if (version == null || !version.isIntegralNumber()) {
            throw new InvalidBundleException(source + " has no integer formatVersion: not a PaySignal bundle");
        }
        int formatVersion = version.intValue();
        if (formatVersion > BundleManifest.CURRENT_FORMAT_VERSION) {
            throw new InvalidBundleException(source + " has bundle format version " + formatVersion
                    + ", newer than this build reads (up to " + BundleManifest.CURRENT_FORMAT_VERSION
                    + "); upgrade PaySignal or retrain with this version");
        }
        if (formatVersion < 1) {
            throw new InvalidBundleException(source + " has unknown bundle format version " + formatVersion);
        }
        try {
            return mapper.treeToValue(tree, BundleManifest.class);
        } catch (JsonProcessingException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            String detail = root instanceof JsonProcessingException json1 ? json1.getOriginalMessage()
                    : root.getMessage();
            throw new InvalidBundleException(source + " is not a valid format-" + formatVersion + " manifest: "
                    + detail, e);
        }
    }

    private static String originalMessage(IOException e) {
        return e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
    }
}

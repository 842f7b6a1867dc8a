package io.paysignal.core.bundle;

import org.tribuo.Model;
import org.tribuo.classification.Label;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A Tribuo model in its protobuf form ({@link Model#serialize()}) with the SHA-256 of those bytes, which the
 * manifest records so a reader can tell a damaged or truncated model file before parsing it.
 */
public final class SerializedModel {

    private final byte[] bytes;
    private final String sha256;

    private SerializedModel(byte[] bytes) {
        this.bytes = bytes;
        this.sha256 = sha256Of(bytes);
    }

    /** Serializes a classification model with Tribuo's protobuf format. */
    public static SerializedModel of(Model<Label> model) {
        return new SerializedModel(model.serialize().toByteArray());
    }

    /** SHA-256 of the serialized bytes, lower-case hex. */
    public String sha256() {
        return sha256;
    }

    /** Number of serialized bytes. */
    public int size() {
        return bytes.length;
    }

    /** Writes the serialized bytes. */
    public void writeTo(OutputStream out) throws IOException {
        out.write(bytes);
    }

    static String sha256Of(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}

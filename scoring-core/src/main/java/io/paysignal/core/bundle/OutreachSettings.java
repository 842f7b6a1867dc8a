package io.paysignal.core.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.paysignal.core.policy.OutreachConfig;
import io.paysignal.core.response.ResponseModel;
import io.paysignal.core.response.ResponseModelSelection;
import io.paysignal.core.response.ResponseModelSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The outreach part of a model bundle, stored beside the manifest as {@value #FILE}: the treatment and
 * contact policy in force, the response model fitted on the training history's contacts, and how that model
 * was chosen out of time. Bundles written before this file existed still load: they get the default policy
 * and an uninformed response model (every slot equally likely), and say so.
 *
 * @param policy the outreach policy (treatment table and contact rules)
 * @param responseModel the fitted response model
 * @param selection the out-of-time model choice, or null when there were no contacts to evaluate on
 */
public record OutreachSettings(OutreachConfig policy, ResponseModel responseModel, ResponseModelSelection selection) {

    /** The file name inside a bundle folder. */
    public static final String FILE = "outreach.json";

    public OutreachSettings {
        if (policy == null || responseModel == null) {
            throw new IllegalArgumentException("policy and response model are required");
        }
    }

    /** What a bundle without {@value #FILE} uses: the default policy and a response model fitted on nothing. */
    public static OutreachSettings uninformed() {
        return new OutreachSettings(OutreachConfig.defaults(),
                ResponseModel.fit(List.of(), ResponseModelSettings.hourOfDayBaseline()), null);
    }

    /** The JSON form. */
    public byte[] toJson() {
        try {
            return ManifestCodec.mapper().writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write outreach settings", e);
        }
    }

    /** Parses the JSON form; {@code source} names it in errors. */
    public static OutreachSettings fromJson(byte[] json, String source) throws InvalidBundleException {
        try {
            return ManifestCodec.mapper().readValue(json, OutreachSettings.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidBundleException(source + " is not valid outreach settings: " + e.getMessage(), e);
        }
    }

    /** Reads {@value #FILE} of a bundle folder; empty when the bundle predates it. */
    public static Optional<OutreachSettings> readFrom(Path bundleFolder) throws IOException {
        Path file = bundleFolder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(fromJson(Files.readAllBytes(file), file.toString()));
    }
}

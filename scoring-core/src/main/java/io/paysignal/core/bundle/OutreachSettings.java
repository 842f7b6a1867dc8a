package io.paysignal.core.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.paysignal.core.policy.DelayDiscountEstimate;
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
 * was chosen out of time, and the daily delay discount estimated from the training history with its evidence.
 * Bundles written before this file existed still load: they get the default policy and an uninformed response
 * model (every slot equally likely), and say so. Bundles written before the discount was estimated (policy
 * {@code outreach-1}) have no {@code delayDiscount}: they keep the discount their policy was stored with.
 *
 * @param policy the outreach policy (treatment table and contact rules); its
 *               {@link OutreachConfig#dailyDelayDiscount()} is the discount the planner uses
 * @param responseModel the fitted response model
 * @param selection the out-of-time model choice, or null when there were no contacts to evaluate on
 * @param delayDiscount the discount estimated at training time and its evidence, or null when the bundle
 *                      predates the estimate
 */
public record OutreachSettings(OutreachConfig policy, ResponseModel responseModel, ResponseModelSelection selection,
                               DelayDiscountEstimate delayDiscount) {

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
                ResponseModel.fit(List.of(), ResponseModelSettings.hourOfDayBaseline()), null, null);
    }

    /** These settings planning with another policy (a what-if or an override); the evidence is kept. */
    public OutreachSettings withPolicy(OutreachConfig newPolicy) {
        return new OutreachSettings(newPolicy, responseModel, selection, delayDiscount);
    }

    /**
     * Where the planner's daily delay discount comes from, in words: the estimate, its fallback, an override
     * of the estimate, or a bundle that predates the estimate.
     */
    public String delayDiscountSource() {
        double used = policy.dailyDelayDiscount();
        if (delayDiscount == null) {
            return "configured " + used + " (the bundle predates the estimated discount)";
        }
        if (used != delayDiscount.dailyDiscount()) {
            return "configured override " + used + " (the training history's estimate was "
                    + delayDiscount.dailyDiscount() + ")";
        }
        return delayDiscount.note();
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

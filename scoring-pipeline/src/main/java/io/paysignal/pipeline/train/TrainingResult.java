package io.paysignal.pipeline.train;

import io.paysignal.core.bundle.BundleManifest;
import io.paysignal.core.bundle.BundleWriter;
import io.paysignal.core.bundle.ModelBundle;

/**
 * A finished training run.
 *
 * @param writer writes the bundle; hand it to {@link io.paysignal.core.bundle.ModelRegistry#publish}
 * @param bundle the same bundle, in memory, for scoring right away (version {@value #UNPUBLISHED})
 * @param trainingMillis wall time of the whole run
 */
public record TrainingResult(BundleWriter writer, ModelBundle bundle, long trainingMillis) {

    /** The version name of a bundle that has not been published yet. */
    public static final String UNPUBLISHED = "unpublished";

    /** The bundle's manifest. */
    public BundleManifest manifest() {
        return writer.manifest();
    }
}

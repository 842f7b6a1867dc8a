package io.paysignal.pipeline.job;

import io.paysignal.core.bundle.BundleReader;
import io.paysignal.core.bundle.FeatureSchema;
import io.paysignal.core.bundle.ModelBundle;
import io.paysignal.core.bundle.ModelRegistry;
import io.paysignal.core.bundle.OutreachSettings;
import io.paysignal.pipeline.spark.ShippedBundle;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The model a scoring job uses, resolved from {@code --model} (a registry, meaning its CURRENT version, or
 * one version folder), checked against this build's feature schema, and packed for the executors.
 *
 * @param folder the bundle folder
 * @param bundle the loaded bundle (driver side)
 * @param outreach its outreach settings; {@link OutreachSettings#uninformed()} for bundles without them
 * @param outreachFromBundle false when the bundle predates outreach settings
 * @param shipped the bundle as bytes for executors
 */
public record ModelSource(Path folder, ModelBundle bundle, OutreachSettings outreach, boolean outreachFromBundle,
                          ShippedBundle shipped) {

    /** Resolves and loads; a bundle for another feature schema is refused with the reason. */
    public static ModelSource load(Path model) throws IOException {
        Path folder = ModelRegistry.resolve(model);
        ModelBundle bundle = new BundleReader().read(folder, FeatureSchema.ofThisBuild());
        var outreach = OutreachSettings.readFrom(folder);
        return new ModelSource(folder, bundle, outreach.orElseGet(OutreachSettings::uninformed), outreach.isPresent(),
                ShippedBundle.of(bundle, folder));
    }
}

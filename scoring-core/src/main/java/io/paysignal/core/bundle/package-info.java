/**
 * The model bundle: a Tribuo model saved with its protobuf serialization next to a {@code manifest.json}
 * ({@link io.paysignal.core.bundle.BundleManifest}) that says what the model expects and how to turn its
 * output into the contract's risk score, tier and reason codes.
 *
 * <p>This is the only core package that imports Tribuo. {@link io.paysignal.core.bundle.BundleWriter} writes
 * a bundle, {@link io.paysignal.core.bundle.BundleReader} loads and checks one (format version, model file
 * integrity, feature schema) and {@link io.paysignal.core.bundle.ModelBundle} scores
 * {@link io.paysignal.core.feature.FeatureVector}s. {@link io.paysignal.core.bundle.ModelRegistry} keeps
 * published versions in a folder with a {@code CURRENT} pointer, using atomic renames so a reader never sees a
 * half-written version. Files are touched only through {@code java.nio} here; nothing reads the clock or the
 * environment.
 */
package io.paysignal.core.bundle;

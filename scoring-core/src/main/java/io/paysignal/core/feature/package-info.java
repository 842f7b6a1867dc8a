/**
 * The one feature definition of PaySignal, shared by training and serving.
 *
 * <p>{@link io.paysignal.core.feature.FeatureExtractor} turns a
 * {@link io.paysignal.core.history.CustomerHistory} and an as-of date T into a
 * {@link io.paysignal.core.feature.FeatureVector}, using nothing dated after T.
 * {@link io.paysignal.core.feature.FeatureNames} is the schema: the ordered names, their
 * {@link io.paysignal.core.feature.FeatureDefinition definitions} (meaning,
 * {@link io.paysignal.core.feature.FeatureWindow window}, reason code and sentence) and the schema version
 * that model bundles record. docs/FEATURES.md is
 * generated from that catalog and a test keeps the two identical.
 */
package io.paysignal.core.feature;

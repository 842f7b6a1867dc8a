/**
 * The scoring use cases, independent of HTTP, and the seam to scoring-core.
 *
 * <p>The seam is three small interfaces, bundled in {@link io.paysignal.api.service.ScoringComponents}:
 * {@link io.paysignal.api.service.RiskModelReader} (a registry version folder to a
 * {@link io.paysignal.api.service.RiskModel}), {@link io.paysignal.api.service.FeatureSource} (history to
 * features) and {@link io.paysignal.api.service.OutreachPlanner} (score to outreach). Everything else here,
 * {@link io.paysignal.api.service.ScoringService}, the registry and the validating loader, is written against
 * those interfaces only.
 */
package io.paysignal.api.service;

package io.paysignal.api.service;

/**
 * Supplies the scoring-core pieces to {@code riskctl serve}. {@code Main} finds exactly one implementation
 * with {@link java.util.ServiceLoader}: the production one is registered in
 * {@code META-INF/services/io.paysignal.api.service.ScoringComponentsProvider} next to it, and a test can
 * register its own, so the command line is testable end to end.
 */
public interface ScoringComponentsProvider {

    /** The model reader, feature source and outreach planner to serve with. */
    ScoringComponents components();
}

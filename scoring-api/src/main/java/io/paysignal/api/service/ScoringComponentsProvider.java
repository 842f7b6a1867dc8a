package io.paysignal.api.service;

/**
 * Supplies the scoring-core pieces to {@code riskctl serve}. {@code Main} finds exactly one implementation
 * with {@link java.util.ServiceLoader}, registered in
 * {@code src/main/resources/META-INF/services/io.paysignal.api.service.ScoringComponentsProvider}; tests hand
 * their components to {@code Main} directly instead.
 */
public interface ScoringComponentsProvider {

    /** The model reader, feature source and outreach planner to serve with. */
    ScoringComponents components();
}

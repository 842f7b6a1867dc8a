package io.paysignal.api.testsupport;

import io.paysignal.api.service.ScoringComponents;
import io.paysignal.api.service.ScoringComponentsProvider;

/** The test doubles as a provider, registered in test resources so {@code Main} finds them. */
public final class TestComponents implements ScoringComponentsProvider {

    /** The components every API test serves with. */
    public static ScoringComponents create() {
        return new ScoringComponents(new PropertiesModelReader(), new LedgerFeatureSource(), new BusinessHoursPlanner());
    }

    @Override
    public ScoringComponents components() {
        return create();
    }
}

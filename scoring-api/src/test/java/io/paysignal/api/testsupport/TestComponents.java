package io.paysignal.api.testsupport;

import io.paysignal.api.service.ScoringComponents;

/** The small real implementations of the service seam that API tests serve with. */
public final class TestComponents {

    private TestComponents() {
    }

    /** The components every API test serves with. */
    public static ScoringComponents create() {
        return new ScoringComponents(new PropertiesModelReader(), new LedgerFeatureSource(), new BusinessHoursPlanner());
    }
}

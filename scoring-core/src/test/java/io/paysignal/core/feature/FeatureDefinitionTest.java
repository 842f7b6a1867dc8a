package io.paysignal.core.feature;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FeatureDefinitionTest {

    private static FeatureDefinition definition(String name, FeatureWindow window, String code) {
        return new FeatureDefinition(name, "what it means", window, code, "Why it raises risk.");
    }

    @Test
    void acceptsSnakeCaseNameEndingWithItsWindow() {
        assertDoesNotThrow(() -> definition("max_days_past_due_90d", FeatureWindow.DAYS_90, "DPD_WORST_90D"));
        assertDoesNotThrow(() -> definition("tenure_days", FeatureWindow.WHOLE_HISTORY, "TENURE"));
    }

    @Test
    void rejectsNameWithoutItsWindowSuffix() {
        assertThrows(IllegalArgumentException.class,
                () -> definition("max_days_past_due_90d", FeatureWindow.DAYS_365, "DPD"));
    }

    @Test
    void rejectsNamesAndCodesThatAreNotSnakeCase() {
        assertThrows(IllegalArgumentException.class, () -> definition("MaxDpd_90d", FeatureWindow.DAYS_90, "DPD"));
        assertThrows(IllegalArgumentException.class, () -> definition("max__dpd_90d", FeatureWindow.DAYS_90, "DPD"));
        assertThrows(IllegalArgumentException.class, () -> definition("max_dpd_90d", FeatureWindow.DAYS_90, "dpd"));
        assertThrows(IllegalArgumentException.class,
                () -> definition("max_dpd_90d", FeatureWindow.DAYS_90, "DPD;OTHER"));
    }

    @Test
    void rejectsTextThatWouldBreakTheDocsTable() {
        assertThrows(IllegalArgumentException.class, () -> new FeatureDefinition("a_90d", "x | y",
                FeatureWindow.DAYS_90, "A", "Sentence."));
        assertThrows(IllegalArgumentException.class, () -> new FeatureDefinition("a_90d", "x",
                FeatureWindow.DAYS_90, "A", "Two\nlines."));
        assertThrows(IllegalArgumentException.class, () -> new FeatureDefinition("a_90d", "x",
                null, "A", "Sentence."));
        assertThrows(IllegalArgumentException.class, () -> new FeatureDefinition("a_90d", " ",
                FeatureWindow.DAYS_90, "A", "Sentence."));
    }
}

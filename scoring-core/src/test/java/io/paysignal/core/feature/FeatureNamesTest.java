package io.paysignal.core.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeatureNamesTest {

    @Test
    void namesAreTheCatalogNamesInOrder() {
        List<String> fromCatalog = new ArrayList<>();
        for (FeatureDefinition definition : FeatureNames.definitions()) {
            fromCatalog.add(definition.name());
        }
        assertEquals(fromCatalog, FeatureNames.names());
    }

    @Test
    void everyNameConstantIsInTheCatalogAndNothingElse() throws IllegalAccessException {
        Set<String> constants = new HashSet<>();
        for (Field field : FeatureNames.class.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers) && field.getType() == String.class) {
                constants.add((String) field.get(null));
            }
        }
        assertEquals(constants, new HashSet<>(FeatureNames.names()));
    }

    @Test
    void namesAndReasonCodesAreUnique() {
        Set<String> names = new HashSet<>();
        Set<String> codes = new HashSet<>();
        for (FeatureDefinition definition : FeatureNames.definitions()) {
            assertTrue(names.add(definition.name()), "duplicate name " + definition.name());
            assertTrue(codes.add(definition.reasonCode()), "duplicate reason code " + definition.reasonCode());
        }
    }

    @Test
    void everyNameCarriesItsWindowAndEveryReasonIsASentence() {
        for (FeatureDefinition definition : FeatureNames.definitions()) {
            assertTrue(definition.name().endsWith(definition.window().nameSuffix()), definition.name());
            assertTrue(definition.reasonSentence().endsWith("."), definition.name());
            assertTrue(Character.isUpperCase(definition.reasonSentence().charAt(0)), definition.name());
        }
    }

    @Test
    void catalogSizeIsACreditRiskSet() {
        int size = FeatureNames.names().size();
        assertTrue(size >= 40 && size <= 60, "feature count " + size);
        assertTrue(FeatureNames.SCHEMA_VERSION >= 1);
    }

    @Test
    void definitionLooksUpByName() {
        assertEquals("DPD_CURRENT", FeatureNames.definition(FeatureNames.MAX_DAYS_PAST_DUE_CURRENT).reasonCode());
        assertThrows(IllegalArgumentException.class, () -> FeatureNames.definition("no_such_feature"));
    }

    @Test
    void namesCannotBeModified() {
        assertThrows(UnsupportedOperationException.class, () -> FeatureNames.names().add("x"));
    }
}

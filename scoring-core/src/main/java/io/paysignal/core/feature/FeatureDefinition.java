package io.paysignal.core.feature;

import java.io.Serializable;

/**
 * One row of the feature catalog ({@link FeatureNames#definitions()}): what a feature means and how a
 * score explanation names it.
 *
 * @param name snake_case feature name; ends with the window's {@link FeatureWindow#nameSuffix()}
 * @param meaning exact definition, including the value used when the feature is undefined
 * @param window the span of time the feature looks at
 * @param reasonCode stable UPPER_SNAKE code written to the score table's {@code reason_codes} when this
 *     feature is among those raising the score most
 * @param reasonSentence a human sentence for that case, phrased for when the feature raises the risk
 */
public record FeatureDefinition(String name, String meaning, FeatureWindow window, String reasonCode,
                                String reasonSentence) implements Serializable {

    public FeatureDefinition {
        requireText("name", name);
        requireText("meaning", meaning);
        requireText("reasonCode", reasonCode);
        requireText("reasonSentence", reasonSentence);
        if (window == null) {
            throw new IllegalArgumentException("window is required for " + name);
        }
        if (!isSnakeCase(name, false)) {
            throw new IllegalArgumentException("feature name must be lower snake_case: " + name);
        }
        if (!isSnakeCase(reasonCode, true)) {
            throw new IllegalArgumentException("reason code must be UPPER_SNAKE_CASE: " + reasonCode);
        }
        if (!name.endsWith(window.nameSuffix())) {
            throw new IllegalArgumentException(name + " must end with its window suffix " + window.nameSuffix());
        }
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        // The catalog is rendered as a markdown table, one row per feature.
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '|' || c == '\n' || c == '\r') {
                throw new IllegalArgumentException(field + " must not contain '|' or line breaks: " + value);
            }
        }
    }

    private static boolean isSnakeCase(String text, boolean upper) {
        if (text.startsWith("_") || text.endsWith("_") || text.contains("__")) {
            return false;
        }
        char first = text.charAt(0);
        if (upper ? first < 'A' || first > 'Z' : first < 'a' || first > 'z') {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean letter = upper ? c >= 'A' && c <= 'Z' : c >= 'a' && c <= 'z';
            if (!letter && !(c >= '0' && c <= '9') && c != '_') {
                return false;
            }
        }
        return true;
    }
}

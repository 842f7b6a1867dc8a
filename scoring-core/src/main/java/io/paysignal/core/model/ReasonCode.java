package io.paysignal.core.model;

import java.io.Serializable;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A stable, machine-readable code for a reason a customer's score is high, and the sentence shown to people.
 * Codes travel in the score table's {@code reason_codes} column, {@code ;}-separated.
 *
 * @param code upper-case letters, digits and underscores, e.g. {@code HIGH_DPD_90D}
 * @param sentence what the code means to a collections agent
 */
public record ReasonCode(String code, String sentence) implements Serializable {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

    public ReasonCode {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("reason code must be upper-case letters, digits and underscores,"
                    + " was " + code);
        }
        if (sentence == null || sentence.isBlank()) {
            throw new IllegalArgumentException("reason code " + code + " needs a sentence");
        }
    }

    /**
     * The code used for a feature the catalog does not describe: the feature name in upper case. It keeps
     * the score table informative when the catalog lags behind the features, and is visibly generic.
     */
    public static ReasonCode fallbackFor(String featureName) {
        String code = featureName.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
        if (code.isEmpty() || !Character.isLetter(code.charAt(0))) {
            code = "F_" + code;
        }
        return new ReasonCode(code, "Feature " + featureName + " raises the risk above a typical customer's");
    }
}

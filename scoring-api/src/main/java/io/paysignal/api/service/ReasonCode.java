package io.paysignal.api.service;

/**
 * One reason behind a score.
 *
 * @param code the machine-readable code written to the score table (a feature name, e.g. {@code max_days_past_due_90d})
 * @param sentence the same reason in words, for an agent's screen
 */
public record ReasonCode(String code, String sentence) {

    public ReasonCode {
        if (code == null || code.isBlank() || code.contains(";")) {
            throw new IllegalArgumentException("a reason code is non-blank and holds no ';': " + code);
        }
        if (sentence == null || sentence.isBlank()) {
            throw new IllegalArgumentException("reason " + code + " needs a sentence");
        }
    }
}

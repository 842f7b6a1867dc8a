package io.paysignal.pipeline.train;

import java.util.Map;
import java.util.TreeMap;

/**
 * One candidate learner from the trainer configuration: its name, kind and own settings (the configuration
 * keys {@code <name>.*} without the prefix).
 *
 * @param name the candidate's name, e.g. {@code xgboost}
 * @param kind the learner
 * @param parameters its settings, e.g. {@code epochs -> 10}
 */
public record CandidateSpec(String name, LearnerKind kind, Map<String, String> parameters) {

    public CandidateSpec {
        if (name == null || !name.matches("[a-z][a-z0-9_-]*") || kind == null) {
            throw new IllegalArgumentException("candidate needs a lower-case name and a learner, got " + name);
        }
        parameters = Map.copyOf(new TreeMap<>(parameters));
    }

    /** An integer setting; IllegalArgumentException naming the key when missing or malformed. */
    public int intParameter(String key) {
        String text = required(key);
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "." + key + " must be an integer, was '" + text + "'");
        }
    }

    /** A decimal setting; IllegalArgumentException naming the key when missing or malformed. */
    public double doubleParameter(String key) {
        String text = required(key);
        try {
            double value = Double.parseDouble(text.trim());
            if (!Double.isFinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "." + key + " must be a finite number, was '" + text + "'");
        }
    }

    /** A text setting, or {@code fallback} when the configuration does not have the key. */
    public String textParameter(String key, String fallback) {
        String text = parameters.get(key);
        return text == null ? fallback : text;
    }

    private String required(String key) {
        String text = parameters.get(key);
        if (text == null) {
            throw new IllegalArgumentException("trainer configuration lacks " + name + "." + key);
        }
        return text;
    }
}

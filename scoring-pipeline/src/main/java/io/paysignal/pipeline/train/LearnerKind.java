package io.paysignal.pipeline.train;

import java.util.Arrays;
import java.util.Locale;

/** The learners a trainer configuration can name, by their configuration name. */
public enum LearnerKind {
    /** Tribuo LinearSGDTrainer with logistic loss on standardised features. */
    LINEAR_SGD_LOGISTIC("linear-sgd-logistic"),
    /** Tribuo XGBoostClassificationTrainer (gradient-boosted trees). */
    XGBOOST("xgboost"),
    /** Tribuo FMClassificationTrainer (factorization machine) on standardised features. */
    FACTORIZATION_MACHINE("factorization-machine");

    private final String configName;

    LearnerKind(String configName) {
        this.configName = configName;
    }

    /** The name used in trainer configuration files and manifests. */
    public String configName() {
        return configName;
    }

    /** The learner a configuration names; IllegalArgumentException listing the known ones otherwise. */
    public static LearnerKind fromConfig(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.configName.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown learner '" + name + "'; known: "
                        + Arrays.stream(values()).map(LearnerKind::configName).toList()));
    }
}

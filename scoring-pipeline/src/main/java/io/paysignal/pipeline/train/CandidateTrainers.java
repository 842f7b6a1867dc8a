package io.paysignal.pipeline.train;

import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.fm.FMClassificationTrainer;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.xgboost.XGBoostTrainer.BoosterType;
import org.tribuo.common.xgboost.XGBoostTrainer.LoggingVerbosity;
import org.tribuo.common.xgboost.XGBoostTrainer.TreeMethod;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.MeanStdDevTransformation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Builds a fresh Tribuo trainer for a candidate. Fresh matters: Tribuo trainers advance their random state on
 * every {@code train} call, so reusing one would make a second run differ from the first.
 */
final class CandidateTrainers {

    /** Tribuo's value for "do not log training progress". */
    private static final int NO_PROGRESS_LOG = -1;

    private CandidateTrainers() {
    }

    static Trainer<Label> create(CandidateSpec spec, long seed) {
        return switch (spec.kind()) {
            case LINEAR_SGD_LOGISTIC -> standardised(new LinearSGDTrainer(new LogMulticlass(),
                    new AdaGrad(spec.doubleParameter("learning.rate"), spec.doubleParameter("epsilon")),
                    spec.intParameter("epochs"), NO_PROGRESS_LOG, spec.intParameter("minibatch"), seed));
            case FACTORIZATION_MACHINE -> standardised(new FMClassificationTrainer(new LogMulticlass(),
                    new AdaGrad(spec.doubleParameter("learning.rate"), spec.doubleParameter("epsilon")),
                    spec.intParameter("epochs"), NO_PROGRESS_LOG, spec.intParameter("minibatch"), seed,
                    spec.intParameter("factors"), spec.doubleParameter("init.variance")));
            case XGBOOST -> xgboost(spec, seed);
        };
    }

    /**
     * Gradient-boosted trees. {@code tree.method} is optional: without it XGBoost chooses ("auto", which is
     * what the 12-argument constructor of configuration version 1 asks for), so older configurations build
     * exactly the trainer they always did.
     */
    private static Trainer<Label> xgboost(CandidateSpec spec, long seed) {
        return new XGBoostClassificationTrainer(BoosterType.GBTREE, treeMethod(spec.textParameter("tree.method", "auto")),
                spec.intParameter("trees"), spec.doubleParameter("eta"), spec.doubleParameter("gamma"),
                spec.intParameter("max.depth"), spec.doubleParameter("min.child.weight"),
                spec.doubleParameter("subsample"), spec.doubleParameter("feature.subsample"),
                spec.doubleParameter("lambda"), spec.doubleParameter("alpha"), spec.intParameter("threads"),
                LoggingVerbosity.SILENT, seed);
    }

    /** XGBoost's tree method by its parameter name; GPU methods are refused (the pipeline runs on CPUs). */
    static TreeMethod treeMethod(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(TreeMethod.values())
                .filter(m -> m != TreeMethod.GPU_HIST && m.paramName.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("xgboost tree.method must be one of auto, exact,"
                        + " approx, hist; was '" + name + "'"));
    }

    /** Standardises every feature (mean 0, sd 1 on the fitting data); the scaling is stored in the model. */
    private static Trainer<Label> standardised(Trainer<Label> inner) {
        return new TransformTrainer<>(inner, new TransformationMap(List.of(new MeanStdDevTransformation())), true);
    }
}

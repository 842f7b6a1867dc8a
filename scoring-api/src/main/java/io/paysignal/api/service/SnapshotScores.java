package io.paysignal.api.service;

import io.paysignal.core.model.ReasonCode;
import io.paysignal.api.snapshot.PrecomputedScores;
import io.paysignal.api.snapshot.SnapshotIndex;
import io.paysignal.core.feature.FeatureVector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The model's answers for the snapshot's customers, for one (model, snapshot) pair: a snapshot customer's score
 * depends only on the model and the customer's snapshot features, both immutable while the pair serves, so
 * each customer is scored at most once per pair.
 *
 * <p>Where the answer comes from:
 * <ul>
 *   <li>the score table written by the same score run ({@link PrecomputedScores}), when the serving model's
 *       version is the table's {@code model_version}, the row's {@code as_of} is the snapshot's, every reason
 *       code in the table is one the model reports, and the model reproduces the table exactly on a few
 *       sample customers (so a table written by another model published under the same version name is not
 *       served). Then {@code risk_score} equals the score table's by construction;</li>
 *   <li>otherwise the model, on first request, kept per customer (memoized) for the pair's lifetime. A reload
 *       creates a new pair, so a new model never serves an old model's answers.</li>
 * </ul>
 * Two threads asking for the same unscored customer at once may both compute it; they get equal answers
 * (the loader refuses models that are not deterministic), and either may be kept.
 */
final class SnapshotScores {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotScores.class);
    /** Sample customers on which the model must reproduce the table before the table is served. */
    static final int TABLE_CHECKS = 5;

    private final RiskModel model;
    private final SnapshotIndex index;
    private final PrecomputedScores table;
    private final Map<String, List<ReasonCode>> reasonsByCell;
    private final AtomicReferenceArray<ScoreResult> scored;

    private SnapshotScores(RiskModel model, SnapshotIndex index, PrecomputedScores table,
                           Map<String, List<ReasonCode>> reasonsByCell) {
        this.model = model;
        this.index = index;
        this.table = table;
        this.reasonsByCell = reasonsByCell;
        this.scored = new AtomicReferenceArray<>(index.size());
    }

    /** The answers of {@code model} for the customers of {@code index}, using its score table when it may. */
    static SnapshotScores of(RiskModel model, SnapshotIndex index) {
        Optional<PrecomputedScores> precomputed = index.precomputed();
        if (precomputed.isEmpty()) {
            return new SnapshotScores(model, index, null, Map.of());
        }
        PrecomputedScores table = precomputed.get();
        if (!table.modelVersion().equals(model.version())) {
            LOG.info("score table {} is of model {}, serving {}: scores are computed", table.source(),
                    table.modelVersion(), model.version());
            return new SnapshotScores(model, index, null, Map.of());
        }
        Map<String, List<ReasonCode>> reasonsByCell = new HashMap<>();
        for (String cell : table.distinctReasonCodes()) {
            List<ReasonCode> reasons = new ArrayList<>();
            for (String code : cell.isEmpty() ? new String[0] : cell.split(";", -1)) {
                Optional<ReasonCode> known = model.reasonCode(code);
                if (known.isEmpty()) {
                    LOG.warn("score table {} has reason code '{}' that model {} does not report: scores are computed",
                            table.source(), code, model.version());
                    return new SnapshotScores(model, index, null, Map.of());
                }
                reasons.add(known.get());
            }
            reasonsByCell.put(cell, List.copyOf(reasons));
        }
        SnapshotScores fromTable = new SnapshotScores(model, index, table, reasonsByCell);
        SnapshotScores computed = new SnapshotScores(model, index, null, Map.of());
        int checked = 0;
        for (int i = 0; i < TABLE_CHECKS && index.size() > 0; i++) {
            int position = (int) ((long) i * index.size() / TABLE_CHECKS);
            if (!table.has(position)) {
                continue;
            }
            FeatureVector features = index.featuresAt(position);
            ScoreResult expected = computed.score(position, features);
            if (!expected.equals(fromTable.score(position, features))) {
                LOG.warn("score table {} disagrees with model {} on customer {} (table {}, model {}): scores are"
                        + " computed", table.source(), model.version(), features.customerId(),
                        fromTable.score(position, features), expected);
                return computed;
            }
            checked++;
        }
        LOG.info("serving model {} from score table {} ({} of {} customers; model reproduces it on {} samples)",
                model.version(), table.source(), table.rows(), index.size(), checked);
        return fromTable;
    }

    /** The model. */
    RiskModel model() {
        return model;
    }

    /** The snapshot. */
    SnapshotIndex index() {
        return index;
    }

    /** Whether answers come from the score table (where it has a row). */
    boolean servesTable() {
        return table != null;
    }

    /**
     * The answer for the customer at {@code position}, whose snapshot features are {@code features}.
     */
    ScoreResult score(int position, FeatureVector features) {
        ScoreResult known = scored.get(position);
        if (known != null) {
            return known;
        }
        ScoreResult result = table != null && table.has(position)
                ? new ScoreResult(table.riskScore(position), table.tier(position),
                        reasonsByCell.get(table.reasonCodes(position)))
                : model.score(features);
        scored.compareAndSet(position, null, result);
        return result;
    }
}

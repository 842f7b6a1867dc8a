package io.paysignal.pipeline.job;

import io.paysignal.core.bundle.ModelBundle;
import io.paysignal.core.feature.FeatureExtractor;
import io.paysignal.core.feature.FeatureVector;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.model.ScoreReason;
import io.paysignal.core.model.ScoredRisk;
import io.paysignal.core.policy.OutreachDecision;
import io.paysignal.core.snapshot.CustomerSnapshot;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Scores customers as of T inside a Spark task: features from the one feature definition, the bundle's
 * calibrated score, tier and reasons, and the outreach recommendation. Customers are scored in batches so
 * the model sees many rows per call.
 */
public final class CustomerScoring implements Serializable {

    /** Customers handed to the model at once. */
    static final int BATCH = 512;

    private final LocalDate asOf;
    private final Outreach outreach;

    /**
     * One scored customer: everything the score table and the feature snapshot need.
     *
     * @param history the customer's history (cut at T for score; whole for evaluate)
     * @param snapshot the snapshot as of T
     * @param risk the bundle's result
     * @param decision the outreach recommendation
     */
    public record Scored(CustomerHistory history, CustomerSnapshot snapshot, ScoredRisk risk,
                         OutreachDecision decision) implements Serializable {

        /** The score table's {@code reason_codes}: up to three codes, {@code ;}-separated. */
        public String reasonCodesText() {
            return risk.reasons().stream().map(reason -> reason.reason().code()).collect(Collectors.joining(";"));
        }
    }

    public CustomerScoring(LocalDate asOf, Outreach outreach) {
        this.asOf = asOf;
        this.outreach = outreach;
    }

    /** Scores one batch of customers with one call to the model, in the batch's order. */
    public List<Scored> scoreBatch(List<CustomerHistory> batch, ModelBundle bundle, FeatureExtractor extractor) {
        List<FeatureVector> vectors = new ArrayList<>(batch.size());
        for (CustomerHistory history : batch) {
            vectors.add(extractor.extract(history, asOf));
        }
        List<ScoredRisk> risks = bundle.scoreAll(vectors);
        List<Scored> scored = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            CustomerHistory history = batch.get(i);
            ScoredRisk risk = risks.get(i);
            scored.add(new Scored(history, CustomerSnapshot.of(history, vectors.get(i)), risk,
                    outreach.decide(history, asOf, risk)));
        }
        return scored;
    }

    /** Scores a partition's customers, batch by batch. */
    public Iterator<Scored> scorePartition(Iterator<CustomerHistory> histories, ModelBundle bundle) {
        FeatureExtractor extractor = new FeatureExtractor();
        return new Iterator<>() {
            private final List<Scored> buffer = new ArrayList<>(BATCH);
            private int next;

            @Override
            public boolean hasNext() {
                if (next < buffer.size()) {
                    return true;
                }
                buffer.clear();
                next = 0;
                List<CustomerHistory> batch = new ArrayList<>(BATCH);
                while (batch.size() < BATCH && histories.hasNext()) {
                    batch.add(histories.next());
                }
                if (batch.isEmpty()) {
                    return false;
                }
                buffer.addAll(scoreBatch(batch, bundle, extractor));
                return true;
            }

            @Override
            public Scored next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return buffer.get(next++);
            }
        };
    }
}

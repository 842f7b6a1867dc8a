package io.paysignal.api.service;

import io.paysignal.api.snapshot.SnapshotIndex;
import io.paysignal.core.feature.FeatureVector;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.snapshot.CustomerSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The scoring use cases, free of HTTP: score a snapshot customer, an inline history or a batch; describe and
 * reload the model. The model and the snapshot are held in atomic references: a request reads each once
 * and uses that instance throughout, so a reload swaps models between requests, never inside one.
 *
 * <p>Snapshot customers are answered through {@link SnapshotScores}: from the score run's own score table when
 * the serving model wrote it, otherwise computed once per customer for the serving (model, snapshot) pair.
 */
public final class ScoringService {

    private static final Logger LOG = LoggerFactory.getLogger(ScoringService.class);

    private final ScoringComponents components;
    private final ModelRegistry registry;
    private final RiskModelLoader loader;
    private final int canaryCustomers;
    private final Clock clock;
    /** The serving model with its answers for the snapshot's customers; replaced whole on reload. */
    private final AtomicReference<SnapshotScores> serving = new AtomicReference<>();
    private final AtomicReference<SnapshotIndex> snapshot = new AtomicReference<>();
    private final ReentrantLock reloading = new ReentrantLock();

    /**
     * @param components the model reader, feature source and outreach planner
     * @param registry the model registry
     * @param canaryCustomers how many snapshot customers a new model must score before it is served
     * @param clock the time outreach is planned at, and "today" for inline histories without a date
     */
    public ScoringService(ScoringComponents components, ModelRegistry registry, int canaryCustomers, Clock clock) {
        if (canaryCustomers < 1) {
            throw new IllegalArgumentException("at least one canary customer is needed");
        }
        this.components = components;
        this.registry = registry;
        this.loader = new RiskModelLoader(registry, components.modelReader(), components.features().featureNames());
        this.canaryCustomers = canaryCustomers;
        this.clock = clock;
    }

    /**
     * Installs the snapshot to serve from; done once, at start-up.
     *
     * @throws IllegalArgumentException when its feature columns are not the ones this build computes
     * @throws IllegalStateException when a snapshot is already installed
     */
    public void useSnapshot(SnapshotIndex index) {
        List<String> expected = components.features().featureNames();
        if (!index.featureNames().equals(expected)) {
            throw new IllegalArgumentException("the snapshot " + index.source() + " has features "
                    + index.featureNames() + " but this build computes " + expected
                    + ": it was written by another version of the pipeline");
        }
        if (!snapshot.compareAndSet(null, index)) {
            throw new IllegalStateException("a snapshot is already loaded");
        }
    }

    /**
     * Loads the registry's {@code CURRENT} version, validates it on canary customers from the snapshot, and
     * only then makes it the serving model. On any failure the serving model stays as it was.
     *
     * @throws ModelRejectedException when the new version fails validation
     * @throws ReloadInProgressException when another reload is running
     * @throws ServiceUnavailableException when no snapshot is loaded yet (canaries come from it)
     */
    public ReloadOutcome reload() {
        if (!reloading.tryLock()) {
            throw new ReloadInProgressException();
        }
        try {
            SnapshotIndex index = requireSnapshot();
            List<FeatureVector> canaries = index.sample(canaryCustomers).stream()
                    .map(CustomerSnapshot::features).toList();
            RiskModel candidate = loader.loadCurrent(canaries);
            SnapshotScores previous = serving.getAndSet(SnapshotScores.of(candidate, index));
            String previousVersion = previous == null ? null : previous.model().version();
            LOG.info("serving model {} (was {})", candidate.version(), previousVersion);
            return new ReloadOutcome(previousVersion, candidate.version());
        } finally {
            reloading.unlock();
        }
    }

    /**
     * Scores a snapshot customer and plans outreach from now.
     *
     * @throws UnknownCustomerException when the customer is not in the snapshot
     */
    public CustomerScore scoreCustomer(String customerId) {
        return scoreSnapshotCustomer(requireServing(), customerId);
    }

    /** Scores an inline history as of {@code asOf} (today in UTC when null) and plans outreach from now. */
    public CustomerScore scoreHistory(CustomerHistory history, LocalDate asOf) {
        RiskModel current = requireServing().model();
        LocalDate date = asOf == null ? today() : asOf;
        FeatureVector features = components.features().extract(history, date);
        return withOutreach(current, features, current.score(features), history);
    }

    /**
     * Scores several snapshot customers with one model; an id that fails gets its failure (for the caller to
     * report and log), not an exception.
     */
    public List<BatchEntry> scoreBatch(List<String> customerIds) {
        SnapshotScores scores = requireServing();
        List<BatchEntry> entries = new ArrayList<>(customerIds.size());
        for (String id : customerIds) {
            try {
                entries.add(new BatchEntry(id, scoreSnapshotCustomer(scores, id), null));
            } catch (RuntimeException e) {
                entries.add(new BatchEntry(id, null, e));
            }
        }
        return entries;
    }

    /** The serving model's manifest facts. */
    public ModelInfo currentModel() {
        return requireServing().model().info();
    }

    /** The registry's versions, marking the one {@code CURRENT} names and the one serving. */
    public List<ModelVersion> versions() {
        String current;
        try {
            current = registry.currentVersion();
        } catch (ModelRejectedException e) {
            current = null;
        }
        SnapshotScores scores = serving.get();
        RiskModel model = scores == null ? null : scores.model();
        List<ModelVersion> versions = new ArrayList<>();
        for (String version : registry.versions()) {
            versions.add(new ModelVersion(version, version.equals(current),
                    model != null && version.equals(model.version())));
        }
        return versions;
    }

    /** What is loaded. */
    public Readiness readiness() {
        SnapshotScores scores = serving.get();
        SnapshotIndex index = snapshot.get();
        return new Readiness(scores == null ? null : scores.model().version(), index == null ? -1 : index.size());
    }

    /** Today's date in UTC by the service clock: the default as-of date of inline histories. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private CustomerScore scoreSnapshotCustomer(SnapshotScores scores, String customerId) {
        int position = scores.index().position(customerId);
        if (position < 0) {
            throw new UnknownCustomerException(customerId);
        }
        // The vector and the history are the index's shared instances, built once at load and equal to
        // customerAt(position).features() and .toHistory(), so nothing is rebuilt per request.
        FeatureVector features = scores.index().featuresAt(position);
        ScoreResult result = scores.score(position, features);
        return withOutreach(scores.model(), features, result, scores.index().historyAt(position));
    }

    private CustomerScore withOutreach(RiskModel current, FeatureVector features, ScoreResult result,
                                       CustomerHistory history) {
        OutreachPlan plan = components.planner().plan(current, history, features.asOf(), result, clock.instant());
        return new CustomerScore(features.customerId(), features.asOf(), result, plan,
                history.customer().timezone(), current.version());
    }

    private SnapshotScores requireServing() {
        SnapshotScores current = serving.get();
        if (current == null) {
            throw new ServiceUnavailableException("no model is loaded yet");
        }
        return current;
    }

    private SnapshotIndex requireSnapshot() {
        SnapshotIndex index = snapshot.get();
        if (index == null) {
            throw new ServiceUnavailableException("the customer snapshot is still loading");
        }
        return index;
    }
}

package io.paysignal.api.snapshot;

import io.paysignal.core.feature.FeatureVector;
import io.paysignal.core.history.CustomerHistory;
import io.paysignal.core.snapshot.CustomerSnapshot;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The loaded feature snapshot: an immutable, in-memory index from customer id to {@link CustomerSnapshot}.
 * Rows are stored compactly and turned into records per lookup, which costs microseconds and keeps a
 * million customers within a few hundred megabytes; what every by-id score reads, the feature vector and the
 * history the outreach planner takes ({@link #featuresAt}, {@link #historyAt}), is built once at load and
 * shared instead. Safe to share between threads.
 */
public final class SnapshotIndex {

    private final String source;
    private final List<String> featureNames;
    private final Map<String, CompactCustomer> byId;
    private final CompactCustomer[] inLoadOrder;
    private final SortedSet<LocalDate> asOfDates;
    private final PrecomputedScores precomputed;

    SnapshotIndex(String source, List<String> featureNames, List<CompactCustomer> rows) {
        this.source = source;
        this.featureNames = List.copyOf(featureNames);
        this.inLoadOrder = rows.toArray(new CompactCustomer[0]);
        Map<String, CompactCustomer> index = new HashMap<>(Math.max(16, (int) (rows.size() / 0.75f) + 1));
        SortedSet<LocalDate> dates = new TreeSet<>();
        for (int position = 0; position < inLoadOrder.length; position++) {
            CompactCustomer row = inLoadOrder[position];
            row.history(); // throws when the row was not prepared
            if (row.position != -1) {
                throw new IllegalArgumentException("row of customer " + row.customerId + " belongs to another index");
            }
            row.position = position;
            CompactCustomer earlier = index.putIfAbsent(row.customerId, row);
            if (earlier != null) {
                throw new SnapshotFormatException("customer " + row.customerId + " appears twice in " + source);
            }
            if (dates.size() < 1000) {
                dates.add(LocalDate.ofEpochDay(row.asOfDay));
            }
        }
        this.byId = index;
        this.asOfDates = Collections.unmodifiableSortedSet(dates);
        this.precomputed = null;
    }

    private SnapshotIndex(SnapshotIndex customers, PrecomputedScores precomputed) {
        this.source = customers.source;
        this.featureNames = customers.featureNames;
        this.inLoadOrder = customers.inLoadOrder;
        this.byId = customers.byId;
        this.asOfDates = customers.asOfDates;
        this.precomputed = precomputed;
    }

    /** The same customers with the score table of their score run (see {@link PrecomputedScores}). */
    SnapshotIndex withPrecomputed(PrecomputedScores scores) {
        return new SnapshotIndex(this, scores);
    }

    /**
     * An index over snapshot records built in memory (e.g. by a job that computed them in-process); every
     * record must carry {@code featureNames}.
     */
    public static SnapshotIndex of(String source, List<String> featureNames, List<CustomerSnapshot> customers) {
        SnapshotReader.Interner interner = new SnapshotReader.Interner();
        List<CompactCustomer> rows = new ArrayList<>(customers.size());
        for (CustomerSnapshot customer : customers) {
            if (!customer.features().names().equals(featureNames)) {
                throw new IllegalArgumentException("customer " + customer.customerId() + " has features "
                        + customer.features().names() + ", expected " + featureNames);
            }
            CompactCustomer row = CompactCustomer.of(customer, interner);
            row.prepare(interner::date);
            rows.add(row);
        }
        return new SnapshotIndex(source, featureNames, rows);
    }

    /** Where the snapshot was read from. */
    public String source() {
        return source;
    }

    /** The ordered feature names every customer's vector carries. */
    public List<String> featureNames() {
        return featureNames;
    }

    /** The number of customers. */
    public int size() {
        return inLoadOrder.length;
    }

    /** The as-of dates present (normally one). */
    public SortedSet<LocalDate> asOfDates() {
        return asOfDates;
    }

    /** The customer's snapshot, or empty when the customer is not in it. */
    public Optional<CustomerSnapshot> find(String customerId) {
        CompactCustomer row = customerId == null ? null : byId.get(customerId);
        return row == null ? Optional.empty() : Optional.of(row.toSnapshot());
    }

    /**
     * The customer's position in this index (0 to {@link #size()} - 1, stable for the index's life), or -1
     * when the customer is not in it: the key of per-customer arrays such as {@link #precomputed()}.
     */
    public int position(String customerId) {
        CompactCustomer row = customerId == null ? null : byId.get(customerId);
        return row == null ? -1 : row.position;
    }

    /** The snapshot of the customer at {@code position} (from {@link #position}). */
    public CustomerSnapshot customerAt(int position) {
        return inLoadOrder[position].toSnapshot();
    }

    /**
     * The feature vector of the customer at {@code position}: equal to {@code customerAt(position).features()},
     * the same (immutable) instance on every call.
     */
    public FeatureVector featuresAt(int position) {
        return inLoadOrder[position].features;
    }

    /**
     * The history the outreach planner reads for the customer at {@code position}: equal to
     * {@code customerAt(position).toHistory()}, built once at load; the same (immutable) instance on every call.
     */
    public CustomerHistory historyAt(int position) {
        return inLoadOrder[position].history();
    }

    /** The as-of date of the customer at {@code position}, as an epoch day. */
    int asOfDayAt(int position) {
        return inLoadOrder[position].asOfDay;
    }

    /**
     * The score table written by the same score run, aligned with the positions; empty when the snapshot
     * folder has none (or it could not be used, as the start-up log says).
     */
    public Optional<PrecomputedScores> precomputed() {
        return Optional.ofNullable(precomputed);
    }

    /** Up to {@code count} customers spread evenly over the snapshot (the same ones every time). */
    public List<CustomerSnapshot> sample(int count) {
        int n = Math.min(count, inLoadOrder.length);
        List<CustomerSnapshot> picked = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            picked.add(inLoadOrder[(int) ((long) i * inLoadOrder.length / n)].toSnapshot());
        }
        return picked;
    }
}

package io.paysignal.core.feature;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * One customer's features as of one date. {@code values[i]} is the feature named {@code names.get(i)};
 * the order is {@link FeatureNames#names()} for vectors made by {@link FeatureExtractor}.
 *
 * @param customerId the customer
 * @param asOf the as-of date T; nothing dated after T went into the values
 * @param names ordered feature names
 * @param values feature values, finite, aligned with {@code names}
 */
public record FeatureVector(String customerId, LocalDate asOf, List<String> names, double[] values)
        implements Serializable {

    public FeatureVector {
        if (customerId == null || asOf == null) {
            throw new IllegalArgumentException("customerId and asOf are required");
        }
        names = List.copyOf(names);
        if (names.size() != values.length) {
            throw new IllegalArgumentException(names.size() + " names but " + values.length + " values");
        }
        values = values.clone();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("feature " + names.get(i) + " is not finite: " + values[i]);
            }
        }
    }

    /** The value of the named feature; IllegalArgumentException when there is no such feature. */
    public double get(String name) {
        int index = names.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no feature named " + name);
        }
        return values[index];
    }

    /** A copy of the values. */
    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureVector other && customerId.equals(other.customerId)
                && asOf.equals(other.asOf) && names.equals(other.names) && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * customerId.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "FeatureVector[" + customerId + " as of " + asOf + ", " + names.size() + " features]";
    }
}

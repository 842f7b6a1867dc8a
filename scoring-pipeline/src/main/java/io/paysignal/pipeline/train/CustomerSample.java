package io.paysignal.pipeline.train;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Deterministic sampling of whole customers by a seeded 64-bit hash of their id. A customer is in or out for
 * every snapshot together, so sampling never mixes a customer's history into both halves of anything.
 *
 * <p>The Spark job can filter with {@link #keeps} before collecting rows to the driver (the memory bound);
 * {@link #capRows} enforces an exact cap on rows already collected, keeping the customers with the lowest
 * hashes, which is the same ordering, so both agree on who is kept.
 *
 * @param fraction share of customers to keep, in (0, 1]
 * @param seed the hash seed
 */
public record CustomerSample(double fraction, long seed) implements Serializable {

    public CustomerSample {
        if (!(fraction > 0.0 && fraction <= 1.0)) {
            throw new IllegalArgumentException("fraction must lie in (0, 1], was " + fraction);
        }
    }

    /** True when this customer is in the sample. */
    public boolean keeps(String customerId) {
        if (fraction >= 1.0) {
            return true;
        }
        // The hash read as an unsigned number, scaled to [0, 1).
        return unsignedToDouble(hash(customerId, seed)) / 0x1p64 < fraction;
    }

    /** A stable 64-bit hash of a customer id: FNV-1a over UTF-8 bytes, seeded, then a SplitMix64 finaliser. */
    public static long hash(String customerId, long seed) {
        long h = 0xcbf29ce484222325L ^ seed;
        for (byte b : customerId.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }

    /**
     * At most {@code maxRows} of {@code rows}: whole customers in ascending unsigned hash order, as many as fit.
     * Returns {@code rows} itself when it is within the cap. Kept rows stay in their input order.
     */
    public static <T> List<T> capRows(List<T> rows, Function<T, String> customerOf,
                                      int maxRows, long seed) {
        if (rows.size() <= maxRows) {
            return rows;
        }
        Map<String, Integer> rowsPerCustomer = new HashMap<>();
        for (T row : rows) {
            rowsPerCustomer.merge(customerOf.apply(row), 1, Integer::sum);
        }
        List<String> customers = new ArrayList<>(rowsPerCustomer.keySet());
        customers.sort((a, b) -> {
            int byHash = Long.compareUnsigned(hash(a, seed), hash(b, seed));
            return byHash != 0 ? byHash : a.compareTo(b);
        });
        Map<String, Boolean> kept = new HashMap<>();
        int total = 0;
        for (String customer : customers) {
            int count = rowsPerCustomer.get(customer);
            if (total + count > maxRows) {
                break;
            }
            total += count;
            kept.put(customer, Boolean.TRUE);
        }
        List<T> capped = new ArrayList<>(total);
        for (T row : rows) {
            if (kept.containsKey(customerOf.apply(row))) {
                capped.add(row);
            }
        }
        return capped;
    }

    private static double unsignedToDouble(long value) {
        double high = (double) (value >>> 1) * 2.0;
        return high + (value & 1L);
    }
}

package io.paysignal.pipeline.train;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CustomerSampleTest {

    /** Rows as "customer@snapshot" strings: 1,000 customers in 3 snapshots. */
    private static List<String> rows() {
        List<String> rows = new ArrayList<>();
        for (int snapshot = 0; snapshot < 3; snapshot++) {
            for (int c = 0; c < 1000; c++) {
                rows.add("cust-" + c + "@" + snapshot);
            }
        }
        return rows;
    }

    private static final Function<String, String> CUSTOMER = row -> row.substring(0, row.indexOf('@'));

    @Test
    void capRowsKeepsWholeCustomersWithinTheCap() {
        List<String> capped = CustomerSample.capRows(rows(), CUSTOMER, 1000, 7);
        assertEquals(999, capped.size(), "333 whole customers of 3 rows fit under 1,000");
        Map<String, Integer> perCustomer = new HashMap<>();
        capped.forEach(row -> perCustomer.merge(CUSTOMER.apply(row), 1, Integer::sum));
        assertTrue(perCustomer.values().stream().allMatch(count -> count == 3));
    }

    @Test
    void capRowsIsDeterministicForASeedAndDiffersAcrossSeeds() {
        assertEquals(CustomerSample.capRows(rows(), CUSTOMER, 600, 7), CustomerSample.capRows(rows(), CUSTOMER, 600, 7));
        Set<String> seven = new HashSet<>(CustomerSample.capRows(rows(), CUSTOMER, 600, 7));
        Set<String> eight = new HashSet<>(CustomerSample.capRows(rows(), CUSTOMER, 600, 8));
        assertTrue(!seven.equals(eight));
    }

    @Test
    void rowsWithinTheCapAreReturnedUntouched() {
        List<String> rows = rows();
        assertSame(rows, CustomerSample.capRows(rows, CUSTOMER, 3000, 7));
    }

    @Test
    void keepsAgreesWithCapRowsOnWhoIsKept() {
        // capRows keeps the lowest hashes; keeps(fraction) keeps hashes below fraction * 2^64: same order.
        CustomerSample sample = new CustomerSample(0.3, 7);
        Set<String> kept = new HashSet<>();
        for (int c = 0; c < 1000; c++) {
            if (sample.keeps("cust-" + c)) {
                kept.add("cust-" + c);
            }
        }
        assertTrue(kept.size() > 250 && kept.size() < 350, "kept " + kept.size());
        Set<String> capped = new HashSet<>();
        CustomerSample.capRows(rows(), CUSTOMER, kept.size() * 3, 7).forEach(r -> capped.add(CUSTOMER.apply(r)));
        assertEquals(kept, capped);
    }

    @Test
    void theHashIsStableAcrossRuns() {
        // A changed hash would silently change which customers a capped training run uses.
        assertEquals(0xdd87f1dc20580616L, CustomerSample.hash("cust-1", 7));
        assertEquals(0xf52a15e9a9b5e89bL, CustomerSample.hash("", 0));
        assertTrue(CustomerSample.hash("cust-1", 7) != CustomerSample.hash("cust-1", 8));
        assertTrue(new CustomerSample(1.0, 1).keeps("anyone"));
        assertThrows(IllegalArgumentException.class, () -> new CustomerSample(0.0, 1));
    }
}

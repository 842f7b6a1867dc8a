package io.paysignal.core.definition;

/**
 * The contract's settlement tolerance: an invoice is settled once its open balance is at most 1% of its
 * amount or 1.00, whichever is smaller. Small residues (bank fees, rounding) do not keep an invoice open.
 */
public final class SettlementTolerance {

    /** Absolute ceiling of the tolerance, in invoice currency. */
    public static final double ABSOLUTE_CAP = 1.00;
    /** Share of the invoice amount. */
    public static final double RELATIVE_SHARE = 0.01;
    /**
     * Amounts are doubles; sums of decimal payments carry binary rounding error of order 1e-12, which
     * must not turn a balance of exactly the tolerance into "not settled".
     */
    private static final double ROUNDING_SLACK = 1e-9;

    private SettlementTolerance() {
    }

    /** The tolerance for an invoice of {@code amount}. */
    public static double of(double amount) {
        return Math.min(amount * RELATIVE_SHARE, ABSOLUTE_CAP);
    }

    /** True when {@code openBalance} counts as settled for an invoice of {@code amount}. */
    public static boolean isSettled(double amount, double openBalance) {
        return openBalance <= of(amount) + ROUNDING_SLACK;
    }
}

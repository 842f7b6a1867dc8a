package io.paysignal.core.portfolio;

import java.io.Serializable;

/**
 * Customers who moved from one DPD bucket at the start of a period to another at its end, and the open
 * balance they had at the start. Cells are additive: the pipeline makes one per customer and sums them.
 *
 * @param from the bucket at the end of the period's start day
 * @param to the bucket at the end of the period's last day
 * @param customers how many customers made this move, at least 1
 * @param startBalance their open balance at the start, at least 0
 */
public record RollRateCell(DpdBucket from, DpdBucket to, long customers, double startBalance)
        implements Serializable {

    public RollRateCell {
        if (from == null || to == null) {
            throw new IllegalArgumentException("both buckets are required");
        }
        if (customers < 1) {
            throw new IllegalArgumentException("a cell holds at least one customer, had " + customers);
        }
        if (!(startBalance >= 0) || Double.isInfinite(startBalance)) {
            throw new IllegalArgumentException("start balance must be a finite amount of at least 0, was "
                    + startBalance);
        }
    }

    /**
     * One customer's move between two positions in the same currency.
     *
     * @param atStart the position at the period's start
     * @param atEnd the position at the period's end
     */
    public static RollRateCell of(ReceivablesPosition atStart, ReceivablesPosition atEnd) {
        if (!atStart.asOf().isBefore(atEnd.asOf())) {
            throw new IllegalArgumentException("the start position " + atStart.asOf()
                    + " must come before the end position " + atEnd.asOf());
        }
        return new RollRateCell(atStart.bucket(), atEnd.bucket(), 1, atStart.openBalance());
    }

    /** The sum of two cells of the same move. */
    public RollRateCell plus(RollRateCell other) {
        if (from != other.from || to != other.to) {
            throw new IllegalArgumentException("cannot add the cell " + other.from + "->" + other.to + " to "
                    + from + "->" + to);
        }
        return new RollRateCell(from, to, customers + other.customers, startBalance + other.startBalance);
    }
}

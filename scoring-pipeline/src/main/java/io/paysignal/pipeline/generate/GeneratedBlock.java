package io.paysignal.pipeline.generate;

/**
 * The output of a run of consecutive customers, held until the writer's turn comes so that blocks
 * simulated in parallel are written in customer order.
 */
final class GeneratedBlock {

    final StringBuilder customers = new StringBuilder(1 << 14);
    final StringBuilder invoices = new StringBuilder(1 << 16);
    final StringBuilder payments = new StringBuilder(1 << 16);
    final StringBuilder contacts = new StringBuilder(1 << 14);
    final StringBuilder labelTruth = new StringBuilder(1 << 13);
    final StringBuilder responseTruth = new StringBuilder(1 << 14);
    final StringBuilder latentTruth = new StringBuilder(1 << 14);

    long customerRows;
    long invoiceRows;
    long paymentRows;
    long contactRows;

    /** Per truth as-of date: sum of true probabilities over the block's customers. */
    final double[] probabilitySums;
    /**
     * Per truth as-of date and number of delinquent Monte Carlo samples k: how many customers had realized
     * label 0 ({@code [asOf][k][0]}) and 1 ({@code [asOf][k][1]}).
     */
    final long[][][] labelCounts;

    GeneratedBlock(int asOfCount, int samples) {
        probabilitySums = new double[asOfCount];
        labelCounts = new long[asOfCount][samples + 1][2];
    }
}

package io.paysignal.pipeline.generate;

/**
 * The logistic function by table lookup with linear interpolation. The payment simulation evaluates it
 * for every open invoice on every day; a table is both fast and bit-for-bit reproducible, unlike
 * {@link Math#exp}, whose intrinsics may differ between JIT tiers and CPUs.
 */
final class LogisticTable {

    private static final double RANGE = 20;
    private static final int STEPS_PER_UNIT = 64;
    private static final double[] TABLE = build();

    private LogisticTable() {
    }

    /** 1 / (1 + e^-x), within 1e-5. */
    static double of(double x) {
        if (x <= -RANGE) {
            return 0;
        }
        if (x >= RANGE) {
            return 1;
        }
        double position = (x + RANGE) * STEPS_PER_UNIT;
        int i = (int) position;
        double fraction = position - i;
        return TABLE[i] + (TABLE[i + 1] - TABLE[i]) * fraction;
    }

    private static double[] build() {
        int size = (int) (2 * RANGE * STEPS_PER_UNIT) + 2;
        double[] table = new double[size];
        for (int i = 0; i < size; i++) {
            double x = -RANGE + (double) i / STEPS_PER_UNIT;
            table[i] = 1 / (1 + StrictMath.exp(-x));
        }
        return table;
    }
}

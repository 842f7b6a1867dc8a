package io.paysignal.pipeline.generate;

import java.util.SplittableRandom;

/**
 * Independent, reproducible random streams keyed by the run seed and a path of integers (customer index,
 * purpose, as-of day, Monte Carlo sample). Keying streams instead of sharing one generator is what makes
 * the output independent of thread count and lets truth re-simulations run without disturbing the main
 * path.
 *
 * <p>Only {@link StrictMath} is used for transcendental functions so that draws are bit-for-bit the same
 * on every JVM and CPU.
 */
final class RandomStreams {

    /** Stream purposes: the customer's static profile. */
    static final long PROFILE = 1;
    /** Stream purposes: the customer's observed history. */
    static final long HISTORY = 2;
    /** Stream purposes: Monte Carlo re-simulations for the label truth. */
    static final long TRUTH = 3;

    private RandomStreams() {
    }

    /** A stream determined only by {@code seed} and {@code path}. */
    static SplittableRandom derive(long seed, long... path) {
        long state = mix(seed ^ 0x9E3779B97F4A7C15L);
        for (long part : path) {
            state = mix(state ^ mix(part + 0x632BE59BD9B4E019L));
        }
        return new SplittableRandom(state);
    }

    /** Standard normal draw (Marsaglia polar method); deterministic across platforms. */
    static double gaussian(SplittableRandom random) {
        double u;
        double v;
        double s;
        do {
            u = 2 * random.nextDouble() - 1;
            v = 2 * random.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * StrictMath.log(s) / s);
    }

    /** Lognormal draw with the given median and log-scale sigma. */
    static double lognormal(SplittableRandom random, double median, double sigma) {
        return median * StrictMath.exp(sigma * gaussian(random));
    }

    /** Uniform draw in {@code [low, high)}. */
    static double uniform(SplittableRandom random, double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    /** Index drawn with probability proportional to {@code weights}. */
    static int weighted(SplittableRandom random, double... weights) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double target = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            target -= weights[i];
            if (target < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** SplitMix64's finalizer: a bijective avalanche of 64 bits. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

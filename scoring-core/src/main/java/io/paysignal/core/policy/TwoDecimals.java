package io.paysignal.core.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * The text of {@code String.format(Locale.ROOT, "%.2f", value)} without a {@link java.util.Formatter} (which
 * parses the pattern and allocates a formatter per call; explanations are built per decision).
 *
 * <p>Why the text is identical: for {@code %.2f} the formatter takes the double's shortest decimal digits
 * (those of {@link Double#toString}) and rounds them half-up to two places, with {@code '.'} as separator
 * and no grouping under {@link Locale#ROOT}; {@code new BigDecimal(Double.toString(value))
 * .setScale(2, RoundingMode.HALF_UP).toPlainString()} does the same for non-negative finite values. Negative
 * values ({@code -0.0} and tiny negatives print as {@code "-0.00"}, which a {@code BigDecimal} zero cannot) and
 * non-finite ones are left to the formatter. {@code TwoDecimalsTest} compares both over millions of values,
 * rounding boundaries included.
 */
final class TwoDecimals {

    private TwoDecimals() {
    }

    /** {@code value} with two decimals, exactly as {@code String.format(Locale.ROOT, "%.2f", value)}. */
    static String format(double value) {
        if (!(value >= 0) || Double.isInfinite(value) || Double.doubleToRawLongBits(value) == Long.MIN_VALUE) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return new BigDecimal(Double.toString(value)).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}

package cn.vanguard.scheme;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/** The engine's decimal conventions (scoring.md §4). */
public final class Decimals {

    /** A quotient that does not terminate carries 34 significant digits (scoring.md §4). */
    public static final MathContext DIVISION = MathContext.DECIMAL128;
    private static final BigInteger FIVE = BigInteger.valueOf(5);
    public static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Decimals() {
    }

    /**
     * {@code numerator ÷ denominator}, exact when the quotient terminates, else to 34 significant digits (scoring.md §4).
     * A formula multiplies first and calls this once, last: 30 × 150 ÷ 180 is 25, where 30 × (150 ÷ 180) is 24.99…9.
     */
    public static BigDecimal quotient(BigDecimal numerator, BigDecimal denominator) {
        return terminates(numerator, denominator) ? numerator.divide(denominator) : numerator.divide(denominator, DIVISION);
    }

    /**
     * Whether the decimal expansion of the quotient ends: the denominator of the reduced fraction has no prime factor
     * but 2 and 5. Checked up front because {@link BigDecimal#divide(BigDecimal)} signals the other case by an
     * exception, which is slow in the engine's hot loop.
     */
    static boolean terminates(BigDecimal numerator, BigDecimal denominator) {
        BigInteger n = numerator.unscaledValue();
        BigInteger d = denominator.unscaledValue().abs();
        if (d.signum() == 0) {
            throw new ArithmeticException("division by zero");
        }
        d = d.divide(n.gcd(d));
        d = d.shiftRight(d.getLowestSetBit());
        while (d.mod(FIVE).signum() == 0) {
            d = d.divide(FIVE);
        }
        return d.equals(BigInteger.ONE);
    }

    /** A printed figure: two decimals, HALF_UP. */
    public static BigDecimal round(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }

    /** A figure as it reads in a sentence: "1", "0.5", "-2.5". */
    public static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** A figure with two decimals, as in the output files: "12.00". */
    public static String fixed(BigDecimal value) {
        return round(value).toPlainString();
    }

    public static BigDecimal clamp(BigDecimal value, BigDecimal min, BigDecimal max) {
        if (min != null && value.compareTo(min) < 0) {
            return min;
        }
        if (max != null && value.compareTo(max) > 0) {
            return max;
        }
        return value;
    }

    public static BigDecimal min(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    public static BigDecimal max(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public static boolean same(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) == 0;
    }
}

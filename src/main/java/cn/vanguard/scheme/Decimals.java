package cn.vanguard.scheme;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** The engine's decimal conventions (scoring.md §4). */
public final class Decimals {

    /** Divisions (appraisal votes, attainment ratios) carry 34 significant digits. */
    public static final MathContext DIVISION = MathContext.DECIMAL128;
    public static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Decimals() {
    }

    /** A printed figure: two decimals, HALF_UP. */
    public static BigDecimal round(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }

    /** A figure as it reads in a sentence: "1", "0.5", "-2.5". */
    public static String plain(BigDecimal value) {
        if (value.signum() == 0) {
            return "0";
        }
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

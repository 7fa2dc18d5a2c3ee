package cn.vanguard;

import java.math.BigDecimal;

/**
 * A column's NUMERIC(precision, scale): numbers are checked against what the database stores before they are stored,
 * so that nothing is rounded or overflows after it was accepted (0.00001 stored as 0, 10¹¹ a server error). The check
 * reads only the number's digits and exponent, so that a number like 1E999999999 costs nothing to refuse.
 */
public record Numeric(int precision, int scale) {

    /** Ledger quantities and points, and assessed values: {@code numeric(14, 4)} in V1__core.sql. */
    public static final Numeric LEDGER = new Numeric(14, 4);

    /** The largest number the column holds (9999999999.9999 for NUMERIC(14, 4)). */
    public BigDecimal largest() {
        return BigDecimal.ONE.movePointRight(precision).subtract(BigDecimal.ONE).movePointLeft(scale);
    }

    /** Why the value cannot be stored as it is, in Chinese, starting with the field's label (数量, 分值…); null when it can. */
    public String problem(String label, BigDecimal value) {
        if (value == null || value.signum() == 0) {
            return null;
        }
        long integerDigits = (long) value.precision() - value.scale();
        if (integerDigits > precision - scale) {
            return label + "超出范围：最大为" + largest().toPlainString();
        }
        if (value.stripTrailingZeros().scale() > scale) {
            return label + "最多保留" + scale + "位小数";
        }
        return null;
    }
}

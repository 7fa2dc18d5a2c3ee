package cn.vanguard.api;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Decimals travel as JSON strings in plain notation, so that no client reads them through a binary floating point:
 * scores with their two decimals ({@code "87.50"}), ledger quantities and points as entered ({@code "1"}, {@code "0.5"}).
 */
final class Numbers {

    private Numbers() {
    }

    static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    /** A score figure: the engine rounds HALF_UP to two decimals (scoring.md §4); shown with both. */
    static String score(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}

package cn.vanguard.scheme;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A grade band by its lower bound: {@code [bound, …)}, or {@code (bound, …)} when {@code exclusive}; the lowest
 * band may have no bound. Upper ends follow from the band above. "90分以上" is inclusive and "低于60分" puts 60 in
 * the band above, by the statutory reading of 以上/以下 (民法典 第1259条).
 */
public record GradeBand(String grade, BigDecimal bound, boolean exclusive) {
    public GradeBand {
        Objects.requireNonNull(grade);
        if (bound == null && exclusive) {
            throw new IllegalArgumentException("a band without a bound cannot be exclusive");
        }
    }

    public boolean admits(BigDecimal total) {
        if (bound == null) {
            return true;
        }
        int c = total.compareTo(bound);
        return exclusive ? c > 0 : c >= 0;
    }
}

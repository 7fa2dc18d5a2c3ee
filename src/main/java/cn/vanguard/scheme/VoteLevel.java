package cn.vanguard.scheme;

import java.math.BigDecimal;
import java.util.Objects;

/** One answer of a democratic appraisal ballot: 好 with weight 1, 一般 0.8, 差 0.6. */
public record VoteLevel(String code, String label, BigDecimal weight) {
    public VoteLevel {
        Objects.requireNonNull(code);
        Objects.requireNonNull(label);
        Objects.requireNonNull(weight);
    }
}

package cn.vanguard.scheme;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A threshold that is not a grade: 可参加评先评优 (total ≥ 90), or a rank title (年度积分最高: rank ≤ 1).
 * With {@code perMonth} the rule applies to each month's own result (月度: ≥5 荣誉证书, 前五名公示).
 */
public record FlagRule(String code, String label, BigDecimal atLeast, Integer rankAtMost, boolean perMonth, String clause) {
    public FlagRule {
        Objects.requireNonNull(code);
        Objects.requireNonNull(label);
        if ((atLeast == null) == (rankAtMost == null)) {
            throw new IllegalArgumentException("a flag is either a score threshold or a rank limit");
        }
    }
}

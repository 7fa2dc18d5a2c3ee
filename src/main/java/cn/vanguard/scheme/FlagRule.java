package cn.vanguard.scheme;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A threshold that is not a grade: 可参加评先评优 (total ≥ 90), or a rank title (年度积分最高: rank ≤ 1).
 * With {@code perMonth} the rule applies to each month's own result (月度: ≥5 荣誉证书, 前五名公示); with
 * {@code yearOnly} it applies only to the result of the whole cycle (年度积分70分以上…), not to a period's.
 * A rank title needs a total above 0: nobody heads a ranking with no points.
 */
public record FlagRule(String code, String label, BigDecimal atLeast, Integer rankAtMost, boolean perMonth, boolean yearOnly,
                       String clause) {
    public FlagRule {
        Objects.requireNonNull(code);
        Objects.requireNonNull(label);
        if ((atLeast == null) == (rankAtMost == null)) {
            throw new IllegalArgumentException("a flag is either a score threshold or a rank limit");
        }
        if (perMonth && yearOnly) {
            throw new IllegalArgumentException("a flag is judged per month or on the year, not both");
        }
    }
}

package cn.vanguard.scheme;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A member's result for the span. Figures are rounded HALF_UP to two decimals; the total was computed from the
 * unrounded sections (scoring.md §4), so printed sections need not add up to the printed total.
 *
 * @param reason     why the member is not scored (免于积分管理, 不在适用范围, 取消积分资格); null when scored
 * @param sections   section code → value, in scheme order; empty when not scored
 * @param deductions every deduction that counted (to sections and to the total), after allowances and caps
 * @param vetoes     codes of the veto items that fired
 */
public record MemberResult(
        Member member,
        boolean scored,
        String reason,
        BigDecimal total,
        Integer rank,
        String grade,
        boolean graded,
        Integer stars,
        Map<String, BigDecimal> sections,
        BigDecimal bonus,
        BigDecimal deductions,
        List<String> vetoes,
        List<String> flags,
        List<String> warnings,
        List<ExplanationLine> explanation) {
}

package cn.vanguard.scheme;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the member phase of scoring (steps 1–9 of scoring.md §3.4) finds from one member's own entries, assessments
 * and votes: everything the population phase ({@link ScoringEngine#standings}) needs to grade, rank, rate and warn,
 * and nothing that depends on other members. Kept as a record so that it can be stored and the population phase re-run
 * on stored values alone. Figures are rounded HALF_UP to two decimals as results show them; the population phase only
 * ever compares rounded figures, so rounding here changes nothing.
 *
 * @param reason         why the member is not scored (免于积分管理, 不在适用范围, 取消积分资格); null when scored
 * @param fail           a FAIL veto fired (grade forced to the failing one, no flags, no stars)
 * @param total          the rounded total; null when not scored
 * @param sections       rounded sections in scheme order; empty when not scored or exempt before evaluation
 * @param vetoes         codes of the veto items that fired, in the order they first fired
 * @param attendance     quantity recorded in the span per attendance item of the scheme's warnings (scored members)
 * @param attendanceSeen attendance items with an entry of this member in the span: whether attendance is recorded at
 *                       all in a population is decided from these (scoring.md §10)
 * @param months         the member's own result in each month of the span, for per-month flags; empty when the span is
 *                       a single month (its own result is used) or the scheme has no per-month flags
 * @param explanation    the member phase's explanation, or {@code null} when explanations were off; the population
 *                       phase continues an explanation that is there
 */
public record MemberFigures(Member member, String reason, boolean fail, BigDecimal total, List<BigDecimal> sections,
                            BigDecimal bonus, BigDecimal deductions, List<String> vetoes, Map<String, BigDecimal> attendance,
                            Set<String> attendanceSeen, PreviousResult previous, List<Month> months,
                            List<ExplanationLine> explanation) {

    public MemberFigures {
        Objects.requireNonNull(member);
        sections = List.copyOf(sections);
        vetoes = List.copyOf(vetoes);
        attendance = Map.copyOf(attendance);
        attendanceSeen = Set.copyOf(attendanceSeen);
        months = List.copyOf(months);
        explanation = explanation == null ? null : List.copyOf(explanation);
    }

    public boolean scored() {
        return reason == null;
    }

    /** The same figures without their explanation (what is stored). */
    public MemberFigures withoutExplanation() {
        return explanation == null ? this
                : new MemberFigures(member, reason, fail, total, sections, bonus, deductions, vetoes, attendance, attendanceSeen,
                previous, months, null);
    }

    /** The same figures of the member as shown otherwise (a branch labelled anew among the population's branches). */
    public MemberFigures withMember(Member other) {
        return new MemberFigures(other, reason, fail, total, sections, bonus, deductions, vetoes, attendance, attendanceSeen, previous,
                months, explanation);
    }

    /**
     * A member's own result in one month of the span (月度 flags).
     *
     * @param label the month as {@link Span#label()} gives it, e.g. {@code 2025-03}
     */
    public record Month(String label, boolean scored, boolean fail, BigDecimal total) {
    }
}

package cn.vanguard.scheme;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;

/**
 * 预警 (scoring.md §10): fires when the rounded total lies in {@code [atLeast, below)} (either end may be open), for
 * the given member types (empty: all), for {@code cycles} cycles in a row (2: this one and the previous); or,
 * with {@code attendance}, when the member's attendance is below the category's requirement. With {@code yearOnly} it is
 * judged only on the result of the whole cycle (对年度积分…), not on a period's.
 */
public record WarningRule(
        String code,
        String label,
        BigDecimal atLeast,
        BigDecimal below,
        Set<MemberType> memberTypes,
        int cycles,
        Attendance attendance,
        boolean yearOnly,
        String action,
        String clause) {

    public WarningRule {
        Objects.requireNonNull(code);
        Objects.requireNonNull(label);
        memberTypes = memberTypes == null ? Set.of() : Set.copyOf(memberTypes);
        if (cycles < 1) {
            throw new IllegalArgumentException("cycles is at least 1");
        }
        if (attendance == null && atLeast == null && below == null) {
            throw new IllegalArgumentException("a warning needs a score band or an attendance requirement");
        }
        if (attendance != null && (atLeast != null || below != null)) {
            throw new IllegalArgumentException("a warning is either a score band or an attendance requirement");
        }
    }

    public boolean bandContains(BigDecimal total) {
        return (atLeast == null || total.compareTo(atLeast) >= 0) && (below == null || total.compareTo(below) < 0);
    }

    public boolean appliesTo(MemberType type) {
        return memberTypes.isEmpty() || memberTypes.contains(type);
    }
}

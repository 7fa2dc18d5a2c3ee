package cn.vanguard.scheme;

import java.util.Objects;

/** What a veto does (scoring.md §5). {@code section} is set only for ZERO_SECTION. */
public record VetoEffect(Kind kind, String section) {

    public enum Kind {
        /** that section becomes 0 (扣除业务工作项全部积分). */
        ZERO_SECTION,
        /** the total becomes 0 (全年无积分, 年度积分为0). */
        ZERO_TOTAL,
        /** the grade is the failing grade whatever the total (直接评定其为不合格). */
        FAIL,
        /** no total, no rank, outside every population (取消其积分资格). */
        DISQUALIFY
    }

    public VetoEffect {
        Objects.requireNonNull(kind);
        if ((kind == Kind.ZERO_SECTION) != (section != null)) {
            throw new IllegalArgumentException("only ZERO_SECTION names a section");
        }
    }

    public static VetoEffect of(Kind kind) {
        return new VetoEffect(kind, null);
    }

    public static VetoEffect zeroSection(String section) {
        return new VetoEffect(Kind.ZERO_SECTION, section);
    }
}

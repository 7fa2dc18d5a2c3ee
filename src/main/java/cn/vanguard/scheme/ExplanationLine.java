package cn.vanguard.scheme;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of 为什么是这个分: which rule changed which number.
 *
 * @param rule   one Chinese sentence naming the rule and its source clause
 * @param before the number before the rule applied, or {@code null}
 * @param after  the number after it, or {@code null}
 * @param entry  the ledger entry or file line that caused it, or {@code null}
 */
public record ExplanationLine(Step step, String rule, BigDecimal before, BigDecimal after, String entry) {
    public ExplanationLine {
        Objects.requireNonNull(step);
        Objects.requireNonNull(rule);
    }
}

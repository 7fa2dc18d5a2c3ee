package cn.vanguard.scheme;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Collects explanation lines, or nothing at all when a bulk run has switched explanations off. */
final class Explanation {

    private final List<ExplanationLine> lines;

    private Explanation(List<ExplanationLine> lines) {
        this.lines = lines;
    }

    static Explanation collecting() {
        return new Explanation(new ArrayList<>());
    }

    static Explanation off() {
        return new Explanation(null);
    }

    /** Callers test this before building a sentence, so bulk runs never format text. */
    boolean on() {
        return lines != null;
    }

    void add(Step step, String rule, BigDecimal before, BigDecimal after, String entry) {
        if (lines != null) {
            lines.add(new ExplanationLine(step, rule, before, after, entry));
        }
    }

    void add(Step step, String rule) {
        add(step, rule, null, null, null);
    }

    List<ExplanationLine> lines() {
        return lines == null ? List.of() : List.copyOf(lines);
    }
}

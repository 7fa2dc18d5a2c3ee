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

    /** Continues an explanation begun elsewhere (the member phase's, carried in {@link MemberFigures}). */
    static Explanation continuing(List<ExplanationLine> begun) {
        return new Explanation(new ArrayList<>(begun));
    }

    static Explanation off() {
        return new Explanation(null);
    }

    /** Callers test this before building a sentence, so bulk runs never format text. */
    boolean on() {
        return lines != null;
    }

    /**
     * Adds a line. An explanation that is off refuses it: a caller that did not test {@link #on()} has formatted a
     * sentence for nothing in a bulk run, and the refusal makes that mistake fail the tests instead of slowing
     * production down unseen.
     */
    void add(Step step, String rule, BigDecimal before, BigDecimal after, String entry) {
        if (lines == null) {
            throw new IllegalStateException("explanation is off: test on() before building a line");
        }
        lines.add(new ExplanationLine(step, rule, before, after, entry));
    }

    void add(Step step, String rule) {
        add(step, rule, null, null, null);
    }

    List<ExplanationLine> lines() {
        return lines == null ? List.of() : List.copyOf(lines);
    }
}

package cn.vanguard.standings.internal;

import java.math.BigDecimal;

import cn.vanguard.scheme.MemberResult;

/**
 * What a {@code standing} row's own columns hold of a member's result: what pages sort, filter and summarise by, and
 * what a re-ranking moves. The rest of the result (sections, deductions, flags, warnings…) is the detail's text
 * ({@link Codec#result(MemberResult)}), which holds none of these: a member overtaken by another gets a new rank in
 * one narrow row, and their detail is written only when something in it changed too.
 */
record Headline(boolean scored, String reason, BigDecimal total, Integer rank, String grade, boolean graded, Integer stars) {

    static Headline of(MemberResult r) {
        return new Headline(r.scored(), r.reason(), r.total(), r.rank(), r.grade(), r.graded(), r.stars());
    }
}

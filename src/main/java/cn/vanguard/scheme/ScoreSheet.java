package cn.vanguard.scheme;

import java.util.List;

/** The results of one scoring run, members in input order. */
public record ScoreSheet(Scheme scheme, Span span, List<MemberResult> members) {
    public ScoreSheet {
        members = List.copyOf(members);
    }
}

package cn.vanguard.scheme;

import java.util.List;
import java.util.Objects;

/** Everything the engine scores one member from. {@code previous} is null when the member has no previous result. */
public record MemberInput(Member member, List<Entry> entries, List<Assessment> assessments, List<Votes> votes,
                          PreviousResult previous) {
    public MemberInput {
        Objects.requireNonNull(member);
        entries = entries == null ? List.of() : entries;
        assessments = assessments == null ? List.of() : List.copyOf(assessments);
        votes = votes == null ? List.of() : List.copyOf(votes);
    }

    public static MemberInput of(Member member, List<Entry> entries) {
        return new MemberInput(member, entries, List.of(), List.of(), null);
    }
}

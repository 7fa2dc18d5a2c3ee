package cn.vanguard.scheme;

import java.util.List;
import java.util.Objects;

/** The ballots a member received in a vote appraisal section, one count per vote level in scheme order. */
public record Votes(String section, List<Long> counts) {
    public Votes {
        Objects.requireNonNull(section);
        counts = List.copyOf(counts);
        for (long c : counts) {
            if (c < 0) {
                throw new IllegalArgumentException("vote counts are never negative");
            }
        }
    }

    public long total() {
        return counts.stream().mapToLong(Long::longValue).sum();
    }
}

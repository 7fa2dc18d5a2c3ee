package cn.vanguard.scheme;

import java.util.List;
import java.util.Set;

/**
 * How results are published for objections (公示, cycle.md §3): for {@code days} days, counted as working days or
 * calendar days; whether publicity follows the higher review (上级审核后公示) or the secretary's sign-off; what the list
 * shows of each member (publish the least the rule needs); whether members see each other's rank outside publicity;
 * and, for a list of the best only (seed 001's 每月前五名公示), how many ranks it lists.
 *
 * @param shows             a subset of {@link #FIELDS}, in the list's order
 * @param showRankToMembers whether members see each other's ranks (their own they always see)
 * @param top               the list shows the members ranked 1 to {@code top} only; null: everybody
 */
public record Publicity(int days, boolean workingDays, boolean afterHigherReview, List<String> shows, boolean showRankToMembers,
                        Integer top) {

    /** What a publicity list may show of a member's result. */
    public static final Set<String> FIELDS = Set.of("name", "unit", "total", "rank", "grade", "stars", "sections", "vetoes");
    /** What it shows where the scheme names nothing: name, total and grade. */
    public static final List<String> LEAST = List.of("name", "total", "grade");

    public Publicity {
        if (days <= 0) {
            throw new IllegalArgumentException("publicity lasts at least one day");
        }
        shows = shows == null || shows.isEmpty() ? LEAST : List.copyOf(shows);
        if (!FIELDS.containsAll(shows)) {
            throw new IllegalArgumentException("a publicity list shows only " + FIELDS + ", not " + shows);
        }
        if (top != null && top < 1) {
            throw new IllegalArgumentException("a list of the best shows at least one rank");
        }
    }

    /** Publicity that shows the least (name, total, grade) of everybody, ranks to nobody else. */
    public Publicity(int days, boolean workingDays, boolean afterHigherReview) {
        this(days, workingDays, afterHigherReview, LEAST, false, null);
    }
}

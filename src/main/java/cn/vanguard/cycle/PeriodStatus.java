package cn.vanguard.cycle;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a period stands (cycle.md §1). Which moves are legal depends on the scheme's order of publicity and higher
 * review: publicity first (公示后报上级审核, seed 003) runs CLOSED → SIGNED → PUBLISHED → SUBMITTED → APPROVED; review first
 * (上级审核通过后公示, seed 004) runs CLOSED → SIGNED → SUBMITTED → APPROVED → PUBLISHED → FINAL. A returned period is
 * closed again with a new snapshot.
 */
public enum PeriodStatus {
    OPEN("记录中"),
    CLOSED("已汇总"),
    SIGNED("支部已评定"),
    PUBLISHED("公示中"),
    SUBMITTED("待上级审核"),
    APPROVED("已审核"),
    RETURNED("已退回"),
    FINAL("公示结束");

    private final String label;

    PeriodStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether entries dated in the period still count in it: it is recording, or being redone after a return. */
    public boolean counting() {
        return this == OPEN || this == RETURNED;
    }

    /** Whether the period's results are final: nothing changes them again. */
    public boolean settled(boolean reviewFirst) {
        return reviewFirst ? this == FINAL : this == APPROVED;
    }

    /** Whether a period in this state may move to {@code next} under the scheme's order. */
    public boolean canMoveTo(PeriodStatus next, boolean reviewFirst) {
        return successors(reviewFirst).contains(next);
    }

    /** The states a period may move to from this one. */
    public Set<PeriodStatus> successors(boolean reviewFirst) {
        return switch (this) {
            case OPEN, RETURNED -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.of(SIGNED);
            case SIGNED -> EnumSet.of(reviewFirst ? SUBMITTED : PUBLISHED);
            // republishing after upheld objections: publicity first runs a new window; review first goes back to the committee
            case PUBLISHED -> reviewFirst ? EnumSet.of(FINAL, SUBMITTED) : EnumSet.of(SUBMITTED, PUBLISHED);
            case SUBMITTED -> EnumSet.of(APPROVED, RETURNED);
            case APPROVED -> reviewFirst ? EnumSet.of(PUBLISHED) : EnumSet.noneOf(PeriodStatus.class);
            case FINAL -> EnumSet.noneOf(PeriodStatus.class);
        };
    }

    /**
     * The status after a move to {@code next}; a move {@link #canMoveTo} forbids is a bug of the caller (the service
     * refuses it first, in words a user understands), so it throws rather than answering.
     */
    public PeriodStatus moveTo(PeriodStatus next, boolean reviewFirst) {
        if (!canMoveTo(next, reviewFirst)) {
            throw new IllegalStateException("a period " + this + " cannot move to " + next);
        }
        return next;
    }
}

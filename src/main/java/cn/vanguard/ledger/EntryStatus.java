package cn.vanguard.ledger;

/**
 * Where an entry stands in its review. Only APPROVED entries count in scores. Every change of status goes through
 * {@link #canMoveTo}: a declaration is checked first (待初审 → 待审核 or 已驳回), an entry under review is approved or
 * rejected (待审核 → 已生效 or 已驳回), and a decided entry never changes again (a correction is a reversing entry).
 */
public enum EntryStatus {
    FIRST_CHECK("待初审"),
    PENDING("待审核"),
    APPROVED("已生效"),
    REJECTED("已驳回");

    private final String label;

    EntryStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean open() {
        return this == FIRST_CHECK || this == PENDING;
    }

    /** Whether an entry in this status may move to {@code next}. */
    public boolean canMoveTo(EntryStatus next) {
        return switch (this) {
            case FIRST_CHECK -> next == PENDING || next == REJECTED;
            case PENDING -> next == APPROVED || next == REJECTED;
            case APPROVED, REJECTED -> false;
        };
    }

    /**
     * The status after a move to {@code next}; a move {@link #canMoveTo} forbids is a bug of the caller (the review
     * refuses it first, in words a user understands), so it throws rather than answering.
     */
    public EntryStatus moveTo(EntryStatus next) {
        if (!canMoveTo(next)) {
            throw new IllegalStateException("an entry " + this + " cannot move to " + next);
        }
        return next;
    }
}

package cn.vanguard.ledger;

/** A member's assessment of an item for a cycle was set, changed or cleared. Published inside that transaction. */
public record AssessmentChanged(long memberId, int year, String itemCode) {
}

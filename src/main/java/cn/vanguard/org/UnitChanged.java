package cn.vanguard.org;

/**
 * A unit was renamed, changed its kind or moved with its subtree: which scheme applies below it, which branch its
 * members are ranked in and how branches are labelled may all differ from before. Published inside that transaction.
 */
public record UnitChanged(long unitId) {
}

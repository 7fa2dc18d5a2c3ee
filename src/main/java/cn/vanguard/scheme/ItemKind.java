package cn.vanguard.scheme;

/** What kind of fact an item records (scoring.md §3). */
public enum ItemKind {
    /** points × quantity (times, hours, articles, months). */
    PER_UNIT,
    /** the reviewer sets each entry's points inside [min, max]. */
    RANGE,
    /** an assessed value in [0, max] inside a CRITERIA section. */
    CRITERION,
    /** a level label mapped to points. */
    LEVEL,
    /** no points; triggers a veto (一票否决). */
    VETO,
    /** no points; sets its criterion to 0 for the cycle (该项不得分). */
    FORFEIT
}

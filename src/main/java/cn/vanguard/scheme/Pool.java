package cn.vanguard.scheme;

/** Where an item's points go (scoring.md §3). */
public enum Pool {
    /** into a section (ACCRUE earnings, a criterion, a level, attainment earnings). */
    SECTION,
    /** the BONUS pool (奖励加分, 贡献积分, 特色分…), capped by the scheme's bonus cap. */
    BONUS,
    /** the DEDUCTION pool: to the total, or into a named section (扣光基础分为止). */
    DEDUCTION,
    /** nowhere: count-only items (参加组织生活) and vetoes. */
    NONE
}

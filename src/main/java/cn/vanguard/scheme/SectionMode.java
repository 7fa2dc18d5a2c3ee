package cn.vanguard.scheme;

/** How a section turns its items into a value (scoring.md §2). */
public enum SectionMode {
    /** starts at 0, item points are added, clamped to [0, max]. */
    ACCRUE,
    /** the sum of its criterion items, each assessed, defaulted, derived from a threshold or forfeited. */
    CRITERIA,
    /** one level item decides the section (年度考核 称职 → 25). */
    LEVEL,
    /** democratic appraisal (民主评议): weighted votes, or a level. */
    APPRAISAL,
    /** max × min(1, earned / target). */
    ATTAINMENT
}

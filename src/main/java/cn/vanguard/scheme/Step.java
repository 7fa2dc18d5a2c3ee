package cn.vanguard.scheme;

/** The step of the evaluation an explanation line belongs to (formats.md, scoring.md §12). */
public enum Step {
    ENTRY, GROUP, ALLOWANCE, CAP, SECTION, VETO, TOTAL, GRADE, FLAG, RANK, STAR, WARNING
}

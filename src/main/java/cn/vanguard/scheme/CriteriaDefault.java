package cn.vanguard.scheme;

/** The value of a criterion that nobody assessed. */
public enum CriteriaDefault {
    /** start full, lose points only by assessment or deductions (基础分均为100分). */
    FULL,
    /** earn points only by assessment. */
    ZERO
}

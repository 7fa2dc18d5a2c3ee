package cn.vanguard.rules;

/** A new version of a scheme was published for a unit and a cycle; it applies from now on. Published inside that transaction. */
public record SchemePublished(long schemeVersionId, long unitId, int year) {
}

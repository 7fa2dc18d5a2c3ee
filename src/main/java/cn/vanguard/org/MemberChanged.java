package cn.vanguard.org;

/**
 * A member's details changed: any of code, name, type, category or status (exempt, transferred out) may differ from
 * before. Published inside the change's transaction.
 */
public record MemberChanged(long memberId) {
}

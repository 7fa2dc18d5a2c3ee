package cn.vanguard.org;

/** A member was added to a unit (one by one, by a roster import or by trusted setup code). Published inside that transaction. */
public record MemberJoined(long memberId, long unitId) {
}

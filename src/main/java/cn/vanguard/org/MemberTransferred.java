package cn.vanguard.org;

import cn.vanguard.audit.AuditLog;

/**
 * A member moved to another unit. Published inside the transfer's transaction, so that what follows the member (the
 * entries still under review) moves in the same transaction and is audited with it, or not at all.
 */
public record MemberTransferred(long memberId, String memberName, long fromUnitId, long toUnitId, String toUnitName,
                                AuditLog.Actor actor) {
}

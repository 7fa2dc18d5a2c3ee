package cn.vanguard.standings;

import cn.vanguard.ledger.LedgerPosition;
import cn.vanguard.scheme.MemberResult;
import cn.vanguard.scheme.MemberType;

/**
 * A member's stored result for a cycle: the engine's result (without explanation), the scheme version and branch it was
 * computed in, and the ledger position it reflects.
 */
public record Standing(int year, long memberId, String memberCode, String memberName, MemberType memberType, long unitId,
                       long schemeVersionId, long rankingUnitId, MemberResult result, LedgerPosition position) {
}

package cn.vanguard.cycle;

import java.time.Instant;
import java.util.List;

import cn.vanguard.ledger.ChainHead;

/**
 * A period's results frozen at a close or a republication (cycle.md §2): never changed, each with why it was made, the
 * scheme version it was scored under and the ledger chain heads it was computed from.
 */
public record Snapshot(long id, long periodId, int seq, String reason, long schemeVersionId, int memberCount, Instant createdAt,
                       List<ChainHead> heads) {
}

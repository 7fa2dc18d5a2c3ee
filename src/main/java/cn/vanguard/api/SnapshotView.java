package cn.vanguard.api;

import java.time.Instant;
import java.util.List;

import cn.vanguard.cycle.Snapshot;
import cn.vanguard.ledger.ChainHead;
import io.swagger.v3.oas.annotations.media.Schema;

/** A snapshot as the API shows it. */
@Schema(name = "Snapshot", description = "快照：汇总或重新公示时冻结的本期结果，不再改变。A frozen result of a period.")
public record SnapshotView(long id, int seq, @Schema(example = "汇总") String reason, long schemeVersionId, int members,
                           Instant createdAt,
                           @Schema(description = "生成时各组织账本哈希链的链头。The ledger chain heads it was computed from.")
                           List<ChainHead> chainHeads) {

    static SnapshotView of(Snapshot s) {
        return new SnapshotView(s.id(), s.seq(), s.reason(), s.schemeVersionId(), s.memberCount(), s.createdAt(), s.heads());
    }
}

package cn.vanguard.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import cn.vanguard.ledger.EntrySource;
import cn.vanguard.ledger.EntryStatus;
import cn.vanguard.ledger.LedgerEntry;

import io.swagger.v3.oas.annotations.media.Schema;

/** An entry of the ledger with its review so far. */
@Schema(name = "Entry", description = "积分台账中的一条记录及其审核情况。An entry of the ledger and its review.")
public record EntryView(
        @Schema(example = "1024") long id,
        @Schema(example = "301") long memberId,
        @Schema(example = "M00012") String memberCode,
        @Schema(example = "张三") String memberName,
        @Schema(description = "记录时党员所在组织。The member's unit when recorded.", example = "12") long unitId,
        @Schema(example = "机关第一党支部") String unitName,
        @Schema(description = "记录所依据的方案版本。The scheme version it was checked against.", example = "41") long schemeVersionId,
        @Schema(example = "ACT_MEETING") String itemCode,
        @Schema(example = "参加支部党员大会") String itemName,
        @Schema(example = "2026-03-01") LocalDate date,
        @Schema(description = "数量（字符串形式的小数）。Quantity, a decimal string.", example = "1") String quantity,
        @Schema(description = "分值（酌情计分的项目；字符串形式的小数）。Points of a discretionary item, a decimal string.", example = "2.5")
        String points,
        @Schema(description = "事项编号（同一事项只计一次）。Occurrence key.", example = "2026-03-党员大会") String occurrence,
        @Schema(example = "支部党员大会") String note,
        @Schema(description = "证明人。Witnesses.", example = "李四、王五") String witnesses,
        @Schema(description = "来源。Source.") EntrySource source,
        @Schema(example = "记分员录入") String sourceLabel,
        @Schema(description = "状态：待初审、待审核、已生效、已驳回。Status.") EntryStatus status,
        @Schema(example = "待审核") String statusLabel,
        @Schema(description = "本记录冲销的原记录。The entry this one reverses.") Long reversesId,
        @Schema(description = "冲销本记录的记录（未驳回的）。The reversal of this entry, unless rejected.") Long reversedBy,
        @Schema(description = "录入或申报人账号 id。Account that recorded it.") long recordedBy,
        String recordedByName,
        OffsetDateTime recordedAt,
        @Schema(description = "初审人账号 id。Account that checked it.") Long checkedBy,
        String checkedByName,
        OffsetDateTime checkedAt,
        @Schema(description = "审核人账号 id。Account that approved or rejected it.") Long decidedBy,
        String decidedByName,
        OffsetDateTime decidedAt,
        @Schema(description = "驳回理由。Why it was rejected.") String rejectReason,
        @Schema(description = "版本号，初审、审核、驳回时原样提交。Version, sent back when checking, approving or rejecting.", example = "0")
        int version,
        @Schema(description = "证明材料个数。Number of evidence files.", example = "0") int attachments) {

    static EntryView of(LedgerEntry e) {
        return new EntryView(e.id(), e.memberId(), e.memberCode(), e.memberName(), e.unitId(), e.unitName(), e.schemeVersionId(),
                e.itemCode(), e.itemName(), e.date(), Numbers.plain(e.quantity()), Numbers.plain(e.points()), e.occurrence(), e.note(),
                e.witnesses(), e.source(), e.source().label(), e.status(), e.status().label(), e.reversesId(), e.reversedBy(),
                e.recordedBy(), e.recordedByName(), e.recordedAt(), e.checkedBy(), e.checkedByName(), e.checkedAt(), e.decidedBy(),
                e.decidedByName(), e.decidedAt(), e.rejectReason(), e.version(), e.attachments());
    }
}

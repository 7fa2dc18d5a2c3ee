package cn.vanguard.api;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.vanguard.Invalid;
import cn.vanguard.ledger.NewEntry;

import io.swagger.v3.oas.annotations.media.Schema;

/** An entry to record for a member; it waits for approval. */
@Schema(name = "RecordEntry", description = "录入一条积分记录（待审核）。An entry to record; it waits for approval.")
public record RecordEntryRequest(
        @Schema(example = "301", requiredMode = Schema.RequiredMode.REQUIRED) Long memberId,
        @Schema(description = "积分项目编号（或名称），见方案的 items。Item code (or name).", example = "ACT_MEETING",
                requiredMode = Schema.RequiredMode.REQUIRED) String itemCode,
        @Schema(description = "发生日期，不晚于今天。Date, not after today.", example = "2026-03-01",
                requiredMode = Schema.RequiredMode.REQUIRED) LocalDate date,
        @Schema(type = "string", description = "数量，默认1；字符串或数字。Quantity, 1 by default; a string or a number.", example = "1")
        BigDecimal quantity,
        @Schema(type = "string", description = "分值，仅用于酌情计分的项目；字符串或数字。Points, only for discretionary items.",
                example = "2.5") BigDecimal points,
        @Schema(description = "事项编号：同一事项只计一次。Occurrence key: one occurrence counts once.", example = "2026-03-党员大会")
        String occurrence,
        @Schema(description = "说明，不超过500字。Note, at most 500 characters.", example = "支部党员大会") String note,
        @Schema(description = "证明人（至少2名党员群众），用顿号或逗号分隔。Witnesses, separated by 、 or commas.", example = "李四、王五")
        String witnesses) {

    NewEntry entry() {
        if (memberId == null) {
            throw Invalid.of("memberId", "请选择党员");
        }
        return new NewEntry(memberId, itemCode, date, normal(quantity), normal(points), occurrence, note, witnesses);
    }

    /** 1, 1.0 and 1.00 are the same request when a key is replayed. */
    private static BigDecimal normal(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}

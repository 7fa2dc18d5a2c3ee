package cn.vanguard.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** Rejection of an entry under review, with a reason. */
@Schema(name = "Reject", description = "驳回（须填理由）。Reject an entry, with a reason.")
public record RejectRequest(
        @Schema(description = "驳回理由。Reason.", example = "日期有误", requiredMode = Schema.RequiredMode.REQUIRED) String reason,
        @Schema(description = "读取时的版本号。The version read.", example = "1", requiredMode = Schema.RequiredMode.REQUIRED) Integer version) {
}

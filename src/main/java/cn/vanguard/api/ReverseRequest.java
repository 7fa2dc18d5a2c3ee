package cn.vanguard.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** Why an approved entry is corrected by a reversing entry. */
@Schema(name = "Reverse", description = "冲销已生效的记录（须填理由）；冲销记录同样需要审核。Reverse an approved entry; the reversal "
        + "is reviewed like any entry.")
public record ReverseRequest(
        @Schema(description = "冲销理由。Reason.", example = "重复录入", requiredMode = Schema.RequiredMode.REQUIRED) String reason) {
}

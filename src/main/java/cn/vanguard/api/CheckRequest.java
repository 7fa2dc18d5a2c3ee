package cn.vanguard.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** The scorer's first check of a self-declaration. */
@Schema(name = "Check", description = "初审个人申报：通过转入待审核，不通过则驳回（须填理由）。First check of a self-declaration.")
public record CheckRequest(
        @Schema(description = "是否通过。Whether it passes.", requiredMode = Schema.RequiredMode.REQUIRED) Boolean pass,
        @Schema(description = "不通过的理由。Reason, when it does not pass.", example = "材料不清晰") String reason,
        @Schema(description = "读取时的版本号。The version read.", example = "0", requiredMode = Schema.RequiredMode.REQUIRED) Integer version) {
}

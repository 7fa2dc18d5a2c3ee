package cn.vanguard.api;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;

/** Where a member moves, when and why. */
@Schema(name = "Transfer", description = "党员组织关系转接。A member's transfer to another unit.")
public record TransferRequest(
        @Schema(description = "转入的组织。The unit the member moves to.", example = "14", requiredMode = Schema.RequiredMode.REQUIRED)
        Long toUnitId,
        @Schema(description = "转接日期。Date of the transfer.", example = "2026-03-01", requiredMode = Schema.RequiredMode.REQUIRED)
        LocalDate on,
        @Schema(description = "原因。Reason.", example = "工作调动") String reason) {
}

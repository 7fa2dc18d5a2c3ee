package cn.vanguard.api;

import java.math.BigDecimal;

import io.swagger.v3.oas.annotations.media.Schema;

/** The bodies of the cycle's actions. */
final class PeriodRequests {

    private PeriodRequests() {
    }

    @Schema(name = "PeriodMove", description = "办理考评期：读取时的版本号，及需要时的原因（有待审核记录时汇总、退回）。")
    record Move(@Schema(example = "3", requiredMode = Schema.RequiredMode.REQUIRED) Integer version,
                @Schema(description = "原因。Reason (closing with entries still waiting; returning).") String reason) {
    }

    @Schema(name = "NewObjection", description = "异议：对某党员的结果，或其中一条记录。")
    record NewObjection(@Schema(description = "对谁的结果（本人对本人结果有异议时填本人）。") Long memberId,
                        @Schema(description = "对其中哪条记录（可不填）。") Long entryId,
                        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String text,
                        @Schema(description = "认为正确的分值（可不填）。", example = "0") BigDecimal claimedValue) {
    }

    @Schema(name = "ObjectionAnswer", description = "答复异议：成立或不成立，须写理由。")
    record Answer(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Boolean upheld,
                  @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String answer,
                  @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Integer version) {
    }
}

package cn.vanguard.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import cn.vanguard.org.Members;

import io.swagger.v3.oas.annotations.media.Schema;

/** One transfer in a member's history. */
@Schema(name = "TransferRecord", description = "一次转接记录。One transfer in a member's history.")
public record TransferView(
        @Schema(example = "2026-03-01") LocalDate on,
        @Schema(description = "转出组织，按路径命名 The unit left, named by its path", example = "第一党支部 / 第一党小组") String fromUnit,
        @Schema(description = "转入组织，按路径命名 The unit joined, named by its path", example = "第二党支部 / 第一党小组") String toUnit,
        @Schema(example = "工作调动") String reason,
        OffsetDateTime recordedAt) {

    static TransferView of(Members.Transfer t) {
        return new TransferView(t.on(), t.fromUnit(), t.toUnit(), t.reason(), t.recordedAt());
    }
}

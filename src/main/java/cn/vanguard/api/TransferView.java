package cn.vanguard.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import cn.vanguard.org.Members;

import io.swagger.v3.oas.annotations.media.Schema;

/** One transfer in a member's history. */
@Schema(name = "TransferRecord", description = "一次转接记录。One transfer in a member's history.")
public record TransferView(
        @Schema(example = "2026-03-01") LocalDate on,
        @Schema(example = "机关第一党支部") String fromUnit,
        @Schema(example = "机关第二党支部") String toUnit,
        @Schema(example = "工作调动") String reason,
        OffsetDateTime recordedAt) {

    static TransferView of(Members.Transfer t) {
        return new TransferView(t.on(), t.fromUnit(), t.toUnit(), t.reason(), t.recordedAt());
    }
}

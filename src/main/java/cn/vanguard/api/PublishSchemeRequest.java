package cn.vanguard.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** A preset or a scheme file to publish for a unit and a year: exactly one of {@code preset} and {@code yaml}. */
@Schema(name = "PublishScheme", description = "为组织和年度发布方案：preset（模板编号）与 yaml（方案文件）二选一。"
        + "Publish a preset or a scheme file for a unit and a year: exactly one of preset and yaml.")
public record PublishSchemeRequest(
        @Schema(example = "5", requiredMode = Schema.RequiredMode.REQUIRED) Long unitId,
        @Schema(example = "2026", requiredMode = Schema.RequiredMode.REQUIRED) Integer year,
        @Schema(description = "模板编号，见 GET /api/v1/presets。Preset id.", example = "city-direct-organs") String preset,
        @Schema(description = "方案文件（YAML）。The scheme file.") String yaml,
        @Schema(description = "复制自哪个方案版本（可选，随 yaml 使用）。The version the file was copied from (optional, with yaml).",
                example = "17") Long copiedFrom) {
}

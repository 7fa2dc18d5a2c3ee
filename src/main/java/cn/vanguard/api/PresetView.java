package cn.vanguard.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** A built-in preset that can be published as it is. */
@Schema(name = "Preset", description = "内置方案模板。A built-in preset.")
public record PresetView(
        @Schema(example = "city-direct-organs") String id,
        @Schema(example = "市直机关党员积分管理办法") String name,
        String description) {
}

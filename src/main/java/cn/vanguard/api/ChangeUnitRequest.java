package cn.vanguard.api;

import cn.vanguard.org.UnitKind;

import io.swagger.v3.oas.annotations.media.Schema;

/** A unit's new name and/or kind; what is left out stays as it is. */
@Schema(name = "ChangeUnit", description = "修改组织名称或类型，未提供的字段保持不变。Rename a unit or change its kind; omitted fields stay.")
public record ChangeUnitRequest(
        @Schema(description = "新名称。New name.", example = "机关第三党支部") String name,
        @Schema(description = "新类型。New kind.") UnitKind kind) {
}

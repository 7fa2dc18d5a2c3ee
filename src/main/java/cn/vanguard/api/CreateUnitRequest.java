package cn.vanguard.api;

import cn.vanguard.org.UnitKind;

import io.swagger.v3.oas.annotations.media.Schema;

/** A new unit under a parent (a top unit, without a parent, only by the system administrator). */
@Schema(name = "CreateUnit", description = "新建组织。A new unit.")
public record CreateUnitRequest(
        @Schema(description = "上级组织；为空则新建顶级组织（仅系统管理员）。Parent unit; empty for a top unit (system administrator only).",
                example = "5") Long parentId,
        @Schema(description = "名称，不超过100字，同一上级下不重名。Name, at most 100 characters, unique among siblings.",
                example = "机关第三党支部", requiredMode = Schema.RequiredMode.REQUIRED) String name,
        @Schema(description = "组织类型。Kind of unit.", requiredMode = Schema.RequiredMode.REQUIRED) UnitKind kind) {
}

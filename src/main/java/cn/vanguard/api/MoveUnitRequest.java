package cn.vanguard.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** The new parent of a unit being moved with its subtree. */
@Schema(name = "MoveUnit", description = "把组织（连同下级）移到新的上级组织下。Move a unit with its subtree under a new parent.")
public record MoveUnitRequest(
        @Schema(description = "新的上级组织。The new parent unit.", example = "7", requiredMode = Schema.RequiredMode.REQUIRED) Long parentId) {
}

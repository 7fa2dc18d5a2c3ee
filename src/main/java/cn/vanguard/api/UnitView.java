package cn.vanguard.api;

import java.time.OffsetDateTime;

import cn.vanguard.org.Unit;
import cn.vanguard.org.UnitKind;

import io.swagger.v3.oas.annotations.media.Schema;

/** A unit of the organisation tree. */
@Schema(name = "Unit", description = "组织（党委、党总支、党支部、党小组）。A unit of the organisation tree.")
public record UnitView(
        @Schema(example = "12") long id,
        @Schema(description = "上级组织，顶级组织为 null。The parent unit; null for a top unit.", example = "5") Long parentId,
        @Schema(example = "机关第一党支部") String name,
        @Schema(description = "组织类型。Kind of unit.") UnitKind kind,
        @Schema(description = "组织类型名称。The kind's Chinese name.", example = "党支部") String kindLabel,
        @Schema(description = "层级，顶级组织为 0。Depth; 0 for a top unit.", example = "1") int depth,
        @Schema(description = "是否已撤销。Whether closed (撤销).") boolean closed,
        @Schema(description = "撤销时间，未撤销为 null。When it was closed.") OffsetDateTime closedAt) {

    static UnitView of(Unit unit) {
        return new UnitView(unit.id(), unit.parentId(), unit.name(), unit.kind(), unit.kind().label(), unit.depth(), unit.closed(),
                unit.closedAt());
    }
}

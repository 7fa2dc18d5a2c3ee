package cn.vanguard.api;

import java.net.URI;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.vanguard.Invalid;
import cn.vanguard.org.Unit;
import cn.vanguard.org.Units;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The organisation tree: what the caller may see, and changes by committee and system administrators. */
@RestController
@RequestMapping(path = "/api/v1/units", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = OpenApiConfig.UNITS)
class UnitsApi {

    private final Units units;

    UnitsApi(Units units) {
        this.units = units;
    }

    @GetMapping
    @Operation(operationId = "listUnits", summary = "可见的组织（树序） List visible units in tree order",
            description = "调用者有查看权限的全部组织，上级在前、下级紧随其后，同级按名称排序。Every unit the caller may see; "
                    + "each unit comes right after its parent, siblings by name.")
    List<UnitView> list() {
        return units.visibleTree().stream().map(UnitView::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getUnit", summary = "一个组织 Get a unit")
    UnitView get(@Parameter(description = "组织编号 Unit id") @PathVariable long id) {
        return UnitView.of(units.visible(id));
    }

    @PostMapping
    @Operation(operationId = "createUnit", summary = "新建组织 Create a unit",
            description = "在上级组织下新建组织，需要该上级组织的管理权限；不填上级则新建顶级组织，仅限系统管理员。Creates a unit "
                    + "under a parent the caller manages; a top unit only by the system administrator.")
    @ApiResponse(responseCode = "201", description = "已新建；Location 指向新组织。Created; Location points at the unit.")
    ResponseEntity<UnitView> create(@RequestBody CreateUnitRequest body) {
        Unit unit = units.create(body.parentId(), body.name(), body.kind());
        return ResponseEntity.created(URI.create("/api/v1/units/" + unit.id())).body(UnitView.of(unit));
    }

    @PatchMapping("/{id}")
    @Operation(operationId = "changeUnit", summary = "修改组织名称或类型 Rename a unit or change its kind",
            description = "未提供的字段保持不变。Omitted fields stay as they are.")
    UnitView change(@Parameter(description = "组织编号 Unit id") @PathVariable long id, @RequestBody ChangeUnitRequest body) {
        Unit unit = units.visible(id);
        return UnitView.of(units.rename(id, body.name() == null ? unit.name() : body.name(), body.kind()));
    }

    @PostMapping("/{id}/move")
    @Operation(operationId = "moveUnit", summary = "移动组织 Move a unit",
            description = "连同全部下级组织移到新的上级组织下；两处都需要管理权限，不能移到自己的下级之下。Moves the unit with its "
                    + "subtree; the caller must manage both places.")
    UnitView move(@Parameter(description = "组织编号 Unit id") @PathVariable long id, @RequestBody MoveUnitRequest body) {
        if (body.parentId() == null) {
            throw Invalid.of("parentId", "请选择新的上级组织");
        }
        return UnitView.of(units.move(id, body.parentId()));
    }

    @PostMapping("/{id}/close")
    @Operation(operationId = "closeUnit", summary = "撤销组织 Close a unit",
            description = "组织及其下级已没有在册党员、也没有未撤销的下级组织时才能撤销；已撤销的再次撤销无变化。A unit closes once "
                    + "no members and no open sub-units are left; closing again changes nothing.")
    UnitView close(@Parameter(description = "组织编号 Unit id") @PathVariable long id) {
        return UnitView.of(units.close(id));
    }
}

package cn.vanguard.api;

import java.net.URI;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.vanguard.Invalid;
import cn.vanguard.org.MemberRecord;
import cn.vanguard.org.MemberStatus;
import cn.vanguard.org.Members;
import cn.vanguard.org.Units;
import cn.vanguard.scheme.Category;
import cn.vanguard.scheme.MemberType;
import cn.vanguard.security.Guard;
import cn.vanguard.security.Permission;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The roster: search, details, new members, changes and transfers, within the caller's scope. */
@RestController
@RequestMapping(path = "/api/v1/members", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = OpenApiConfig.MEMBERS)
class MembersApi {

    static final int MAX_LIMIT = 1000;

    private final Members members;
    private final Units units;
    private final Guard guard;

    MembersApi(Members members, Units units, Guard guard) {
        this.members = members;
        this.units = units;
        this.guard = guard;
    }

    @GetMapping
    @Operation(operationId = "searchMembers", summary = "查询党员 Search members",
            description = "调用者范围内符合条件的党员，按组织和党员编号排序。unitId 包含其全部下级组织；q 匹配姓名、编号或电话；没有党员查看权限的账号（如普通党员）返回403。"
                    + "Members in the caller's scope that match, by unit and code; unitId includes its subtree; q matches name, "
                    + "code or phone.")
    List<MemberView> search(
            @Parameter(description = "组织（含下级） Unit, with its subtree") @RequestParam(required = false) Long unitId,
            @Parameter(description = "姓名、编号或电话的一部分 Part of the name, code or phone") @RequestParam(required = false) String q,
            @Parameter(description = "党员身份 Member type") @RequestParam(required = false) MemberType type,
            @Parameter(description = "人员类别 Category") @RequestParam(required = false) Category category,
            @Parameter(description = "状态 Status") @RequestParam(required = false) MemberStatus status,
            @Parameter(description = "最多返回条数，1–1000，默认100 At most this many, 1–1000, default 100")
            @RequestParam(defaultValue = "100") int limit) {
        checkLimit(limit);
        guard.requireAnywhere(Permission.VIEW_MEMBERS);
        if (unitId != null) {
            units.visible(unitId);
            guard.require(Permission.VIEW_MEMBERS, unitId);
        }
        return members.search(new Members.Query(unitId, q, type, category, status), limit).stream().map(MemberView::of).toList();
    }

    static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw Invalid.of("limit", "limit 应在1至" + MAX_LIMIT + "之间");
        }
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getMember", summary = "一名党员 Get a member",
            description = "范围内的党员，或调用者本人。A member in scope, or the caller themselves.")
    MemberView get(@Parameter(description = "党员编号（数字 id） Member id") @PathVariable long id) {
        return MemberView.of(members.visible(id));
    }

    @GetMapping("/{id}/transfers")
    @Operation(operationId = "getMemberTransfers", summary = "党员的转接记录 A member's transfers",
            description = "按转接日期排序。Oldest first.")
    List<TransferView> transfers(@Parameter(description = "党员 id Member id") @PathVariable long id) {
        return members.transfers(id).stream().map(TransferView::of).toList();
    }

    @PostMapping
    @Operation(operationId = "createMember", summary = "新增党员 Create a member",
            description = "需要所在组织的党员管理权限。Needs MANAGE_MEMBERS in the unit.")
    @ApiResponse(responseCode = "201", description = "已新增；Location 指向新党员。Created; Location points at the member.")
    ResponseEntity<MemberView> create(@RequestBody CreateMemberRequest body) {
        MemberRecord created = members.create(body.form());
        return ResponseEntity.created(URI.create("/api/v1/members/" + created.id())).body(MemberView.of(created));
    }

    @PutMapping("/{id}")
    @Operation(operationId = "updateMember", summary = "修改党员信息 Update a member",
            description = "整体替换党员信息；version 须为读取时的版本号，期间已被他人修改则返回 409。Replaces the member's details; "
                    + "a version other than the current one (changed meanwhile) is 409.")
    @MayConflict("期间已被他人修改（version 不符）。Changed by someone else meanwhile.")
    MemberView update(@Parameter(description = "党员 id Member id") @PathVariable long id, @RequestBody UpdateMemberRequest body) {
        if (body.version() == null) {
            throw Invalid.of("version", "请提交读取时的版本号 version");
        }
        return MemberView.of(members.update(id, body.form(), body.version()));
    }

    @PostMapping("/{id}/transfer")
    @Operation(operationId = "transferMember", summary = "转接党员 Transfer a member",
            description = "把党员转到另一组织并保留转接记录；转出和转入两处都需要党员管理权限。Moves the member to another unit, "
                    + "keeping the history; needs MANAGE_MEMBERS in both units.")
    MemberView transfer(@Parameter(description = "党员 id Member id") @PathVariable long id, @RequestBody TransferRequest body) {
        if (body.toUnitId() == null) {
            throw Invalid.of("toUnitId", "请选择转入的组织");
        }
        return MemberView.of(members.transfer(id, body.toUnitId(), body.on(), body.reason()));
    }
}

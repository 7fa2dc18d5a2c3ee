package cn.vanguard.api;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.vanguard.Invalid;
import cn.vanguard.NotFound;
import cn.vanguard.org.Unit;
import cn.vanguard.org.Units;
import cn.vanguard.rules.PublishedScheme;
import cn.vanguard.rules.Schemes;
import cn.vanguard.scheme.Scheme;
import cn.vanguard.scheme.file.Presets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Published scheme versions, the one in effect for a unit, the presets, and publishing. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = OpenApiConfig.SCHEMES)
class SchemesApi {

    private final Schemes schemes;
    private final Units units;
    private final Clock clock;

    SchemesApi(Schemes schemes, Units units, Clock clock) {
        this.schemes = schemes;
        this.units = units;
        this.clock = clock;
    }

    @GetMapping("/schemes")
    @Operation(operationId = "listSchemes", summary = "可见的方案版本 List visible scheme versions",
            description = "调用者范围内发布的、适用于其范围内组织的（含上级发布的），或适用于本人的方案版本，按年度从新到旧。"
                    + "Versions published in the caller's scope, inherited by units in it, or applying to the caller; newest "
                    + "year first.")
    List<SchemeView> list() {
        return schemes.visibleVersions().stream().map(SchemeView::of).toList();
    }

    @GetMapping("/schemes/{id}")
    @Operation(operationId = "getScheme", summary = "一个方案版本及其文件 Get a scheme version with its file")
    SchemeDetailView get(@Parameter(description = "方案版本 id Version id") @PathVariable long id) {
        return SchemeDetailView.of(schemes.visible(id));
    }

    @GetMapping("/units/{id}/scheme")
    @Operation(operationId = "getEffectiveScheme", summary = "组织适用的方案 The scheme in effect for a unit",
            description = "组织自己该年度的最新版本，没有则为最近上级组织的。The unit's own latest version for the year, else the "
                    + "nearest ancestor's.")
    SchemeDetailView effective(
            @Parameter(description = "组织 id Unit id") @PathVariable long id,
            @Parameter(description = "年度，默认今年 Cycle year, this year by default") @RequestParam(required = false) Integer year) {
        Unit unit = units.visible(id);
        int cycle = year == null ? LocalDate.now(clock).getYear() : year;
        PublishedScheme scheme = schemes.effective(id, cycle)
                .orElseThrow(() -> new NotFound("“" + unit.name() + "”没有" + cycle + "年度适用的积分方案"));
        return SchemeDetailView.of(schemes.visible(scheme.id()));
    }

    @PostMapping("/schemes")
    @Operation(operationId = "publishScheme", summary = "发布方案 Publish a scheme",
            description = "把内置模板（preset）或方案文件（yaml，可注明 copiedFrom）发布为该组织该年度的新版本；需要方案发布权限。"
                    + "文件未通过校验时返回 400，problems 列出每个问题的行号、路径和说明。Publishes a preset or a scheme file as the "
                    + "unit's next version for the year; a file that does not load is 400 with every problem in problems.")
    @ApiResponse(responseCode = "201", description = "已发布；Location 指向新版本。Published; Location points at the version.")
    ResponseEntity<SchemeDetailView> publish(@RequestBody PublishSchemeRequest body) {
        if (body.unitId() == null) {
            throw Invalid.of("unitId", "请选择组织");
        }
        if (body.year() == null) {
            throw Invalid.of("year", "请填写年度");
        }
        boolean preset = body.preset() != null && !body.preset().isBlank();
        boolean file = body.yaml() != null && !body.yaml().isBlank();
        if (preset == file) {
            throw Invalid.of("preset", "请提供 preset（模板编号）或 yaml（方案文件），二者选一");
        }
        if (preset && body.copiedFrom() != null) {
            throw Invalid.of("copiedFrom", "发布模板时不能注明 copiedFrom；复制上级方案请提交修改后的 yaml");
        }
        PublishedScheme published = preset
                ? schemes.publishPreset(body.unitId(), body.year(), body.preset().strip())
                : schemes.publishFile(body.unitId(), body.year(), body.yaml(), body.copiedFrom());
        return ResponseEntity.created(URI.create("/api/v1/schemes/" + published.id())).body(SchemeDetailView.of(published));
    }

    @GetMapping("/presets")
    @Operation(operationId = "listPresets", summary = "内置方案模板 List the built-in presets",
            description = "可直接发布的模板。Presets that can be published as they are.")
    List<PresetView> presets() {
        return Presets.IDS.stream().map(id -> {
            Scheme scheme = Presets.get(id).orElseThrow();
            return new PresetView(id, scheme.name(), scheme.description());
        }).toList();
    }
}

package cn.vanguard.api;

import java.time.OffsetDateTime;

import cn.vanguard.rules.PublishedScheme;

import io.swagger.v3.oas.annotations.media.Schema;

/** A published scheme version without its file. */
@Schema(name = "SchemeVersion", description = "已发布的方案版本（不含方案文件）。A published scheme version, without its file.")
public record SchemeView(
        @Schema(description = "方案版本 id。Version id.", example = "41") long id,
        @Schema(description = "发布方案的组织。The unit it was published for.", example = "5") long unitId,
        @Schema(example = "市直机关党委") String unitName,
        @Schema(description = "年度。Cycle year.", example = "2026") int year,
        @Schema(description = "该组织该年度的第几版。Version number for the unit and year.", example = "2") int versionNo,
        @Schema(description = "方案文件中的方案编号。The scheme's id in its file.", example = "city-direct-organs") String schemeId,
        @Schema(example = "市直机关党员积分管理办法") String name,
        @Schema(description = "来源：模板、上传文件或复制上级方案。Where it came from.") PublishedScheme.SourceKind sourceKind,
        @Schema(example = "方案模板") String sourceKindLabel,
        @Schema(description = "模板编号（来源为模板时）。Preset id, for a preset.", example = "city-direct-organs") String presetId,
        @Schema(description = "复制自哪个方案版本。The version it was copied from.", example = "17") Long copiedFrom,
        OffsetDateTime publishedAt,
        @Schema(description = "发布人。Who published it.", example = "王书记") String publishedBy) {

    static SchemeView of(PublishedScheme s) {
        return new SchemeView(s.id(), s.unitId(), s.unitName(), s.year(), s.versionNo(), s.schemeId(), s.name(), s.sourceKind(),
                s.sourceKind().label(), s.presetId(), s.copiedFrom(), s.publishedAt(), s.publishedBy());
    }
}

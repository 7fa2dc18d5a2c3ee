package cn.vanguard.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** A unit's members' results for a year, under the schemes that apply inside the unit. */
@Schema(name = "UnitScores", description = "组织内党员的年度积分排名。A unit's ranking for a year.")
public record UnitScoresView(
        @Schema(example = "12") long unitId,
        @Schema(example = "机关第一党支部") String unitName,
        @Schema(example = "2026") int year,
        @Schema(description = "组织内适用的方案版本；名次和星级在各方案的全部适用人员中计算。The scheme versions that apply inside "
                + "the unit; ranks and stars are computed over each scheme's whole population.") List<SchemeView> schemes,
        @Schema(description = "按方案分组，计分的按名次在前，不计分的在后。Grouped by scheme; scored members by rank, then the rest.")
        List<ScoreRow> rows) {
}

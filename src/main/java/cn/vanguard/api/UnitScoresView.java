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
        @Schema(description = "本页的行，按 sort 排序（默认计分的按名次在前，不计分的在后）。This page's rows in the requested order "
                + "(by default scored members by rank, then the rest).")
        List<ScoreRow> rows,
        @Schema(description = "页码，从 1 开始。Page number, from 1.", example = "1") int page,
        @Schema(description = "每页行数。Rows a page.", example = "100") int size,
        @Schema(description = "符合条件的党员总数（各页合计）。How many members match, over all pages.", example = "2315") long total) {
}

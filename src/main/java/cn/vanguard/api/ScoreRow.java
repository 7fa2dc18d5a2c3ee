package cn.vanguard.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import cn.vanguard.report.Scores;
import cn.vanguard.scheme.FlagRule;
import cn.vanguard.scheme.Item;
import cn.vanguard.scheme.MemberResult;
import cn.vanguard.scheme.MemberType;
import cn.vanguard.scheme.Scheme;
import cn.vanguard.scheme.WarningRule;

import io.swagger.v3.oas.annotations.media.Schema;

/** A member's result in a ranking: total, rank, grade, stars, the parts of the total, flags and warnings. */
@Schema(name = "ScoreRow", description = "党员的积分结果：总分、名次、等次、星级、各板块、加减分、否决、标记和预警。"
        + "A member's result: total, rank, grade, stars, sections, bonus, deductions, vetoes, flags and warnings.")
public record ScoreRow(
        @Schema(example = "301") long memberId,
        @Schema(example = "M00012") String memberCode,
        @Schema(example = "张三") String memberName,
        @Schema(example = "12") long unitId,
        @Schema(example = "机关第一党支部") String unitName,
        @Schema(description = "排名所在的单位（党支部）。The ranking unit (the branch).", example = "机关第一党支部") String rankingUnit,
        @Schema(description = "党员身份。Member type.") MemberType memberType,
        @Schema(description = "计分所依据的方案版本。The scheme version it was scored under.", example = "41") long schemeVersionId,
        @Schema(description = "是否计分（免于积分管理、不在适用范围或取消资格时为 false）。Whether scored.") boolean scored,
        @Schema(description = "不计分的原因。Why not scored.", example = "免于积分管理") String reason,
        @Schema(description = "总分，两位小数的字符串。Total, a decimal string with two decimals.", example = "87.50") String total,
        @Schema(description = "名次（并列同名次）。Rank; ties share it.", example = "3") Integer rank,
        @Schema(description = "等次。Grade.", example = "优秀") String grade,
        @Schema(description = "星级。Stars.", example = "4") Integer stars,
        @Schema(description = "各板块得分，按方案顺序。Sections in scheme order.") List<SectionScore> sections,
        @Schema(description = "加分。Bonus.", example = "5.00") String bonus,
        @Schema(description = "扣分（正数）。Deductions, as a positive number.", example = "2.00") String deductions,
        @Schema(description = "触发的一票否决项目。Veto items that fired.") List<CodeLabel> vetoes,
        @Schema(description = "标记（如积分之星）。Flags.") List<CodeLabel> flags,
        @Schema(description = "预警。Warnings.") List<CodeLabel> warnings) {

    /** A section's points. */
    @Schema(name = "SectionScore", description = "板块得分。A section's points.")
    public record SectionScore(@Schema(example = "ORG") String code, @Schema(example = "组织生活") String name,
                               @Schema(example = "28.00") String points) {
    }

    /** A code of the scheme with its Chinese label. */
    @Schema(name = "CodeLabel", description = "方案中的编号及其名称。A code of the scheme and its name.")
    public record CodeLabel(@Schema(example = "STAR") String code, @Schema(example = "积分之星") String label) {
    }

    static ScoreRow of(Scores.MemberScore score) {
        return of(score.member().id(), score.member().code(), score.member().name(), score.member().unitId(), score.member().unitName(),
                score.member().type(), score.scheme(), score.result());
    }

    /** A stored standing as a row; {@code unitName} is the name of the member's own unit. */
    static ScoreRow of(cn.vanguard.standings.Standing s, cn.vanguard.rules.PublishedScheme scheme, String unitName) {
        return of(s.memberId(), s.memberCode(), s.memberName(), s.unitId(), unitName, s.memberType(), scheme, s.result());
    }

    private static ScoreRow of(long memberId, String memberCode, String name, long unitId, String unitName, MemberType type,
                               cn.vanguard.rules.PublishedScheme published, MemberResult r) {
        Scheme scheme = published.scheme();
        Map<String, BigDecimal> sections = r.sections();
        List<SectionScore> parts = scheme.sections().stream().filter(s -> sections.containsKey(s.code()))
                .map(s -> new SectionScore(s.code(), s.name(), Numbers.score(sections.get(s.code())))).toList();
        return new ScoreRow(memberId, memberCode, name, unitId, unitName, r.member().unit(), type, published.id(), r.scored(), r.reason(),
                Numbers.score(r.total()), r.rank(), r.grade(), r.stars(), parts, Numbers.score(r.bonus()),
                Numbers.score(r.deductions()), r.vetoes().stream().map(code -> new CodeLabel(code, itemName(scheme, code))).toList(),
                r.flags().stream().map(code -> new CodeLabel(code, flagLabel(scheme, code))).toList(),
                r.warnings().stream().map(code -> new CodeLabel(code, warningLabel(scheme, code))).toList());
    }

    private static String itemName(Scheme scheme, String code) {
        Item item = scheme.item(code);
        return item == null ? code : item.name();
    }

    private static String flagLabel(Scheme scheme, String code) {
        return scheme.flags().stream().filter(f -> f.code().equals(code)).map(FlagRule::label).findFirst().orElse(code);
    }

    private static String warningLabel(Scheme scheme, String code) {
        return scheme.warnings().stream().filter(w -> w.code().equals(code)).map(WarningRule::label).findFirst().orElse(code);
    }
}

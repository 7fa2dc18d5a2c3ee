package cn.vanguard.api;

import java.util.List;

import cn.vanguard.scheme.ExplanationLine;
import cn.vanguard.scheme.Step;

import io.swagger.v3.oas.annotations.media.Schema;

/** A member's score with the engine's explanation: which rule changed which number. */
@Schema(name = "MemberScore", description = "党员的积分及计算说明（哪条规则改变了哪个数）。A member's score with the engine's explanation.")
public record MemberScoreView(
        @Schema(example = "2026") int year,
        @Schema(description = "计分所依据的方案版本。The scheme version.") SchemeView scheme,
        ScoreRow score,
        @Schema(description = "计算说明，按计算步骤排列。The explanation, step by step.") List<Line> explanation,
        @Schema(description = "未能计分的记录或评定及原因（如转接后新方案没有该项目）。Entries or assessments that could not count, "
                + "and why.") List<String> notCounted) {

    /** One line of 为什么是这个分. */
    @Schema(name = "ExplanationLine", description = "一行计算说明。One line of the explanation.")
    public record Line(
            @Schema(description = "计算步骤。Step.") Step step,
            @Schema(description = "规则及其出处（中文）。The rule and its source clause, in Chinese.") String rule,
            @Schema(description = "规则作用前的数（字符串形式的小数）。The number before.", example = "10") String before,
            @Schema(description = "规则作用后的数。The number after.", example = "8") String after,
            @Schema(description = "引起该变化的台账记录。The entry that caused it.", example = "#1024") String entry) {

        static Line of(ExplanationLine line) {
            return new Line(line.step(), line.rule(), Numbers.plain(line.before()), Numbers.plain(line.after()), line.entry());
        }
    }
}

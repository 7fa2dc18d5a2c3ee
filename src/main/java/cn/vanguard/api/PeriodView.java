package cn.vanguard.api;

import java.time.LocalDate;

import cn.vanguard.cycle.EvaluationPeriod;
import io.swagger.v3.oas.annotations.media.Schema;

/** A period as the API shows it. */
@Schema(name = "Period", description = "考评期。An evaluation period of a unit.")
public record PeriodView(
        long id,
        @Schema(description = "组织 id。The unit running the period.") long unitId,
        int year,
        @Schema(description = "2026-09、2026-Q3、2026-H2 或 2026。", example = "2026-Q3") String label,
        @Schema(example = "2026年第三季度") String name,
        LocalDate startsOn,
        LocalDate endsOn,
        @Schema(description = "OPEN 记录中, CLOSED 已汇总, SIGNED 支部已评定, PUBLISHED 公示中, SUBMITTED 待上级审核, APPROVED 已审核, "
                + "RETURNED 已退回, FINAL 公示结束", example = "PUBLISHED") String status,
        @Schema(example = "公示中") String statusLabel,
        @Schema(description = "公示首日（公示后才有）。First day of the window.") LocalDate windowStarts,
        @Schema(description = "公示末日，当日24:00结束。Last day; the window ends at 24:00 China time.") LocalDate windowEnds,
        @Schema(example = "公示时间：2026年9月24日至10月8日（5个工作日）") String windowWording,
        @Schema(description = "版本号，办理时提交。The version, sent back with every action.") int version) {

    static PeriodView of(EvaluationPeriod p) {
        return new PeriodView(p.id(), p.unitId(), p.year(), p.label(), p.chineseLabel(), p.startsOn(), p.endsOn(), p.status().name(),
                p.status().label(), p.windowStarts(), p.windowEnds(), p.windowWording(), p.version());
    }
}

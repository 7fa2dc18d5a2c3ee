package cn.vanguard.api;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.vanguard.cycle.EvaluationPeriod;
import cn.vanguard.cycle.PeriodActions;
import cn.vanguard.cycle.Periods;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The cycle through {@link Periods} and {@link PeriodActions}, which hold every rule (who may, which move the state and the
 * scheme's order allow, the version): the same as the pages. A refused move is 409 with the reason in Chinese.
 */
@RestController
@RequestMapping(path = "/api/v1/periods", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = OpenApiConfig.CYCLE)
class PeriodsApi {

    private final Periods periods;
    private final PeriodActions actions;
    private final Clock clock;

    PeriodsApi(Periods periods, PeriodActions actions, Clock clock) {
        this.periods = periods;
        this.actions = actions;
        this.clock = clock;
    }

    @GetMapping
    @Operation(operationId = "listPeriods", summary = "考评期 Periods",
            description = "调用者可见的开展考评的组织（党员为本人所在组织）的本年度已开始的考评期。"
                    + "The periods that have begun in the cycle, of the units the caller may see (a member: their own unit's).")
    List<PeriodView> list(@Parameter(description = "年度，默认今年 Year, default this year") @RequestParam(required = false) Integer year,
                          @Parameter(description = "只看这个组织 Only this unit") @RequestParam(required = false) Long unitId) {
        int cycle = year == null ? LocalDate.now(clock).getYear() : year;
        List<PeriodView> all = new ArrayList<>();
        if (unitId != null) {
            periods.ofUnit(unitId, cycle).forEach(p -> all.add(PeriodView.of(p)));
            return all;
        }
        periods.overview(cycle).values().forEach(list -> list.forEach(p -> all.add(PeriodView.of(p))));
        return all;
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getPeriod", summary = "一个考评期 A period")
    PeriodView get(@PathVariable long id) {
        return PeriodView.of(periods.get(id));
    }

    @GetMapping("/{id}/snapshots")
    @Operation(operationId = "periodSnapshots", summary = "快照 Snapshots",
            description = "本期每次汇总、退回后重新汇总、更正后重新公示时冻结的结果，最早的在前，各带原因和账本链头。")
    List<SnapshotView> snapshots(@PathVariable long id) {
        return periods.snapshots(periods.get(id)).stream().map(SnapshotView::of).toList();
    }

    @GetMapping("/{id}/lines")
    @Operation(operationId = "periodLines", summary = "本期结果 The latest snapshot's lines",
            description = "最新快照中的结果：支部书记及上级看全部，党员只看本人一行（他人的结果见公示名单）。"
                    + "Everybody's for those over the unit; a member's own line otherwise.")
    List<SnapshotLineView> lines(@PathVariable long id) {
        return periods.lines(periods.get(id)).stream().map(SnapshotLineView::of).toList();
    }

    @Schema(name = "PublicityList", description = "公示名单：只含方案要求公示的字段。The published list, with only the fields the rule needs.")
    record PublicityView(PeriodView period, List<String> shows,
                         @Schema(description = "前N名公示（如每月前五名）的N；公示全体时为 null。How many ranks a list of the best names.")
                         Integer top,
                         List<PublicityLine> lines) {
    }

    @Schema(name = "PublicityLine", description = "公示名单的一行；未公示的字段为 null。")
    record PublicityLine(String name, String unit, String total, Integer rank, String grade, Integer stars,
                         java.util.Map<String, String> sections, List<String> vetoes) {
    }

    @GetMapping("/{id}/publicity")
    @Operation(operationId = "periodPublicity", summary = "公示名单 The publicity list",
            description = "公示后本组织党员可见（公示期满后仍可查阅），此前仅支部和上级可见；只含方案要求公示的字段（默认姓名、积分、等次）。")
    PublicityView publicity(@PathVariable long id) {
        EvaluationPeriod period = periods.get(id);
        List<String> shows = periods.publicityShows(period);
        List<PublicityLine> lines = periods.publicityLines(period).stream().map(l -> new PublicityLine(
                shows.contains("name") ? l.name() : null, shows.contains("unit") ? l.unitLabel() : null,
                shows.contains("total") ? (l.scored() ? Numbers.score(l.total()) : l.reason()) : null,
                shows.contains("rank") ? l.rank() : null, shows.contains("grade") ? l.grade() : null,
                shows.contains("stars") ? l.stars() : null, shows.contains("sections") ? SnapshotLineView.of(l).sections() : null,
                shows.contains("vetoes") ? l.vetoes() : null)).toList();
        return new PublicityView(PeriodView.of(period), shows, periods.publicityTop(period), lines);
    }

    @PostMapping("/{id}/close")
    @Operation(operationId = "closePeriod", summary = "汇总 Close",
            description = "冻结本期结果为快照，请党员确认。本期有待审核记录时须填原因（这些记录审核通过后计入下一期）；须先汇总更早的考评期。")
    @MayConflict("状态不允许、版本不符或更早的考评期未汇总。Not in a state to close, a stale version, or an earlier period still open.")
    PeriodView close(@PathVariable long id, @RequestBody PeriodRequests.Move body) {
        return PeriodView.of(actions.close(id, EntriesApi.version(body.version()), body.reason()));
    }

    @PostMapping("/{id}/sign")
    @Operation(operationId = "signPeriod", summary = "支部评定 Sign", description = "记录支部委员会已评定。The branch committee's review.")
    @MayConflict("只有已汇总的考评期才能评定。Only a closed period can be signed.")
    PeriodView sign(@PathVariable long id, @RequestBody PeriodRequests.Move body) {
        return PeriodView.of(actions.sign(id, EntriesApi.version(body.version())));
    }

    @PostMapping("/{id}/publish")
    @Operation(operationId = "publishPeriod", summary = "公示 Publish",
            description = "从今天起按方案的公示期公示（工作日按节假日日历计算）。Publishes from today for the scheme's window.")
    @MayConflict("状态不允许，或没有所需年份的节假日日历。Not in a state to publish, or no holiday calendar for the window.")
    PeriodView publish(@PathVariable long id, @RequestBody PeriodRequests.Move body) {
        return PeriodView.of(actions.publish(id, EntriesApi.version(body.version())));
    }

    @PostMapping("/{id}/submit")
    @Operation(operationId = "submitPeriod", summary = "提交上级审核 Submit",
            description = "方案为“上级审核后公示”时，支部评定后提交上级审核。Where the review comes before publicity.")
    @MayConflict("状态不允许。Not in a state to submit.")
    PeriodView submit(@PathVariable long id, @RequestBody PeriodRequests.Move body) {
        return PeriodView.of(actions.submit(id, EntriesApi.version(body.version())));
    }

    @PostMapping("/{id}/republish")
    @Operation(operationId = "republishPeriod", summary = "更正后重新公示 Republish",
            description = "异议成立并已更正、全部异议都已答复后：新的快照和新的完整公示期。A new snapshot and a new full window.")
    @MayConflict("还有异议未答复，或没有成立的异议。Objections unanswered, or none upheld.")
    PeriodView republish(@PathVariable long id, @RequestBody PeriodRequests.Move body) {
        return PeriodView.of(actions.republish(id, EntriesApi.version(body.version())));
    }

    @PostMapping("/{id}/approve")
    @Operation(operationId = "approvePeriod", summary = "上级审核通过 Approve", description = "党委管理员审核通过；此后结果不再改变。")
    @MayConflict("公示期内不能审核，或尚未提交上级审核。During the window, or not submitted.")
    PeriodView approve(@PathVariable long id, @RequestBody PeriodRequests.Move body) {
        return PeriodView.of(actions.approve(id, EntriesApi.version(body.version())));
    }

    @PostMapping("/{id}/return")
    @Operation(operationId = "returnPeriod", summary = "退回 Return", description = "党委管理员退回支部，须填原因；支部重新汇总时生成新快照。")
    @MayConflict("公示期内不能审核，或尚未提交上级审核。During the window, or not submitted.")
    PeriodView returnPeriod(@PathVariable long id, @RequestBody PeriodRequests.Move body) {
        return PeriodView.of(actions.returnPeriod(id, EntriesApi.version(body.version()), body.reason()));
    }
}

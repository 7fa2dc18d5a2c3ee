package cn.vanguard.api;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.vanguard.Invalid;
import cn.vanguard.NotFound;
import cn.vanguard.org.Unit;
import cn.vanguard.org.Units;
import cn.vanguard.report.Scores;
import cn.vanguard.scheme.MemberType;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Live scores of a year from approved entries, through {@link Scores}. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = OpenApiConfig.SCORES)
class ScoresApi {

    private static final Comparator<ScoreRow> RANKING = Comparator.comparing((ScoreRow r) -> !r.scored())
            .thenComparing(ScoreRow::rank, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ScoreRow::memberCode);

    private final Scores scores;
    private final Units units;
    private final Clock clock;

    ScoresApi(Scores scores, Units units, Clock clock) {
        this.scores = scores;
        this.units = units;
        this.clock = clock;
    }

    @GetMapping("/scores")
    @Operation(operationId = "getUnitScores", summary = "组织排名 A unit's ranking",
            description = "组织（含下级）党员的当前积分：总分、名次、等次、星级、各板块、加减分、否决、标记和预警，只计已生效的记录。"
                    + "The current results of the unit's members (with its subtree) from approved entries.")
    UnitScoresView unit(
            @Parameter(description = "组织 id Unit id", required = true) @RequestParam long unitId,
            @Parameter(description = "年度，默认今年 Cycle year, this year by default") @RequestParam(required = false) Integer year,
            @Parameter(description = "只看某种党员身份 Only this member type") @RequestParam(required = false) MemberType memberType) {
        int cycle = year(year);
        Unit unit = units.get(unitId);
        List<Scores.Population> populations = scores.unit(unitId, cycle);
        List<SchemeView> schemes = new ArrayList<>();
        List<ScoreRow> rows = new ArrayList<>();
        for (Scores.Population population : populations) {
            schemes.add(SchemeView.of(population.scheme()));
            population.scores().stream()
                    .filter(s -> memberType == null || s.member().type() == memberType)
                    .map(ScoreRow::of).sorted(RANKING).forEach(rows::add);
        }
        return new UnitScoresView(unit.id(), unit.name(), cycle, schemes, rows);
    }

    @GetMapping("/members/{id}/score")
    @Operation(operationId = "getMemberScore", summary = "党员得分及说明 A member's score with its explanation",
            description = "党员本人或有积分查看权限的人可查看；explanation 为计分引擎的逐步说明。For the member themselves or "
                    + "someone who may view scores in their unit; explanation is the engine's, step by step.")
    MemberScoreView member(
            @Parameter(description = "党员 id Member id") @PathVariable long id,
            @Parameter(description = "年度，默认今年 Cycle year, this year by default") @RequestParam(required = false) Integer year) {
        int cycle = year(year);
        Scores.MemberScore score = scores.member(id, cycle).orElseThrow(() -> new NotFound(
                "没有该党员" + cycle + "年度的积分：所在组织没有该年度的积分方案，或党员已转出"));
        return new MemberScoreView(cycle, SchemeView.of(score.scheme()), ScoreRow.of(score),
                score.result().explanation().stream().map(MemberScoreView.Line::of).toList(), score.notCounted());
    }

    private int year(Integer year) {
        int current = LocalDate.now(clock).getYear();
        if (year == null) {
            return current;
        }
        if (year < 2000 || year > current + 1) {
            throw Invalid.of("year", "年度应在2000至" + (current + 1) + "之间");
        }
        return year;
    }
}

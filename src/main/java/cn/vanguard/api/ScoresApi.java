package cn.vanguard.api;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
import cn.vanguard.standings.StandingsQuery;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Live scores of a year from approved entries, through {@link Scores}. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = OpenApiConfig.SCORES)
class ScoresApi {

    private final Scores scores;
    private final Units units;
    private final Clock clock;

    ScoresApi(Scores scores, Units units, Clock clock) {
        this.scores = scores;
        this.units = units;
        this.clock = clock;
    }

    /** The most rows a page of the API returns. */
    static final int MAX_SIZE = 500;

    @GetMapping("/scores")
    @Operation(operationId = "getUnitScores", summary = "组织排名（分页）A unit's ranking, a page at a time",
            description = "组织（含下级）党员的当前积分：总分、名次、等次、星级、各板块、加减分、否决、标记和预警，只计已生效的记录。"
                    + "按页返回（page 从 1 开始，size 不超过 500），total 为符合条件的总人数；可按姓名或编号查找、按党员身份筛选、排序。"
                    + "The current results of the unit's members (with its subtree) from approved entries, a page at a time "
                    + "(page from 1, size at most 500) with the total count; searchable by name or code, filtered by type, sortable.")
    UnitScoresView unit(
            @Parameter(description = "组织 id Unit id", required = true) @RequestParam long unitId,
            @Parameter(description = "年度，默认今年 Cycle year, this year by default") @RequestParam(required = false) Integer year,
            @Parameter(description = "只看某种党员身份 Only this member type") @RequestParam(required = false) MemberType memberType,
            @Parameter(description = "姓名或编号包含的文字 Text the name or code contains") @RequestParam(required = false) String q,
            @Parameter(description = "排序列：rank（默认）、total、name、code、unit Sort column") @RequestParam(required = false) String sort,
            @Parameter(description = "asc（默认）或 desc Direction") @RequestParam(required = false) String dir,
            @Parameter(description = "页码，从 1 开始 Page, from 1") @RequestParam(required = false) Integer page,
            @Parameter(description = "每页行数，1–500，默认 100 Rows a page, 1–500, 100 by default") @RequestParam(required = false) Integer size) {
        int cycle = year(year);
        if (dir != null && !dir.equals("asc") && !dir.equals("desc")) {
            throw Invalid.of("dir", "排序方向应为 asc（升序）或 desc（降序）");
        }
        StandingsQuery.Sort order = StandingsQuery.Sort.of(sort, "desc".equals(dir));
        if (order == null) {
            throw Invalid.of("sort", "排序列应为 rank、total、name、code 或 unit 之一");
        }
        int number = page == null ? 1 : page;
        if (number < 1) {
            throw Invalid.of("page", "页码从 1 开始");
        }
        int rows = size == null ? 100 : size;
        if (rows < 1 || rows > MAX_SIZE) {
            throw Invalid.of("size", "每页行数应在 1 至 " + MAX_SIZE + " 之间");
        }
        if (q != null && q.length() > 50) {
            throw Invalid.of("q", "查找的文字不能超过50个字");
        }
        Unit unit = units.get(unitId);
        Scores.Page found = scores.page(unitId, cycle, memberType, q, order, number - 1, rows);
        List<SchemeView> schemes = found.schemes().values().stream().map(SchemeView::of).toList();
        Map<Long, String> names = new HashMap<>();
        List<ScoreRow> list = found.page().rows().stream()
                .map(s -> ScoreRow.of(s, found.schemes().get(s.schemeVersionId()), names.computeIfAbsent(s.unitId(), units::name))).toList();
        return new UnitScoresView(unit.id(), unit.name(), cycle, schemes, list, number, rows, found.page().total());
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

package cn.vanguard.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.vanguard.Invalid;
import cn.vanguard.NotFound;
import cn.vanguard.calendar.CalendarProblem;
import cn.vanguard.calendar.Calendars;
import cn.vanguard.calendar.HolidayCalendar;
import cn.vanguard.calendar.PublicityWindow;
import cn.vanguard.calendar.WindowUnit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The holiday calendar: read by every caller, a year replaced by committee administrators, all or nothing. */
@RestController
@RequestMapping(path = "/api/v1/calendar", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = OpenApiConfig.CALENDAR)
class CalendarApi {

    private static final Map<String, String> FIELDS = Map.of("日期", "date", "类型", "kind", "名称", "name");

    private final Calendars calendars;

    CalendarApi(Calendars calendars) {
        this.calendars = calendars;
    }

    @GetMapping("/years/{year}")
    @Operation(operationId = "getCalendarYear", summary = "某年的节假日和调休上班日 A year's holidays and make-up working days",
            description = "按日期排列；covered 为 false 表示该年尚未录入，工作日只按周末计算。In date order; covered false: the year "
                    + "has not been entered and only weekends are rest days.")
    CalendarViews.Year year(@Parameter(description = "年度（2000–2100）Year") @PathVariable int year) {
        if (year < 2000 || year > 2100) {
            throw new NotFound("没有" + year + "年的日历：年度应在2000至2100年之间");
        }
        List<CalendarViews.Day> days = calendars.year(year).stream().map(d -> CalendarViews.Day.of(d.day())).toList();
        return new CalendarViews.Year(year, calendars.years().contains(year), days);
    }

    @GetMapping("/dates/{date}")
    @Operation(operationId = "getWorkingDay", summary = "某天是否工作日 Whether a date is a working day")
    CalendarViews.WorkingDay date(@Parameter(description = "日期 Date", example = "2026-10-08")
                                  @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        HolidayCalendar calendar = calendars.inForce();
        HolidayCalendar.Day listed = calendar.days().stream().filter(d -> d.date().equals(date)).findFirst().orElse(null);
        return new CalendarViews.WorkingDay(date, calendar.isWorkingDay(date), listed == null ? null : CalendarViews.Day.of(listed),
                calendar.covers(date.getYear()));
    }

    @GetMapping("/window")
    @Operation(operationId = "getPublicityWindow", summary = "公示期的截止日 The end of a publicity window",
            description = "第1天为公布当天（按工作日计算时，若不是工作日则为其后第一个工作日），截止于第 N 天24时（北京时间）。"
                    + "Day 1 is the publication day (for working days: the next working day when it is not one); the window ends "
                    + "at 24:00 China time of day N.")
    CalendarViews.Window window(
            @Parameter(description = "公布日期 Publication date", example = "2026-09-24")
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate start,
            @Parameter(description = "公示天数（1–60）Length", example = "5") @RequestParam int days,
            @Parameter(description = "WORKING_DAYS（工作日，默认）或 CALENDAR_DAYS（自然日）") @RequestParam(defaultValue = "WORKING_DAYS")
            WindowUnit unit) {
        if (days < 1 || days > 60) {
            throw Invalid.of("days", "公示天数应为1至60天，不是" + days);
        }
        HolidayCalendar calendar = calendars.inForce();
        PublicityWindow window = PublicityWindow.of(start, days, unit, calendar);
        List<Integer> uncovered = new ArrayList<>();
        for (int y = start.getYear(); y <= window.last().getYear(); y++) {
            if (!calendar.covers(y)) {
                uncovered.add(y);
            }
        }
        return new CalendarViews.Window(start, unit.name(), window.days(), window.first(), window.last(), window.ends().toOffsetDateTime(),
                window.wording(), uncovered);
    }

    @PutMapping(path = "/years/{year}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "replaceCalendarYear", summary = "整年替换日历 Replace a year's days",
            description = "只有党委管理员和系统管理员可以修改。有任何一项不对时日历不作任何改动，返回 400，problems 逐项列出"
                    + "（line 为 days 中的第几项，path 为字段）。Committee and system administrators only; all or nothing: any bad "
                    + "item is 400 with every problem (line: the item's position, path: its field).")
    CalendarViews.Year replace(@Parameter(description = "年度 Year") @PathVariable int year, @RequestBody CalendarViews.YearRequest body) {
        List<Calendars.DayInput> days = new ArrayList<>();
        List<CalendarViews.DayRequest> given = body.days() == null ? List.of() : body.days();
        for (int i = 0; i < given.size(); i++) {
            CalendarViews.DayRequest day = given.get(i) == null ? new CalendarViews.DayRequest(null, null, null) : given.get(i);
            days.add(new Calendars.DayInput(i + 1, day.date(), day.kind(), day.name()));
        }
        calendars.replaceYear(year, days, "API");
        return year(year);
    }

    static SchemeProblemView problem(CalendarProblem problem) {
        String path = problem.row() > 0 ? "days[" + (problem.row() - 1) + "]." + FIELDS.getOrDefault(problem.field(), problem.field()) : "days";
        return new SchemeProblemView(problem.row(), path, problem.field() + "：" + problem.message(), null);
    }
}

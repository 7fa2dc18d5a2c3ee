package cn.vanguard.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import cn.vanguard.calendar.HolidayCalendar;

import io.swagger.v3.oas.annotations.media.Schema;

/** The request and answers of the calendar API. */
final class CalendarViews {

    private CalendarViews() {
    }

    @Schema(name = "CalendarDay", description = "日历中列出的一天。A listed day.")
    record Day(
            @Schema(description = "日期。Date.", example = "2026-10-01") LocalDate date,
            @Schema(description = "HOLIDAY（节假日）或 MAKEUP_WORKDAY（调休上班）。", example = "HOLIDAY") String kind,
            @Schema(description = "类型的中文。The kind in Chinese.", example = "节假日") String kindLabel,
            @Schema(description = "名称。Name.", example = "国庆节") String name) {

        static Day of(HolidayCalendar.Day day) {
            return new Day(day.date(), day.kind().code(), day.kind().label(), day.name());
        }
    }

    @Schema(name = "CalendarYear", description = "一年的节假日和调休上班日。A year's listed days.")
    record Year(
            @Schema(description = "年度。Year.", example = "2026") int year,
            @Schema(description = "该年是否已录入日历（否则只按周末计算）。Whether the year has been entered.") boolean covered,
            List<Day> days) {
    }

    @Schema(name = "WorkingDay", description = "某天是否工作日。Whether a date is a working day.")
    record WorkingDay(
            @Schema(example = "2026-10-08") LocalDate date,
            @Schema(description = "是否工作日。Working day or not.") boolean workingDay,
            @Schema(description = "日历列出的该天（没有列出则为空）。The listed day, if any.") Day listed,
            @Schema(description = "该年是否已录入日历。Whether the date's year has been entered.") boolean yearCovered) {
    }

    @Schema(name = "PublicityWindow", description = "公示期（cycle.md §3）。A publicity window.")
    record Window(
            @Schema(description = "公布日期。Publication date.", example = "2026-09-24") LocalDate published,
            @Schema(description = "WORKING_DAYS 或 CALENDAR_DAYS。", example = "WORKING_DAYS") String unit,
            @Schema(description = "计入的每一天。Every counted day.") List<LocalDate> days,
            @Schema(description = "第一天。First day.", example = "2026-09-24") LocalDate first,
            @Schema(description = "最后一天。Last day.", example = "2026-10-08") LocalDate last,
            @Schema(description = "截止时刻：最后一天24时（北京时间）。Ends at 24:00 China time of the last day.") OffsetDateTime ends,
            @Schema(description = "公示时间的中文表述。", example = "公示时间：2026年9月24日至10月8日（5个工作日）") String wording,
            @Schema(description = "公示期所跨年份中尚未录入日历的年份（有则只按周末计算）。Years of the window without a calendar.")
            List<Integer> uncoveredYears) {
    }

    @Schema(name = "CalendarYearRequest", description = "一年的全部节假日和调休上班日，整体替换。A year's days, replacing all of them.")
    record YearRequest(List<DayRequest> days) {
    }

    @Schema(name = "CalendarDayRequest")
    record DayRequest(
            @Schema(example = "2026-10-01") String date,
            @Schema(description = "HOLIDAY 或 MAKEUP_WORKDAY（也可写 节假日 / 调休上班）。", example = "HOLIDAY") String kind,
            @Schema(example = "国庆节") String name) {
    }
}

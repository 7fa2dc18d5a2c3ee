package cn.vanguard.calendar.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.vanguard.Text;
import cn.vanguard.calendar.CalendarProblem;
import cn.vanguard.calendar.CalendarRejected;
import cn.vanguard.calendar.Calendars.DayInput;
import cn.vanguard.calendar.DayKind;
import cn.vanguard.calendar.HolidayCalendar.Day;
import cn.vanguard.sheet.Dates;

/**
 * The checks of calendar days as people give them (a form, a file, an API list): every row is read, every problem
 * named with its row, field and what to do, and the days are returned only when there is none.
 */
final class DayChecks {

    static final int MAX_DAYS = 366;

    private DayChecks() {
    }

    /** The days, all in {@code year} (any year when null), or {@link CalendarRejected} with every problem. */
    static List<Day> check(Integer year, List<DayInput> rows) {
        List<CalendarProblem> problems = new ArrayList<>();
        List<Day> days = new ArrayList<>();
        Map<LocalDate, Integer> seen = new HashMap<>();
        if (rows.size() > MAX_DAYS) {
            problems.add(new CalendarProblem(0, "文件", "一年最多 " + MAX_DAYS + " 天，这里有 " + rows.size() + " 行：请只列出节假日和调休上班日"));
        }
        for (DayInput row : rows) {
            int before = problems.size();
            LocalDate date = date(row, year, problems);
            DayKind kind = kind(row, problems);
            String name = name(row, problems);
            if (date != null && kind == DayKind.WORKDAY && !weekend(date)) {
                problems.add(new CalendarProblem(row.row(), "类型", date + " 是" + weekday(date) + "，本来就上班：调休上班日应是周六或周日，请改日期或删除该行"));
            }
            if (date != null) {
                Integer first = seen.putIfAbsent(date, row.row());
                if (first != null) {
                    problems.add(new CalendarProblem(row.row(), "日期", date + " 已在第 " + first + " 行列过：每个日期只能列一次，请删除其中一行"));
                }
            }
            if (problems.size() == before) {
                days.add(new Day(date, kind, name));
            }
        }
        if (!problems.isEmpty()) {
            throw new CalendarRejected(problems);
        }
        return days;
    }

    private static LocalDate date(DayInput row, Integer year, List<CalendarProblem> problems) {
        String text = row.date() == null ? "" : row.date().strip();
        if (text.isEmpty()) {
            problems.add(new CalendarProblem(row.row(), "日期", "不能为空：请填写日期，例如 2026-10-01"));
            return null;
        }
        LocalDate date = Dates.parse(text);
        if (date == null) {
            problems.add(new CalendarProblem(row.row(), "日期", "“" + shown(text) + "”不是日期：请写成 2026-10-01 的格式"));
            return null;
        }
        if (year != null && date.getYear() != year) {
            problems.add(new CalendarProblem(row.row(), "日期", date + " 不在 " + year + " 年：请删除该行，或把它导入 " + date.getYear() + " 年的日历"));
            return null;
        }
        return date;
    }

    private static DayKind kind(DayInput row, List<CalendarProblem> problems) {
        String text = row.kind() == null ? "" : row.kind().strip();
        DayKind kind = DayKind.read(text).orElse(null);
        if (kind == null) {
            problems.add(new CalendarProblem(row.row(), "类型", (text.isEmpty() ? "不能为空" : "“" + shown(text) + "”无法识别")
                    + "：请填写“节假日”或“调休上班”"));
        }
        return kind;
    }

    private static String name(DayInput row, List<CalendarProblem> problems) {
        String text = row.name() == null ? "" : row.name().strip();
        if (text.isEmpty()) {
            problems.add(new CalendarProblem(row.row(), "名称", "不能为空：请写明所属节日，例如 国庆节 或 国庆节调休上班"));
            return null;
        }
        String problem = Text.problem("名称", text, 40, false);
        if (problem != null) {
            problems.add(new CalendarProblem(row.row(), "名称", problem));
            return null;
        }
        return text;
    }

    private static boolean weekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    static String weekday(LocalDate date) {
        return "周" + "一二三四五六日".charAt(date.getDayOfWeek().getValue() - 1);
    }

    private static String shown(String text) {
        return text.length() > 20 ? text.substring(0, 20) + "…" : text;
    }
}

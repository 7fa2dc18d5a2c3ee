package cn.vanguard.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.vanguard.calendar.DayKind;
import cn.vanguard.calendar.HolidayCalendar;

/** A year of the holiday calendar as twelve month grids, Monday first, each day marked as the calendar counts it. */
final class CalendarGrid {

    private CalendarGrid() {
    }

    /** A day of a month's grid ({@code day} 0: a blank before the 1st or after the last), its CSS class and its mark. */
    record Cell(int day, String kind, String mark, String title) {
    }

    record Month(int number, List<List<Cell>> weeks) {
    }

    static List<Month> year(int year, HolidayCalendar calendar) {
        Map<LocalDate, HolidayCalendar.Day> listed = new HashMap<>();
        calendar.days().forEach(d -> listed.put(d.date(), d));
        List<Month> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            List<List<Cell>> weeks = new ArrayList<>();
            List<Cell> week = new ArrayList<>();
            for (int blank = 1; blank < month.atDay(1).getDayOfWeek().getValue(); blank++) {
                week.add(new Cell(0, "", "", ""));
            }
            for (int d = 1; d <= month.lengthOfMonth(); d++) {
                week.add(cell(month.atDay(d), listed));
                if (week.size() == 7) {
                    weeks.add(week);
                    week = new ArrayList<>();
                }
            }
            if (!week.isEmpty()) {
                while (week.size() < 7) {
                    week.add(new Cell(0, "", "", ""));
                }
                weeks.add(week);
            }
            months.add(new Month(m, weeks));
        }
        return months;
    }

    private static Cell cell(LocalDate date, Map<LocalDate, HolidayCalendar.Day> listed) {
        HolidayCalendar.Day day = listed.get(date);
        String title = date + " 周" + "一二三四五六日".charAt(date.getDayOfWeek().getValue() - 1) + " ";
        if (day != null) {
            boolean off = day.kind() == DayKind.HOLIDAY;
            return new Cell(date.getDayOfMonth(), off ? "cal-holiday" : "cal-makeup", off ? "休" : "班",
                    title + day.name() + "（" + day.kind().label() + "）");
        }
        boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        return new Cell(date.getDayOfMonth(), weekend ? "cal-weekend" : "cal-workday", "", title + (weekend ? "休息日" : "工作日"));
    }
}

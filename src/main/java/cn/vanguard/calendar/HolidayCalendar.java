package cn.vanguard.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The official calendar: Monday to Friday are working days, Saturday and Sunday rest days, except the days off and the
 * make-up working days (调休) it lists. A year it lists nothing for is counted by the weekdays alone, and
 * {@link #covers} says so, for a page to warn that the year's official calendar has not been entered.
 */
public final class HolidayCalendar {

    /** A listed date: its kind and the holiday it belongs to (春节, 国庆节调休上班…). */
    public record Day(LocalDate date, DayKind kind, String name) {
    }

    private final Map<LocalDate, Day> days;
    private final Set<Integer> years;

    private HolidayCalendar(Map<LocalDate, Day> days) {
        this.days = Collections.unmodifiableMap(new TreeMap<>(days));
        Set<Integer> listed = new TreeSet<>();
        days.keySet().forEach(d -> listed.add(d.getYear()));
        this.years = Collections.unmodifiableSet(listed);
    }

    public static HolidayCalendar of(List<Day> listed) {
        Map<LocalDate, Day> days = new TreeMap<>();
        for (Day day : listed) {
            if (days.put(day.date(), day) != null) {
                throw new IllegalArgumentException(day.date() + " is listed twice");
            }
        }
        return new HolidayCalendar(days);
    }

    /** The official calendar of 2026 (国务院办公厅关于2026年部分节假日安排的通知), as it ships with the product. */
    public static HolidayCalendar china2026() {
        try (InputStream in = HolidayCalendar.class.getResourceAsStream("holidays-cn-2026.csv")) {
            if (in == null) {
                throw new IllegalStateException("holidays-cn-2026.csv is missing from the application");
            }
            Parsed parsed = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (!parsed.problems().isEmpty()) {
                throw new IllegalStateException("the shipped calendar does not read: " + parsed.problems());
            }
            return parsed.calendar();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A calendar read from text, and what could not be read, a line each (in Chinese, naming the line). */
    public record Parsed(HolidayCalendar calendar, List<String> problems) {
    }

    /**
     * Reads {@code date,kind,name} lines (kind {@code HOLIDAY} or {@code WORKDAY}, or 放假 / 上班); a first line
     * {@code date,kind,name} and lines starting with {@code #} are skipped. Every line that cannot be read is named in
     * the problems, and the calendar holds the lines that could.
     */
    public static Parsed parse(String text) {
        List<Day> days = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<LocalDate> seen = new TreeSet<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || line.replace(" ", "").equalsIgnoreCase("date,kind,name")) {
                continue;
            }
            String[] cells = line.split(",", -1);
            String where = "第" + (i + 1) + "行";
            if (cells.length < 2) {
                problems.add(where + "：应为“日期,类型,名称”三列，例如 2026-10-01,HOLIDAY,国庆节");
                continue;
            }
            LocalDate date;
            try {
                date = LocalDate.parse(cells[0].strip());
            } catch (DateTimeException e) {
                problems.add(where + "：日期“" + cells[0].strip() + "”应写成 2026-10-01 的格式");
                continue;
            }
            DayKind kind = DayKind.read(cells[1]).orElse(null);
            if (kind == null) {
                problems.add(where + "：类型“" + cells[1].strip() + "”应为 HOLIDAY（放假）或 WORKDAY（调休上班）");
                continue;
            }
            if (!seen.add(date)) {
                problems.add(where + "：" + date + " 已在前面列过");
                continue;
            }
            String name = cells.length > 2 ? cells[2].strip() : "";
            if (name.length() > 40) {
                problems.add(where + "：名称不能超过40字");
                continue;
            }
            days.add(new Day(date, kind, name));
        }
        return new Parsed(of(days), List.copyOf(problems));
    }

    public boolean isWorkingDay(LocalDate date) {
        Day listed = days.get(date);
        if (listed != null) {
            return listed.kind() == DayKind.WORKDAY;
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }

    /** The first working day on or after {@code date}. */
    public LocalDate workingDayFrom(LocalDate date) {
        LocalDate day = date;
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** Whether the official calendar of this year has been entered (else only weekends are rest days). */
    public boolean covers(int year) {
        return years.contains(year);
    }

    /** The listed dates, in date order. */
    public List<Day> days() {
        return List.copyOf(days.values());
    }
}

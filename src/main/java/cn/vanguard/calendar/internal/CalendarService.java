package cn.vanguard.calendar.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.vanguard.NotFound;
import cn.vanguard.audit.AuditLog;
import cn.vanguard.calendar.CalendarProblem;
import cn.vanguard.calendar.CalendarRejected;
import cn.vanguard.calendar.Calendars;
import cn.vanguard.calendar.HolidayCalendar;
import cn.vanguard.calendar.HolidayCalendar.Day;
import cn.vanguard.security.CurrentUser;
import cn.vanguard.security.Guard;
import cn.vanguard.security.Permission;

/** {@link Calendars} on the table {@code calendar_day}; every change checked, guarded and audited in its transaction. */
@Service
class CalendarService implements Calendars {

    private final CalendarRows rows;
    private final CalendarCache cache;
    private final Guard guard;
    private final AuditLog audit;
    private final Clock clock;

    CalendarService(CalendarRows rows, CalendarCache cache, Guard guard, AuditLog audit, Clock clock) {
        this.rows = rows;
        this.cache = cache;
        this.guard = guard;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public HolidayCalendar inForce() {
        return cache.get();
    }

    @Override
    public Set<Integer> years() {
        Set<Integer> years = new TreeSet<>();
        inForce().days().forEach(d -> years.add(d.date().getYear()));
        return years;
    }

    @Override
    public List<StoredDay> year(int year) {
        return rows.year(year);
    }

    @Override
    public boolean mayChange() {
        return guard.signedIn() && guard.canAnywhere(Permission.MANAGE_CALENDAR);
    }

    @Override
    @Transactional
    public void put(LocalDate previous, DayInput input) {
        CurrentUser user = changer();
        Day day = DayChecks.check(null, List.of(input)).get(0);
        StoredDay before = previous == null ? null : rows.find(previous).orElseThrow(() -> new NotFound("日历中没有 " + previous));
        StoredDay taken = rows.find(day.date()).orElse(null);
        if (taken != null && (previous == null || !previous.equals(day.date()))) {
            throw new CalendarRejected(List.of(new CalendarProblem(0, "日期", day.date() + " 已列为“" + taken.day().name()
                    + "”（" + taken.day().kind().label() + "）：请在列表中修改那一天")));
        }
        if (before != null) {
            rows.delete(previous);
        }
        rows.insert(day, user.username(), now());
        cache.changed();
        audit.record(user.actor(), before == null ? "CALENDAR_DAY_ADDED" : "CALENDAR_DAY_CHANGED", "calendar_day", day.date(), null,
                (before == null ? "节假日日历新增 " : "节假日日历修改 ") + day.date() + " " + day.kind().label() + " " + day.name(),
                before == null ? null : fields(before.day()), fields(day));
    }

    @Override
    @Transactional
    public void remove(LocalDate date) {
        CurrentUser user = changer();
        StoredDay before = rows.find(date).orElseThrow(() -> new NotFound("日历中没有 " + date));
        rows.delete(date);
        cache.changed();
        audit.record(user.actor(), "CALENDAR_DAY_REMOVED", "calendar_day", date, null,
                "节假日日历删除 " + date + " " + before.day().kind().label() + " " + before.day().name(), fields(before.day()), null);
    }

    @Override
    @Transactional
    public void replaceYear(int year, List<DayInput> input, String source) {
        CurrentUser user = changer();
        if (year < 2000 || year > 2100) {
            throw new CalendarRejected(List.of(new CalendarProblem(0, "年度", year + " 不是可维护的年度：请选择 2000 至 2100 年")));
        }
        if (input.isEmpty()) {
            throw new CalendarRejected(List.of(new CalendarProblem(0, "文件", "没有任何日期：请按模板列出" + year + "年的节假日和调休上班日")));
        }
        List<Day> days = DayChecks.check(year, input);
        List<StoredDay> before = rows.year(year);
        store(year, days, user.username());
        audit.record(user.actor(), "CALENDAR_YEAR_REPLACED", "calendar_year", year, null,
                "节假日日历 " + year + " 年整年替换（" + source + "）：原 " + before.size() + " 天，现 " + days.size() + " 天",
                summary(before.stream().map(StoredDay::day).toList()), summary(days));
    }

    /** Replaces the year's rows; for the start-up load of a shipped year too, which has no user. */
    void store(int year, List<Day> days, String by) {
        rows.deleteYear(year);
        Instant at = now();
        days.forEach(d -> rows.insert(d, by, at));
        cache.changed();
    }

    private CurrentUser changer() {
        guard.requireAnywhere(Permission.MANAGE_CALENDAR);
        return guard.current();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static Map<String, Object> fields(Day day) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("date", day.date().toString());
        map.put("kind", day.kind().label());
        map.put("name", day.name());
        return map;
    }

    /** A year's days as the audit line keeps them: how many of each kind, and every date with its kind and name. */
    static Map<String, Object> summary(List<Day> days) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("holidays", days.stream().filter(d -> d.kind() == cn.vanguard.calendar.DayKind.HOLIDAY).count());
        map.put("workdays", days.stream().filter(d -> d.kind() == cn.vanguard.calendar.DayKind.WORKDAY).count());
        map.put("days", String.join("；", days.stream().map(d -> d.date() + " " + d.kind().label() + " " + d.name()).toList()));
        return map;
    }
}

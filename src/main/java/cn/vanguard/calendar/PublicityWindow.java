package cn.vanguard.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A publicity window (公示期, cycle.md §3): its counted days, the first and the last. Day 1 is the publication day when
 * it counts (a working day, for a window of working days), else the next day that does; the window ends at 24:00,
 * China time, of its last day.
 */
public record PublicityWindow(LocalDate published, WindowUnit unit, List<LocalDate> days) {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public PublicityWindow {
        days = List.copyOf(days);
        if (days.isEmpty()) {
            throw new IllegalArgumentException("a window has at least one day");
        }
    }

    /** The window of {@code length} days for a list published on {@code published}. */
    public static PublicityWindow of(LocalDate published, int length, WindowUnit unit, HolidayCalendar calendar) {
        if (length < 1 || length > 60) {
            throw new IllegalArgumentException("a publicity window lasts 1 to 60 days, not " + length);
        }
        List<LocalDate> days = new ArrayList<>(length);
        LocalDate day = published;
        while (days.size() < length) {
            if (unit == WindowUnit.CALENDAR_DAYS || calendar.isWorkingDay(day)) {
                days.add(day);
            }
            day = day.plusDays(1);
        }
        return new PublicityWindow(published, unit, days);
    }

    public LocalDate first() {
        return days.get(0);
    }

    public LocalDate last() {
        return days.get(days.size() - 1);
    }

    /** The moment the window ends: 24:00 China time of its last day. */
    public ZonedDateTime ends() {
        return last().plusDays(1).atTime(LocalTime.MIDNIGHT).atZone(CHINA);
    }

    /** How the list says it: 公示时间：2026年9月24日至10月8日（5个工作日）. */
    public String wording() {
        return wording(first(), last(), unit, days.size());
    }

    /** How the list says a window of {@code length} days from {@code first} to {@code last}. */
    public static String wording(LocalDate first, LocalDate last, WindowUnit unit, int length) {
        String from = first.getYear() + "年" + first.getMonthValue() + "月" + first.getDayOfMonth() + "日";
        String to = (last.getYear() != first.getYear() ? last.getYear() + "年" : "") + last.getMonthValue() + "月"
                + last.getDayOfMonth() + "日";
        return "公示时间：" + from + "至" + to + "（" + unit.length(length) + "）";
    }
}

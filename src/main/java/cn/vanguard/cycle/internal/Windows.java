package cn.vanguard.cycle.internal;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

import cn.vanguard.Conflict;
import cn.vanguard.calendar.Calendars;
import cn.vanguard.calendar.HolidayCalendar;
import cn.vanguard.calendar.PublicityWindow;
import cn.vanguard.calendar.WindowUnit;
import cn.vanguard.scheme.Publicity;

/**
 * The publicity window of a list published on a day, counted on the holiday calendar the administrators maintain
 * (cycle.md §3); a window of working days needs the calendar of every year it touches.
 */
@Component
public class Windows {

    private final Calendars calendars;

    Windows(Calendars calendars) {
        this.calendars = calendars;
    }

    public PublicityWindow of(LocalDate published, Publicity publicity) {
        HolidayCalendar calendar = calendars.inForce();
        WindowUnit unit = publicity.workingDays() ? WindowUnit.WORKING_DAYS : WindowUnit.CALENDAR_DAYS;
        if (unit == WindowUnit.WORKING_DAYS && !calendar.covers(published.getYear())) {
            throw new Conflict("尚无" + published.getYear() + "年的节假日日历，无法计算公示的工作日，请管理员先导入日历");
        }
        PublicityWindow window = PublicityWindow.of(published, publicity.days(), unit, calendar);
        if (unit == WindowUnit.WORKING_DAYS && !calendar.covers(window.last().getYear())) {
            throw new Conflict("公示期跨入" + window.last().getYear() + "年，尚无该年的节假日日历，请管理员先导入日历");
        }
        return window;
    }
}

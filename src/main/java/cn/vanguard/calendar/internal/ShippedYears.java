package cn.vanguard.calendar.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.vanguard.audit.AuditLog;
import cn.vanguard.calendar.HolidayCalendar;
import cn.vanguard.calendar.HolidayCalendar.Day;

/**
 * Loads the years that ship with the product (the 2026 official calendar, {@code holidays-cn-2026.csv}) when the
 * application starts and such a year has no rows, audited as the system. Idempotent: a year with any row is the
 * administrators' and is left as it is; two nodes starting at once load it once (the second meets the first's rows).
 */
@Component
class ShippedYears implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(ShippedYears.class);

    private final CalendarRows rows;
    private final CalendarService calendars;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    ShippedYears(CalendarRows rows, CalendarService calendars, AuditLog audit, TransactionTemplate transaction) {
        this.rows = rows;
        this.calendars = calendars;
        this.audit = audit;
        this.transaction = transaction;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<Day> shipped = HolidayCalendar.china2026().days();
        loadIfAbsent(2026, shipped, "holidays-cn-2026.csv");
    }

    /** Loads the days as the year's when it has none; whether it did. */
    boolean loadIfAbsent(int year, List<Day> days, String source) {
        try {
            Boolean loaded = transaction.execute(status -> {
                if (rows.anyIn(year)) {
                    return false;
                }
                calendars.store(year, days, AuditLog.Actor.SYSTEM.username());
                audit.record(AuditLog.Actor.SYSTEM, "CALENDAR_YEAR_LOADED", "calendar_year", year, null,
                        "节假日日历 " + year + " 年载入随产品发布的官方日历（" + source + "）：" + days.size() + " 天", null,
                        CalendarService.summary(days));
                return true;
            });
            if (Boolean.TRUE.equals(loaded)) {
                LOG.info("holiday calendar: loaded {} days of {} from {}", days.size(), year, source);
            }
            return Boolean.TRUE.equals(loaded);
        } catch (DuplicateKeyException e) {
            return false;
        }
    }
}

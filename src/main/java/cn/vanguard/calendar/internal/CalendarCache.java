package cn.vanguard.calendar.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.vanguard.calendar.HolidayCalendar;

/**
 * The calendar in force, read from the table once and kept: dropped when a change on this node commits, and re-read
 * at most {@link #FRESH} after it was read, so that a change made on another node is seen within that time.
 */
@Component
class CalendarCache {

    static final Duration FRESH = Duration.ofSeconds(30);

    private record Read(HolidayCalendar calendar, Instant at) {
    }

    private final CalendarRows rows;
    private final Clock clock;
    private final AtomicReference<Read> read = new AtomicReference<>();

    CalendarCache(CalendarRows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    HolidayCalendar get() {
        Read current = read.get();
        Instant now = clock.instant();
        if (current == null || now.isAfter(current.at().plus(FRESH)) || now.isBefore(current.at())) {
            current = new Read(HolidayCalendar.of(rows.all().stream().map(s -> s.day()).toList()), now);
            read.set(current);
        }
        return current.calendar();
    }

    /** Drops the calendar when the current transaction commits (and at once, for readers inside it). */
    void changed() {
        read.set(null);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    read.set(null);
                }
            });
        }
    }
}

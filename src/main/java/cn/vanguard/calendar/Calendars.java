package cn.vanguard.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The holiday calendar in force, as the committee administrators maintain it (cycle.md §3): read by anybody and by
 * every module that counts working days; changed only by a committee or system administrator, each change audited in
 * its transaction. A year's days are replaced all or nothing: with any problem, nothing changes and every problem is
 * named ({@link CalendarRejected}).
 */
public interface Calendars {

    /** The calendar of every stored year (cached; re-read after a change). */
    HolidayCalendar inForce();

    /** The years that have days stored, in order. */
    Set<Integer> years();

    /** The stored days of a year, in date order, with who changed each last. */
    List<StoredDay> year(int year);

    /** The publicity window counted on the calendar in force. */
    default PublicityWindow window(LocalDate published, int length, WindowUnit unit) {
        return PublicityWindow.of(published, length, unit, inForce());
    }

    /** Whether the signed-in user may change the calendar (a committee or system administrator). */
    boolean mayChange();

    /** Adds the day, or changes its kind and name; {@code previous} is the date being edited (null when adding). */
    void put(LocalDate previous, DayInput day);

    /** Removes the listed day (refused when it is not listed). */
    void remove(LocalDate date);

    /** Replaces the year's days with these (rows numbered from 1 in the problems), all or nothing. */
    void replaceYear(int year, List<DayInput> days, String source);

    /** A day as a person gave it (a form, a file's row, an API item): text, checked by the calendar. */
    record DayInput(int row, String date, String kind, String name) {
    }

    /** A stored day and its last change. */
    record StoredDay(HolidayCalendar.Day day, String updatedBy, java.time.Instant updatedAt) {
    }
}

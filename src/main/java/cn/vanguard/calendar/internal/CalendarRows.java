package cn.vanguard.calendar.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.vanguard.calendar.Calendars.StoredDay;
import cn.vanguard.calendar.DayKind;
import cn.vanguard.calendar.HolidayCalendar.Day;

/** The table {@code calendar_day}: one row per listed date. */
@Repository
class CalendarRows {

    private final JdbcClient jdbc;

    CalendarRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<StoredDay> all() {
        return jdbc.sql("select calendar_date, kind, name, updated_by, updated_at from calendar_day order by calendar_date")
                .query((rs, n) -> stored(rs)).list();
    }

    List<StoredDay> year(int year) {
        return jdbc.sql("""
                select calendar_date, kind, name, updated_by, updated_at from calendar_day
                where calendar_date >= :from and calendar_date < :to order by calendar_date""")
                .param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year + 1, 1, 1))
                .query((rs, n) -> stored(rs)).list();
    }

    Optional<StoredDay> find(LocalDate date) {
        return jdbc.sql("select calendar_date, kind, name, updated_by, updated_at from calendar_day where calendar_date = :d")
                .param("d", date).query((rs, n) -> stored(rs)).optional();
    }

    void insert(Day day, String by, Instant at) {
        jdbc.sql("insert into calendar_day (calendar_date, kind, name, updated_by, updated_at) values (:d, :kind, :name, :by, :at)")
                .param("d", day.date()).param("kind", day.kind().code()).param("name", day.name()).param("by", by)
                .param("at", at.atOffset(ZoneOffset.UTC)).update();
    }

    void delete(LocalDate date) {
        jdbc.sql("delete from calendar_day where calendar_date = :d").param("d", date).update();
    }

    int deleteYear(int year) {
        return jdbc.sql("delete from calendar_day where calendar_date >= :from and calendar_date < :to")
                .param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year + 1, 1, 1)).update();
    }

    boolean anyIn(int year) {
        return jdbc.sql("select count(*) from calendar_day where calendar_date >= :from and calendar_date < :to")
                .param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year + 1, 1, 1)).query(Long.class).single() > 0;
    }

    private static StoredDay stored(java.sql.ResultSet rs) throws java.sql.SQLException {
        DayKind kind = switch (rs.getString("kind")) {
            case "HOLIDAY" -> DayKind.HOLIDAY;
            case "MAKEUP_WORKDAY" -> DayKind.WORKDAY;
            default -> throw new IllegalStateException("calendar_day " + rs.getObject("calendar_date") + ": unknown kind " + rs.getString("kind"));
        };
        Day day = new Day(rs.getObject("calendar_date", LocalDate.class), kind, rs.getString("name"));
        return new StoredDay(day, rs.getString("updated_by"), rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}

package cn.vanguard.cycle.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.vanguard.cycle.EvaluationPeriod;
import cn.vanguard.cycle.PeriodMove;
import cn.vanguard.cycle.PeriodStatus;
import cn.vanguard.scheme.Span;

/** The evaluation_period and period_move tables. A period's state changes only through {@link #move}, by version. */
@Repository
public class PeriodRows {

    private static final String COLUMNS = "id, unit_id, cycle_year, label, starts_on, ends_on, status, window_starts, window_ends, "
            + "window_days, window_working, version";

    private final JdbcClient jdbc;

    PeriodRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<EvaluationPeriod> ofUnit(long unitId, int year) {
        return jdbc.sql("select " + COLUMNS + " from evaluation_period where unit_id = :u and cycle_year = :y order by starts_on")
                .param("u", unitId).param("y", year).query(PeriodRows::period).list();
    }

    public Optional<EvaluationPeriod> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from evaluation_period where id = :id").param("id", id)
                .query(PeriodRows::period).optional();
    }

    /** Creates the periods of these spans a unit does not have yet; a period created at the same time elsewhere is kept. */
    public void ensure(long unitId, List<Span> spans, Instant now) {
        for (Span span : spans) {
            jdbc.sql("""
                    insert into evaluation_period (unit_id, cycle_year, label, starts_on, ends_on, status, created_at)
                    select :u, :y, :label, :from, :to, 'OPEN', :now from (select 1 x) one
                    where not exists (select 1 from evaluation_period where unit_id = :u and label = :label)""")
                    .param("u", unitId).param("y", span.year()).param("label", span.label()).param("from", span.from())
                    .param("to", span.to()).param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update();
        }
    }

    /** Moves a period still at {@code version}; false when somebody moved it first. */
    public boolean move(EvaluationPeriod period, PeriodStatus to, LocalDate windowStarts, LocalDate windowEnds, Integer windowDays,
                        Boolean windowWorking) {
        return jdbc.sql("""
                update evaluation_period set status = :to, window_starts = :ws, window_ends = :we, window_days = :wd,
                       window_working = :ww, version = version + 1
                where id = :id and version = :v and status = :from""")
                .param("to", to.name()).param("ws", windowStarts).param("we", windowEnds).param("wd", windowDays)
                .param("ww", windowWorking).param("id", period.id()).param("v", period.version())
                .param("from", period.status().name()).update() == 1;
    }

    public void recordMove(long periodId, PeriodStatus from, PeriodStatus to, Long accountId, String actor, String reason, Instant at) {
        jdbc.sql("""
                insert into period_move (period_id, from_status, to_status, account_id, actor_name, reason, moved_at)
                values (:p, :from, :to, :a, :name, :reason, :at)""")
                .param("p", periodId).param("from", from.name()).param("to", to.name()).param("a", accountId).param("name", actor)
                .param("reason", reason).param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).update();
    }

    public List<PeriodMove> moves(long periodId) {
        return jdbc.sql("select from_status, to_status, actor_name, reason, moved_at from period_move where period_id = :p order by id")
                .param("p", periodId).query((rs, n) -> new PeriodMove(PeriodStatus.valueOf(rs.getString(1)),
                        PeriodStatus.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant())).list();
    }

    /** Published periods whose window ended before {@code today} (China time). */
    public List<EvaluationPeriod> windowsEndedBefore(LocalDate today) {
        return jdbc.sql("select " + COLUMNS + " from evaluation_period where status = 'PUBLISHED' and window_ends < :d order by id")
                .param("d", today).query(PeriodRows::period).list();
    }

    /** Periods of these units (null: of every unit) in these states, soonest window end first (what waits for a user). */
    public List<EvaluationPeriod> inStates(List<Long> unitIds, List<PeriodStatus> states) {
        if (unitIds != null && unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from evaluation_period where (:all = 1 or unit_id in (:u)) and status in (:s) "
                        + "order by window_ends, id")
                .param("all", unitIds == null ? 1 : 0).param("u", unitIds == null ? List.of(-1L) : unitIds)
                .param("s", states.stream().map(Enum::name).toList()).query(PeriodRows::period).list();
    }

    private static EvaluationPeriod period(ResultSet rs, int n) throws SQLException {
        int days = rs.getInt("window_days");
        Integer windowDays = rs.wasNull() ? null : days;
        boolean working = rs.getBoolean("window_working");
        Boolean windowWorking = rs.wasNull() ? null : working;
        return new EvaluationPeriod(rs.getLong("id"), rs.getLong("unit_id"), rs.getInt("cycle_year"), rs.getString("label"),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                PeriodStatus.valueOf(rs.getString("status")), rs.getObject("window_starts", LocalDate.class),
                rs.getObject("window_ends", LocalDate.class), windowDays, windowWorking, rs.getInt("version"));
    }
}

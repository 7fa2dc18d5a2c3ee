package cn.vanguard.cycle.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.vanguard.cycle.Objection;

/** The objection table: filed once, answered once (by version). */
@Repository
public class ObjectionRows {

    private static final String COLUMNS = "id, period_id, snapshot_id, member_id, entry_id, objector_member_id, text, claimed_value, "
            + "status, filed_at, answer, answered_at, version";

    private final JdbcClient jdbc;

    ObjectionRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long periodId, long snapshotId, long memberId, Long entryId, Long objectorMemberId, long objectorAccountId,
                       String text, BigDecimal claimed, Instant at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into objection (period_id, snapshot_id, member_id, entry_id, objector_member_id, objector_account_id, text,
                                       claimed_value, status, filed_at)
                values (:p, :s, :m, :e, :om, :oa, :text, :claimed, 'OPEN', :at)""")
                .param("p", periodId).param("s", snapshotId).param("m", memberId).param("e", entryId).param("om", objectorMemberId)
                .param("oa", objectorAccountId).param("text", text).param("claimed", claimed)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).update(key, "id");
        return key.getKeyAs(Long.class);
    }

    /** Answers an open objection still at {@code version}; false when somebody answered first. */
    public boolean answer(long id, int version, Objection.Status status, String answer, long accountId, Instant at) {
        return jdbc.sql("""
                update objection set status = :st, answer = :answer, answered_by = :a, answered_at = :at, version = version + 1
                where id = :id and version = :v and status = 'OPEN'""")
                .param("st", status.name()).param("answer", answer).param("a", accountId)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("id", id).param("v", version).update() == 1;
    }

    public Optional<Objection> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from objection where id = :id").param("id", id).query(ObjectionRows::objection).optional();
    }

    public List<Objection> ofPeriod(long periodId) {
        return jdbc.sql("select " + COLUMNS + " from objection where period_id = :p order by id").param("p", periodId)
                .query(ObjectionRows::objection).list();
    }

    /** Open objections of these periods, by period. */
    public java.util.Map<Long, Integer> openByPeriod(List<Long> periodIds) {
        java.util.Map<Long, Integer> open = new java.util.HashMap<>();
        if (!periodIds.isEmpty()) {
            jdbc.sql("select period_id, count(*) from objection where period_id in (:p) and status = 'OPEN' group by period_id")
                    .param("p", periodIds).query((rs, n) -> java.util.Map.entry(rs.getLong(1), rs.getInt(2))).list()
                    .forEach(e -> open.put(e.getKey(), e.getValue()));
        }
        return open;
    }

    /** The objections a member filed that were answered since {@code since}, newest first. */
    public List<Objection> answeredFor(long objectorMemberId, Instant since) {
        return jdbc.sql("select " + COLUMNS + " from objection where objector_member_id = :m and answered_at >= :since order by answered_at desc")
                .param("m", objectorMemberId).param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
                .query(ObjectionRows::objection).list();
    }

    public int openCount(long periodId) {
        return jdbc.sql("select count(*) from objection where period_id = :p and status = 'OPEN'").param("p", periodId)
                .query(Integer.class).single();
    }

    /** Objections upheld against the period's latest snapshot (what a republication corrects). */
    public int upheldSinceLatestSnapshot(long periodId) {
        return jdbc.sql("""
                select count(*) from objection o where o.period_id = :p and o.status = 'UPHELD'
                  and o.snapshot_id = (select max(id) from period_snapshot where period_id = :p)""")
                .param("p", periodId).query(Integer.class).single();
    }

    private static Objection objection(ResultSet rs, int n) throws SQLException {
        OffsetDateTime answered = rs.getObject("answered_at", OffsetDateTime.class);
        return new Objection(rs.getLong("id"), rs.getLong("period_id"), rs.getLong("snapshot_id"), rs.getLong("member_id"),
                (Long) rs.getObject("entry_id", Long.class), (Long) rs.getObject("objector_member_id", Long.class), null,
                rs.getString("text"), rs.getBigDecimal("claimed_value"), Objection.Status.valueOf(rs.getString("status")),
                rs.getObject("filed_at", OffsetDateTime.class).toInstant(), rs.getString("answer"),
                answered == null ? null : answered.toInstant(), rs.getInt("version"));
    }
}

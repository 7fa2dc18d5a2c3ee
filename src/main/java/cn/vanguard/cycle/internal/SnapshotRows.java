package cn.vanguard.cycle.internal;

import cn.vanguard.ledger.ChainHead;
import cn.vanguard.ledger.ChainHeadHolder;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.vanguard.cycle.Snapshot;
import cn.vanguard.cycle.SnapshotLine;

/** The snapshot tables: written once when a snapshot is made, never updated; answers are added, one per member. */
@Repository
public class SnapshotRows implements ChainHeadHolder {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    SnapshotRows(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** An entry a snapshot counts, with the period it was dated in when that is an earlier one. */
    public record Counted(long entryId, String lateFrom) {
    }

    /** Writes a whole snapshot; returns its id. */
    public long insert(long periodId, String reason, long schemeVersionId, List<ChainHead> heads, List<SnapshotLine> lines,
                       List<Counted> counted, Long accountId, Instant at) {
        int seq = jdbc.sql("select coalesce(max(seq), 0) + 1 from period_snapshot where period_id = :p").param("p", periodId)
                .query(Integer.class).single();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into period_snapshot (period_id, seq, reason, scheme_version_id, member_count, created_at, account_id)
                values (:p, :seq, :reason, :v, :n, :at, :a)""")
                .param("p", periodId).param("seq", seq).param("reason", reason).param("v", schemeVersionId)
                .param("n", lines.size()).param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("a", accountId)
                .update(key, "id");
        long id = key.getKeyAs(Long.class);
        batch.batchUpdate("insert into snapshot_head (snapshot_id, unit_id, chain_seq, chain_hash) values (?, ?, ?, ?)", heads, 500,
                (ps, h) -> {
                    ps.setLong(1, id);
                    ps.setLong(2, h.unitId());
                    ps.setLong(3, h.seq());
                    ps.setString(4, h.hash());
                });
        batch.batchUpdate("""
                insert into snapshot_line (snapshot_id, member_id, member_code, member_name, unit_label, scored, reason, total, ranking,
                                           grade, stars, bonus, deductions, sections, vetoes, flags, warnings, notes)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", lines, 500, (ps, l) -> {
            ps.setLong(1, id);
            ps.setLong(2, l.memberId());
            ps.setString(3, l.code());
            ps.setString(4, l.name());
            ps.setString(5, l.unitLabel());
            ps.setBoolean(6, l.scored());
            ps.setString(7, l.reason());
            ps.setBigDecimal(8, l.total());
            ps.setObject(9, l.rank(), Types.INTEGER);
            ps.setString(10, l.grade());
            ps.setObject(11, l.stars(), Types.INTEGER);
            ps.setBigDecimal(12, l.bonus());
            ps.setBigDecimal(13, l.deductions());
            ps.setString(14, LineText.sections(l.sections()));
            ps.setString(15, LineText.join(l.vetoes()));
            ps.setString(16, LineText.join(l.flags()));
            ps.setString(17, LineText.join(l.warnings()));
            ps.setString(18, LineText.join(l.notes()));
        });
        batch.batchUpdate("insert into snapshot_entry (snapshot_id, entry_id, late_from) values (?, ?, ?)", counted, 1000, (ps, c) -> {
            ps.setLong(1, id);
            ps.setLong(2, c.entryId());
            ps.setString(3, c.lateFrom());
        });
        return id;
    }

    /** A period's snapshots, the first first. */
    public List<Snapshot> ofPeriod(long periodId) {
        List<Snapshot> snapshots = jdbc.sql("""
                select id, period_id, seq, reason, scheme_version_id, member_count, created_at from period_snapshot
                where period_id = :p order by seq""").param("p", periodId).query(SnapshotRows::snapshot).list();
        return snapshots.stream().map(s -> withHeads(s)).toList();
    }

    /** The id of a period's latest snapshot (what its page, its list and its members' answers are about). */
    public Optional<Long> latestId(long periodId) {
        return jdbc.sql("select max(id) from period_snapshot where period_id = :p").param("p", periodId).query(Long.class).optional()
                .filter(java.util.Objects::nonNull);
    }

    public Optional<Snapshot> find(long id) {
        return jdbc.sql("select id, period_id, seq, reason, scheme_version_id, member_count, created_at from period_snapshot where id = :id")
                .param("id", id).query(SnapshotRows::snapshot).optional().map(this::withHeads);
    }

    /** Every snapshot's chain heads, for the ledger's verification (verify-ledger). */
    @Override
    public List<ChainHead> chainHeads() {
        return jdbc.sql("select unit_id, chain_seq, chain_hash from snapshot_head order by snapshot_id, unit_id")
                .query((rs, n) -> new ChainHead(rs.getLong(1), rs.getLong(2), rs.getString(3))).list();
    }

    private Snapshot withHeads(Snapshot s) {
        List<ChainHead> heads = jdbc.sql("select unit_id, chain_seq, chain_hash from snapshot_head where snapshot_id = :s order by unit_id")
                .param("s", s.id()).query((rs, n) -> new ChainHead(rs.getLong(1), rs.getLong(2), rs.getString(3))).list();
        return new Snapshot(s.id(), s.periodId(), s.seq(), s.reason(), s.schemeVersionId(), s.memberCount(), s.createdAt(), heads);
    }

    /** A snapshot's lines by rank (scored members first), then code; or one member's line. */
    public List<SnapshotLine> lines(long snapshotId, Long memberId) {
        return jdbc.sql("""
                select l.*, a.answer from snapshot_line l
                left join snapshot_answer a on a.snapshot_id = l.snapshot_id and a.member_id = l.member_id
                where l.snapshot_id = :s and (cast(:m as bigint) is null or l.member_id = :m)
                order by l.scored desc, l.ranking, l.member_code""")
                .param("s", snapshotId).param("m", memberId).query(SnapshotRows::line).list();
    }

    /** The entries counted by the latest snapshot of every other period of the cycle (what a new snapshot must not count again). */
    public Set<Long> countedElsewhere(int year, long periodId) {
        return new HashSet<>(jdbc.sql("""
                select se.entry_id from snapshot_entry se
                join period_snapshot s on s.id = se.snapshot_id
                join evaluation_period p on p.id = s.period_id
                where p.cycle_year = :y and p.id <> :p
                  and s.seq = (select max(s2.seq) from period_snapshot s2 where s2.period_id = p.id)""")
                .param("y", year).param("p", periodId).query(Long.class).list());
    }

    /** Whether a snapshot counted an entry. */
    public boolean counts(long snapshotId, long entryId) {
        return jdbc.sql("select count(*) from snapshot_entry where snapshot_id = :s and entry_id = :e").param("s", snapshotId)
                .param("e", entryId).query(Integer.class).single() > 0;
    }

    /** Records a member's answer; false when they answered already. */
    public boolean answer(long snapshotId, long memberId, SnapshotLine.Answer answer, long accountId, Instant at) {
        return jdbc.sql("""
                insert into snapshot_answer (snapshot_id, member_id, answer, account_id, answered_at)
                select :s, :m, :a, :acc, :at from (select 1 x) one
                where not exists (select 1 from snapshot_answer where snapshot_id = :s and member_id = :m)""")
                .param("s", snapshotId).param("m", memberId).param("a", answer.name()).param("acc", accountId)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).update() == 1;
    }

    /** How many members of a snapshot confirmed, disputed, or have not answered. */
    public Map<String, Long> answerCounts(long snapshotId, int members) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("CONFIRMED", 0L);
        counts.put("DISPUTED", 0L);
        jdbc.sql("select answer, count(*) from snapshot_answer where snapshot_id = :s group by answer").param("s", snapshotId)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().forEach(e -> counts.put(e.getKey(), e.getValue()));
        counts.put("NONE", members - counts.get("CONFIRMED") - counts.get("DISPUTED"));
        return counts;
    }

    private static Snapshot snapshot(ResultSet rs, int n) throws SQLException {
        return new Snapshot(rs.getLong("id"), rs.getLong("period_id"), rs.getInt("seq"), rs.getString("reason"),
                rs.getLong("scheme_version_id"), rs.getInt("member_count"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                List.of());
    }

    private static SnapshotLine line(ResultSet rs, int n) throws SQLException {
        String answer = rs.getString("answer");
        return new SnapshotLine(rs.getLong("member_id"), rs.getString("member_code"), rs.getString("member_name"),
                rs.getString("unit_label"), rs.getBoolean("scored"), rs.getString("reason"), scaled(rs.getBigDecimal("total")),
                (Integer) rs.getObject("ranking", Integer.class), rs.getString("grade"), (Integer) rs.getObject("stars", Integer.class),
                scaled(rs.getBigDecimal("bonus")), scaled(rs.getBigDecimal("deductions")), LineText.sections(rs.getString("sections")),
                LineText.split(rs.getString("vetoes")), LineText.split(rs.getString("flags")), LineText.split(rs.getString("warnings")),
                LineText.split(rs.getString("notes")), answer == null ? null : SnapshotLine.Answer.valueOf(answer));
    }

    private static BigDecimal scaled(BigDecimal value) {
        return value == null ? null : value.setScale(2, java.math.RoundingMode.HALF_UP);
    }
}

package cn.vanguard.standings.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.vanguard.ledger.LedgerPosition;
import cn.vanguard.scheme.MemberFigures;
import cn.vanguard.scheme.MemberResult;
import cn.vanguard.scheme.MemberType;

/**
 * The standing tables as the refreshes, rebuilds and checks use them: with {@link RebuildRows} the only code that writes
 * them; what pages, the API and exports read of them is {@link StandingReads}.
 */
@Repository
public class StandingStore {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StandingStore.class);

    /** A result's {@link Headline}, as the standing row holds it. */
    static final String HEADLINE = "s.scored, s.reason, s.total, s.ranking, s.grade, s.graded, s.stars";
    /** A standing with its detail (figures and result), which only the rows read whole need. */
    static final String DETAILED = " from standing s join standing_detail d on d.cycle_year = s.cycle_year and d.member_id = s.member_id";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;
    private final Dialect dialect;

    StandingStore(JdbcClient jdbc, JdbcTemplate batch, Clock clock, Dialect dialect) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
        this.dialect = dialect;
    }

    /** The {@link #HEADLINE} columns of a row. */
    static Headline headline(ResultSet rs) throws SQLException {
        return new Headline(rs.getBoolean("scored"), rs.getString("reason"), rs.getBigDecimal("total"), integer(rs, "ranking"),
                rs.getString("grade"), rs.getBoolean("graded"), integer(rs, "stars"));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    /** What a population is re-ranked from: the stored figures and result of each member. */
    record Stored(long memberId, String memberCode, long unitId, long rankingUnitId, MemberFigures figures, String result,
                  Headline headline, MemberResult computed) {

        /**
         * @param result   the detail's text of the stored result ({@link Codec#result(MemberResult)}), empty before the
         *                 member's population was first ranked
         * @param headline the stored result's headline, as the standing row's columns hold it; null while
         *                 {@code result} is empty
         * @param computed the result the population phase last gave for this row on this node, of which {@code result}
         *                 and {@code headline} are the stored form; null when the row was read from the table
         */
        Stored {
        }

        /** A row without a result yet. */
        Stored(long memberId, String memberCode, long unitId, long rankingUnitId, MemberFigures figures) {
            this(memberId, memberCode, unitId, rankingUnitId, figures, "", null, null);
        }

        /** A row with the result this node's population phase gave it, stored as {@code result}. */
        Stored(long memberId, String memberCode, long unitId, long rankingUnitId, MemberFigures figures, String result,
               MemberResult computed) {
            this(memberId, memberCode, unitId, rankingUnitId, figures, result, Headline.of(computed), computed);
        }

        /** Whether this row's stored result is the given one: its headline and its detail's text. */
        boolean holds(MemberResult r) {
            return computed != null ? computed.equals(r)
                    : headline != null && headline.equals(Headline.of(r)) && result.equals(Codec.result(r));
        }
    }

    /** Where a member's stored standing is: the population (scheme version) and the ranking unit in it. */
    record Placed(long version, long rankingUnitId) {
    }

    /** Member id → where their stored standing is, for those who have one. */
    Map<Long, Placed> placed(int year, Collection<Long> memberIds) {
        Map<Long, Placed> placed = new HashMap<>();
        for (List<Long> chunk : chunks(new ArrayList<>(memberIds))) {
            jdbc.sql("select member_id, scheme_version_id, ranking_unit_id from standing where cycle_year = :y and member_id in (:ids)")
                    .param("y", year).param("ids", chunk)
                    .query((rs, n) -> placed.put(rs.getLong(1), new Placed(rs.getLong(2), rs.getLong(3)))).list();
        }
        return placed;
    }

    /** Member id → the scheme version of their stored standing, for those who have one. */
    Map<Long, Long> versions(int year, Collection<Long> memberIds) {
        Map<Long, Long> versions = new HashMap<>();
        placed(year, memberIds).forEach((member, p) -> versions.put(member, p.version()));
        return versions;
    }

    /** A population's stamp before this transaction took its lock, and the one it wrote (see {@link PopulationCache}). */
    record Locked(long previous, long next) {
    }

    /**
     * Takes the population's lock for the rest of the transaction (creating its row when new): refreshes of one
     * population run one after the other, each reading what the one before committed. Writes a new random stamp, which
     * names the population's state once this transaction commits; returns it with the stamp found (0 for a new
     * population), which figures read before this transaction must carry to be current.
     */
    Locked lock(int year, long version) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        long next = java.util.concurrent.ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        int updated = jdbc.sql("update standing_population set refreshed_at = :now where cycle_year = :y and scheme_version_id = :v")
                .param("now", now).param("y", year).param("v", version).update();
        if (updated == 0) {
            jdbc.sql("insert into standing_population (cycle_year, scheme_version_id, refreshed_at, stamp) values (:y, :v, :now, :s)")
                    .param("now", now).param("y", year).param("v", version).param("s", next).update();
            return new Locked(0, next);
        }
        long previous = jdbc.sql("select stamp from standing_population where cycle_year = :y and scheme_version_id = :v")
                .param("y", year).param("v", version).query(Long.class).single();
        jdbc.sql("update standing_population set stamp = :s where cycle_year = :y and scheme_version_id = :v")
                .param("s", next).param("y", year).param("v", version).update();
        return new Locked(previous, next);
    }

    /** The population's stamp as last committed (0 for a population never refreshed). */
    long stamp(int year, long version) {
        return jdbc.sql("select stamp from standing_population where cycle_year = :y and scheme_version_id = :v")
                .param("y", year).param("v", version).query(Long.class).optional().orElse(0L);
    }

    /** Writes a member's figures (the result follows when their population is re-ranked). */
    void putFigures(int year, long memberId, long version, String code, String name, MemberType type, long unitId, long rankingUnitId,
                    MemberFigures figures, LedgerPosition position) {
        String json = Codec.figures(figures);
        OffsetDateTime now = OffsetDateTime.now(clock);
        int updated = jdbc.sql("""
                update standing set scheme_version_id = :v, member_code = :code, member_name = :name, member_type = :type, unit_id = :unit,
                    ranking_unit_id = :ru, ledger_entries = :entries, ledger_id_sum = :sum, updated_at = :now
                where cycle_year = :y and member_id = :m""")
                .param("v", version).param("code", code).param("name", name).param("type", type.name()).param("unit", unitId)
                .param("ru", rankingUnitId).param("entries", position.entries()).param("sum", position.idSum())
                .param("now", now).param("y", year).param("m", memberId).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into standing (cycle_year, member_id, scheme_version_id, member_code, member_name, member_type, unit_id,
                        ranking_unit_id, ranking_unit_label, scored, graded, ledger_entries, ledger_id_sum, updated_at)
                    values (:y, :m, :v, :code, :name, :type, :unit, :ru, '', false, false, :entries, :sum, :now)""")
                    .param("v", version).param("code", code).param("name", name).param("type", type.name()).param("unit", unitId)
                    .param("ru", rankingUnitId).param("entries", position.entries()).param("sum", position.idSum())
                    .param("now", now).param("y", year).param("m", memberId).update();
            jdbc.sql("insert into standing_detail (cycle_year, member_id, figures, result) values (:y, :m, :figures, '')")
                    .param("y", year).param("m", memberId).param("figures", json).update();
        } else {
            jdbc.sql("update standing_detail set figures = :figures where cycle_year = :y and member_id = :m")
                    .param("y", year).param("m", memberId).param("figures", json).update();
        }
    }

    /**
     * After a rebuild has committed, on PostgreSQL: clears the rows it replaced and samples the tables anew
     * ({@code VACUUM (ANALYZE)}, which cannot run inside a transaction). Until then a committee's ranking read its index
     * and then the table for every entry (the new rows not yet marked visible to all: 64 → 220 ms a page), and plans
     * made on the old statistics went wrong. Elsewhere nothing.
     */
    public void tidyAfterRebuild() {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("VACUUM runs outside a transaction");
        }
        if (dialect.postgres()) {
            // the detail too, not left to autovacuum (which a server may run late or not at all): a rebuild that replaced
            // every row (the first after V19) left 100,000 dead ones, which the next rebuild's read of the stored rows
            // scanned (a 619 MB table for 63 MB of rows after a few such rebuilds, without autovacuum). A rebuild that
            // replaced nothing leaves nothing to clear: a few milliseconds; one that replaced everything, about 2 s.
            batch.execute("vacuum (analyze) standing");
            batch.execute("vacuum (analyze) standing_detail");
        }
    }

    void delete(int year, long memberId) {
        jdbc.sql("delete from standing_detail where cycle_year = :y and member_id = :m").param("y", year).param("m", memberId).update();
        jdbc.sql("delete from standing where cycle_year = :y and member_id = :m").param("y", year).param("m", memberId).update();
    }

    /**
     * The first step of a rebuild: every population row of the cycle locked, its stamp raised, so that a snapshot of
     * the figures about to be deleted is never current again (the rows stay).
     */
    void retireYear(int year) {
        jdbc.sql("update standing_population set stamp = stamp + 1 where cycle_year = :y").param("y", year).update();
    }

    /** The cycle's stored standings deleted (a rebuild that finds no scheme for the cycle, after {@link #retireYear}). */
    void deleteRows(int year) {
        jdbc.sql("delete from standing_detail where cycle_year = :y").param("y", year).update();
        jdbc.sql("delete from standing where cycle_year = :y").param("y", year).update();
    }

    /** Every member of a population with their stored figures, in no particular order. */
    List<Stored> population(int year, long version) {
        return jdbc.sql("select s.member_id, s.member_code, s.unit_id, s.ranking_unit_id, d.figures, d.result, " + HEADLINE + DETAILED
                        + " where s.cycle_year = :y and s.scheme_version_id = :v")
                .param("y", year).param("v", version)
                .query((rs, n) -> {
                    String result = rs.getString(6);
                    return new Stored(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), Codec.figures(rs.getString(5)), result,
                            result.isEmpty() ? null : headline(rs), null);
                }).list();
    }

    /** A member's new result, and its detail's text when that changed too (else null: only the headline moved). */
    record NewResult(MemberResult result, String detail) {
    }

    /**
     * Writes the results that changed: every one's headline into its standing row, the detail only where it changed (a
     * member overtaken by another has a new rank, and nothing else).
     */
    void putResults(int year, Map<Long, NewResult> changed) {
        if (changed.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Object[]> details = new ArrayList<>();
        changed.forEach((memberId, n) -> {
            if (n.detail() != null) {
                details.add(new Object[] {n.detail(), year, memberId});
            }
        });
        if (dialect.postgres()) {
            putHeadlines(year, changed, now);
        } else {
            List<Object[]> rows = new ArrayList<>();
            changed.forEach((memberId, n) -> {
                MemberResult r = n.result();
                rows.add(new Object[] {r.member().unit(), r.scored(), r.reason(), r.total(), r.grade(), r.graded(), r.rank(), r.stars(), now,
                        year, memberId});
            });
            batch.batchUpdate("""
                    update standing set ranking_unit_label = ?, scored = ?, reason = ?, total = ?, grade = ?, graded = ?, ranking = ?,
                        stars = ?, updated_at = ? where cycle_year = ? and member_id = ?""", rows);
        }
        if (!details.isEmpty()) {
            batch.batchUpdate("update standing_detail set result = ? where cycle_year = ? and member_id = ?", details);
        }
    }

    /**
     * On PostgreSQL, the headlines in one statement, a column an array: the rows a member's deduction moves in their
     * branch (about 300 of 1,000) took 7–13 ms as a batch of single-row updates, 6–7 ms so (docs/performance.md).
     */
    private void putHeadlines(int year, Map<Long, NewResult> changed, OffsetDateTime now) {
        int n = changed.size();
        Object[][] columns = new Object[9][n];
        int i = 0;
        for (Map.Entry<Long, NewResult> e : changed.entrySet()) {
            MemberResult r = e.getValue().result();
            Object[] row = {e.getKey(), r.member().unit(), r.scored(), r.reason(), r.total(), r.grade(), r.graded(), r.rank(), r.stars()};
            for (int c = 0; c < row.length; c++) {
                columns[c][i] = row[c];
            }
            i++;
        }
        String[] types = {"int8", "text", "bool", "text", "numeric", "text", "bool", "int4", "int4"};
        batch.execute((java.sql.Connection c) -> {
            try (java.sql.PreparedStatement update = c.prepareStatement("""
                    update standing s set ranking_unit_label = u.label, scored = u.scored, reason = u.reason, total = u.total,
                        grade = u.grade, graded = u.graded, ranking = u.ranking, stars = u.stars, updated_at = ?
                    from unnest(?::int8[], ?::text[], ?::bool[], ?::text[], ?::numeric[], ?::text[], ?::bool[], ?::int4[], ?::int4[])
                        as u(member_id, label, scored, reason, total, grade, graded, ranking, stars)
                    where s.cycle_year = ? and s.member_id = u.member_id""")) {
                update.setObject(1, now);
                for (int col = 0; col < columns.length; col++) {
                    update.setArray(col + 2, c.createArrayOf(types[col], columns[col]));
                }
                update.setInt(columns.length + 2, year);
                return update.executeUpdate();
            }
        });
    }

    /** The ids of every member with a stored standing in a cycle. */
    List<Long> memberIds(int year) {
        return jdbc.sql("select member_id from standing where cycle_year = :y").param("y", year).query(Long.class).list();
    }

    /** The cycles that have stored standings. */
    List<Integer> years() {
        return jdbc.sql("select distinct cycle_year from standing order by cycle_year").query(Integer.class).list();
    }

    /** What the staleness check needs of a stored standing: its population, its ledger position, whether it has a result. */
    record Kept(long version, LedgerPosition position, boolean ranked) {
    }

    /**
     * Member id → {@link Kept} of every stored standing of a cycle, for finding stale ones at start-up: no figures or
     * results are read or parsed (a committee's 100,000 results took seconds to decode for one emptiness test).
     */
    Map<Long, Kept> kept(int year) {
        Map<Long, Kept> kept = new HashMap<>();
        jdbc.sql("""
                select s.member_id, s.scheme_version_id, s.ledger_entries, s.ledger_id_sum, case when d.result = '' then 0 else 1 end
                from standing s join standing_detail d on d.cycle_year = s.cycle_year and d.member_id = s.member_id
                where s.cycle_year = :y""").param("y", year)
                .query((rs, n) -> kept.put(rs.getLong(1), new Kept(rs.getLong(2), new LedgerPosition(rs.getLong(3), rs.getLong(4)),
                        rs.getInt(5) == 1))).list();
        return kept;
    }

    static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> chunks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 500) {
            chunks.add(ids.subList(i, Math.min(ids.size(), i + 500)));
        }
        return chunks;
    }
}

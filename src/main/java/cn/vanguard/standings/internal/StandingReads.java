package cn.vanguard.standings.internal;

import static cn.vanguard.standings.internal.StandingStore.DETAILED;
import static cn.vanguard.standings.internal.StandingStore.HEADLINE;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.vanguard.ledger.LedgerPosition;
import cn.vanguard.scheme.MemberType;
import cn.vanguard.standings.Standing;
import cn.vanguard.standings.StandingsPage;
import cn.vanguard.standings.StandingsQuery;

/**
 * What pages, the API and exports read of the standing tables: a member's standing, a unit's, a page of a ranking with
 * its distribution, every row of one in order, the bands of its totals. Reads only; {@link StandingStore} keeps them.
 */
@Repository
public class StandingReads {

    private static final String COLUMNS = "s.cycle_year, s.member_id, s.member_code, s.member_name, s.member_type, s.unit_id, "
            + "s.scheme_version_id, s.ranking_unit_id, " + HEADLINE + ", d.result, s.ledger_entries, s.ledger_id_sum";

    private final JdbcClient jdbc;
    private final Dialect dialect;

    StandingReads(JdbcClient jdbc, Dialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    private static Standing standing(ResultSet rs, int n) throws SQLException {
        String result = rs.getString("result");
        return new Standing(rs.getInt("cycle_year"), rs.getLong("member_id"), rs.getString("member_code"), rs.getString("member_name"),
                MemberType.valueOf(rs.getString("member_type")), rs.getLong("unit_id"), rs.getLong("scheme_version_id"),
                rs.getLong("ranking_unit_id"), result.isEmpty() ? null : Codec.result(StandingStore.headline(rs), result),
                new LedgerPosition(rs.getLong("ledger_entries"), rs.getLong("ledger_id_sum")));
    }

    public Optional<Standing> get(int year, long memberId) {
        return jdbc.sql("select " + COLUMNS + DETAILED + " where s.cycle_year = :y and s.member_id = :m")
                .param("y", year).param("m", memberId).query(StandingReads::standing).optional();
    }

    /**
     * The ranking units of a cycle (each branch, or a committee ranking everybody together), each with the scheme version
     * most of its members are scored under.
     */
    public Map<Long, Long> rankingUnits(int year) {
        Map<Long, Long> versions = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                select ranking_unit_id, scheme_version_id, count(*) n from standing where cycle_year = :y
                group by ranking_unit_id, scheme_version_id order by ranking_unit_id, n desc, scheme_version_id""")
                .param("y", year).query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2))).list()
                .forEach(e -> versions.putIfAbsent(e.getKey(), e.getValue()));
        return versions;
    }

    /** The scheme version most of a ranking unit's members are scored under in a cycle (as {@link #rankingUnits} picks it). */
    public Optional<Long> versionOfRankingUnit(int year, long rankingUnitId) {
        return jdbc.sql("""
                select scheme_version_id from standing where cycle_year = :y and ranking_unit_id = :u
                group by scheme_version_id order by count(*) desc, scheme_version_id""")
                .param("y", year).param("u", rankingUnitId).query(Long.class).list().stream().findFirst();
    }

    /** Whether anybody is scored under a scheme version in a cycle. */
    public boolean anyUnder(int year, long schemeVersionId) {
        return !jdbc.sql("select member_id from standing where cycle_year = :y and scheme_version_id = :v fetch first 1 rows only")
                .param("y", year).param("v", schemeVersionId).query(Long.class).list().isEmpty();
    }

    /** The stored results of a ranking unit's members in a cycle, by member code. */
    public List<Standing> ofRankingUnit(int year, long rankingUnitId) {
        return jdbc.sql("select " + COLUMNS + DETAILED + " where s.cycle_year = :y and s.ranking_unit_id = :u order by s.member_code")
                .param("y", year).param("u", rankingUnitId).query(StandingReads::standing).list();
    }

    public List<Standing> ofUnits(int year, List<Long> unitIds) {
        List<Standing> rows = new ArrayList<>();
        for (List<Long> chunk : StandingStore.chunks(unitIds)) {
            rows.addAll(jdbc.sql("select " + COLUMNS + DETAILED + " where s.cycle_year = :y and s.unit_id in (:units)")
                    .param("y", year).param("units", chunk).query(StandingReads::standing).list());
        }
        return rows;
    }

    /**
     * Every row of a query in its order, from a cursor ({@code fetchSize} rows a round trip, inside the caller's
     * read-only transaction so PostgreSQL keeps the cursor open): never all rows in memory at once.
     */
    public void each(StandingsQuery q, String pattern, java.util.function.Consumer<Standing> each) {
        if (q.unitIds().isEmpty()) {
            return;
        }
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = where(q, pattern, params);
        tuneForCommittee();
        try (java.util.stream.Stream<Standing> rows = jdbc.sql("select " + COLUMNS + DETAILED + where + " order by " + q.sort().orderBy())
                .params(params).withFetchSize(500).query(StandingReads::standing).stream()) {
            rows.forEach(each);
        }
    }

    private static StringBuilder where(StandingsQuery q, String pattern, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" where s.cycle_year = :y and s.unit_id in (:units)");
        params.put("y", q.year());
        params.put("units", q.unitIds());
        if (q.type() != null) {
            where.append(" and s.member_type = :type");
            params.put("type", q.type().name());
        }
        if (pattern != null) {
            where.append(" and (lower(s.member_name) like :p escape '\\' or lower(s.member_code) like :p escape '\\')");
            params.put("p", pattern);
        }
        return where;
    }

    /** A page of a query; {@code pattern} is a LIKE pattern of lower-case text, or null. */
    public StandingsPage page(StandingsQuery q, String pattern) {
        if (q.unitIds().isEmpty()) {
            return new StandingsPage(List.of(), 0, new StandingsPage.Summary(0, 0, null, null, null, Map.of(), Map.of()));
        }
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = where(q, pattern, params);
        tuneForCommittee();
        // the order is found on the narrow sort columns alone, then only the page's rows are read whole: sorting whole rows
        // (their figures and results) of a committee spilled to disk
        List<Standing> rows = jdbc.sql("select " + COLUMNS + DETAILED + " join (select s.member_id from standing s" + where + " order by "
                        + q.sort().orderBy() + " limit :limit offset :offset) k on s.member_id = k.member_id where s.cycle_year = :y"
                        + " order by " + q.sort().orderBy())
                .params(params).param("limit", q.size()).param("offset", (long) q.page() * q.size())
                .query(StandingReads::standing).list();
        return new StandingsPage(rows, 0, null).withSummary(summary(where, params));
    }

    /**
     * On PostgreSQL, for the rest of the page's transaction: no JIT compilation (its 15–70 ms of compiling paid off on
     * none of these queries: they read a committee's 100,000 narrow rows in tens of milliseconds) and room to sort a
     * committee in memory (the default 4 MB spilled a sort by total to disk). Elsewhere nothing.
     */
    private void tuneForCommittee() {
        if (dialect.postgres() && TransactionSynchronizationManager.isActualTransactionActive()) {
            jdbc.sql("set local jit = off").update();
            jdbc.sql("set local work_mem = '32MB'").update();
        }
    }

    /**
     * The distribution of everybody a query matches, in one pass over the table: PostgreSQL groups by grade and stars
     * (a handful of groups), and the groups are added up here — three separate aggregates cost three scans.
     */
    private StandingsPage.Summary summary(StringBuilder where, Map<String, Object> params) {
        long[] members = {0};
        long[] scored = {0};
        long[] totals = {0};
        BigDecimal[] sum = {BigDecimal.ZERO};
        BigDecimal[] highest = {null};
        BigDecimal[] lowest = {null};
        java.util.TreeMap<String, Long> grades = new java.util.TreeMap<>();
        java.util.TreeMap<Integer, Long> stars = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
        jdbc.sql("select s.grade, s.stars, count(*), sum(case when s.scored then 1 else 0 end), count(s.total), sum(s.total), max(s.total), "
                        + "min(s.total) from standing s" + where + " group by s.grade, s.stars").params(params)
                .query((RowCallbackHandlerAdapter) rs -> {
                    long n = rs.getLong(3);
                    members[0] += n;
                    scored[0] += rs.getLong(4);
                    totals[0] += rs.getLong(5);
                    if (rs.getBigDecimal(6) != null) {
                        sum[0] = sum[0].add(rs.getBigDecimal(6));
                    }
                    BigDecimal max = rs.getBigDecimal(7);
                    BigDecimal min = rs.getBigDecimal(8);
                    if (max != null && (highest[0] == null || max.compareTo(highest[0]) > 0)) {
                        highest[0] = max;
                    }
                    if (min != null && (lowest[0] == null || min.compareTo(lowest[0]) < 0)) {
                        lowest[0] = min;
                    }
                    String grade = rs.getString(1);
                    if (grade != null) {
                        grades.merge(grade, n, Long::sum);
                    }
                    int star = rs.getInt(2);
                    if (!rs.wasNull()) {
                        stars.merge(star, n, Long::sum);
                    }
                });
        BigDecimal average = totals[0] == 0 ? null : sum[0].divide(BigDecimal.valueOf(totals[0]), 2, java.math.RoundingMode.HALF_UP);
        return new StandingsPage.Summary(members[0], scored[0], average, highest[0], lowest[0], new LinkedHashMap<>(grades),
                new LinkedHashMap<>(stars));
    }

    /**
     * How many of a query's scored members have a total in each band of {@code width} points, by the band's lowest total
     * (a total of 85.5 with width 10 is in the band 80): one grouped pass over the table.
     */
    public Map<Integer, Long> bands(StandingsQuery q, int width) {
        if (q.unitIds().isEmpty()) {
            return Map.of();
        }
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = where(q, null, params);
        Map<Integer, Long> bands = new java.util.TreeMap<>();
        if (width < 1 || width > 1000) {
            throw new IllegalArgumentException("a band of " + width + " points");
        }
        // the width written into the statement (an int checked above): PostgreSQL groups by an expression only when the
        // select list has the very same one, and two parameters are two expressions to it
        String band = "cast(floor(s.total / " + width + ") as integer)";
        jdbc.sql("select " + band + ", count(*) from standing s" + where + " and s.scored and s.total is not null group by " + band)
                .params(params)
                .query((RowCallbackHandlerAdapter) rs -> bands.put(rs.getInt(1) * width, rs.getLong(2)));
        return bands;
    }

    /** A row callback as a lambda, for {@code JdbcClient}'s {@code query(RowCallbackHandler)}. */
    private interface RowCallbackHandlerAdapter extends org.springframework.jdbc.core.RowCallbackHandler {
    }
}

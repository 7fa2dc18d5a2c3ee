package cn.vanguard.standings.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.vanguard.ledger.LedgerPosition;
import cn.vanguard.scheme.MemberFigures;
import cn.vanguard.scheme.MemberResult;
import cn.vanguard.scheme.MemberType;

/**
 * What a rebuild writes into the standing tables: only what differs from what is stored. The cycle's stored rows are
 * read once the first population is scored and ranked (on the transaction's connection); each rebuilt row is compared
 * with its stored one, column by column and by the MD5 of its figures and of its result. A row that differs is deleted and inserted again,
 * a new one inserted (on PostgreSQL by {@code COPY}), one that no population holds any more deleted, and one equal to
 * what is stored left alone, its {@code updated_at} too. A rebuild over data that changed nothing
 * writes nothing; one over an empty table inserts every row. Together with {@link StandingStore}, the only code that
 * writes the standing tables.
 */
@Repository
class RebuildRows {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RebuildRows.class);

    private static final String INSERTED = "cycle_year, member_id, scheme_version_id, member_code, member_name, member_type, unit_id, "
            + "ranking_unit_id, ranking_unit_label, scored, reason, total, grade, graded, ranking, stars, ledger_entries, ledger_id_sum, "
            + "updated_at";
    private static final String DETAIL = "cycle_year, member_id, figures, result";
    /** The columns a stored row is compared by: those of {@link #INSERTED} from the scheme version to the ledger position. */
    private static final String COMPARED = "s.scheme_version_id, s.member_code, s.member_name, s.member_type, s.unit_id, s.ranking_unit_id, "
            + "s.ranking_unit_label, s.scored, s.reason, s.total, s.grade, s.graded, s.ranking, s.stars, s.ledger_entries, s.ledger_id_sum";
    private static final int FIRST = 2;
    private static final int LAST = 17;
    /** How many columns are compared; a stored row holds them, then the digests of its figures and result. */
    private static final int COMPARED_COLUMNS = LAST - FIRST + 1;
    /** Members deleted by one statement. */
    private static final int DELETED_AT_ONCE = 1_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;
    private final Dialect dialect;

    RebuildRows(JdbcClient jdbc, JdbcTemplate batch, Clock clock, Dialect dialect) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
        this.dialect = dialect;
    }

    /** A member's rebuilt figures, before their population is ranked. */
    record NewFigures(long memberId, String code, String name, MemberType type, long unitId, long rankingUnitId, MemberFigures figures,
                      LedgerPosition position) {
    }

    /**
     * The cycle's stored rows by member, as a rebuild compares them: the compared columns, then the {@link #md5} of the
     * figures and of the result as stored (null without a detail row). The rebuild takes out each row it writes or
     * keeps; what is left belongs to nobody any more ({@link #deleteLeft}).
     */
    Map<Long, Object[]> stored(int year) {
        Map<Long, Object[]> stored = new HashMap<>();
        int compared = COMPARED_COLUMNS;
        // PostgreSQL sends the digests of the detail's texts, not their 70 MB for a committee; elsewhere they are
        // digested here (H2 has no md5)
        boolean digested = dialect.postgres();
        jdbc.sql("select s.member_id, " + COMPARED + (digested ? ", md5(d.figures), md5(d.result)" : ", d.figures, d.result")
                        + " from standing s left join standing_detail d on d.cycle_year = s.cycle_year and d.member_id = s.member_id"
                        + " where s.cycle_year = :y")
                .param("y", year).query((ResultSet rs, int n) -> {
                    Object[] row = new Object[compared + 2];
                    for (int i = 0; i < compared; i++) {
                        row[i] = rs.getObject(i + 2);
                    }
                    // text columns as strings on every database (H2 gives a text column as a CLOB)
                    String figures = rs.getString(compared + 2);
                    String result = rs.getString(compared + 3);
                    row[compared] = digested || figures == null ? figures : md5(figures);
                    row[compared + 1] = digested || result == null ? result : md5(result);
                    return stored.put(rs.getLong(1), row);
                }).list();
        return stored;
    }

    /** The MD5 of a text's UTF-8 bytes in lower-case hex, as PostgreSQL's {@code md5(text)} gives it in a UTF-8 database. */
    static String md5(String text) {
        return HEX.formatHex(MD5.get().digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static final java.util.HexFormat HEX = java.util.HexFormat.of();
    /** A digest per thread: looking the algorithm up cost more than digesting a row. */
    private static final ThreadLocal<java.security.MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return java.security.MessageDigest.getInstance("MD5");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    });

    /**
     * Writes a rebuilt population's rows, each with its figures and its result from the population as ranked, where
     * they differ from {@code stored} (whose compared rows it takes out). Over an empty table on PostgreSQL the figures
     * are encoded on every core while PostgreSQL takes the {@code standing} rows (which need none).
     */
    void write(int year, long version, List<NewFigures> rows, Population ranked, Map<Long, Object[]> stored) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        long started = System.nanoTime();
        CompletableFuture<List<String>> figures = CompletableFuture.supplyAsync(
                () -> rows.parallelStream().map(r -> Codec.figures(r.figures())).toList());
        List<Object[]> args = new ArrayList<>(rows.size());
        List<String> results = new ArrayList<>(rows.size());
        for (NewFigures r : rows) {
            StandingStore.Stored row = ranked.part(r.rankingUnitId()).get(r.memberId());
            MemberResult m = row.computed();
            args.add(new Object[] {year, r.memberId(), version, r.code(), r.name(), r.type().name(), r.unitId(), r.rankingUnitId(),
                    m.member().unit(), m.scored(), m.reason(), m.total(), m.grade(), m.graded(), m.rank(), m.stars(),
                    r.position().entries(), r.position().idSum(), now});
            results.add(row.result());
        }
        if (stored.isEmpty()) {
            insert(args, figures, results);
            LOG.debug("{} standings of version #{} inserted into an empty cycle in {} ms", rows.size(), version,
                    (System.nanoTime() - started) / 1_000_000);
            return;
        }
        long joined = System.nanoTime();
        List<String> encoded = figures.join();
        List<String> digests = encoded.parallelStream().map(RebuildRows::md5).toList();
        List<String> resultDigests = results.parallelStream().map(RebuildRows::md5).toList();
        long encodedAt = System.nanoTime();
        List<Object[]> changed = new ArrayList<>();
        List<String> changedFigures = new ArrayList<>();
        List<String> changedResults = new ArrayList<>();
        List<Long> replaced = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Object[] old = stored.remove(rows.get(i).memberId());
            if (old != null && same(args.get(i), digests.get(i), resultDigests.get(i), old)) {
                continue;
            }
            if (old != null) {
                replaced.add(rows.get(i).memberId());
            }
            changed.add(args.get(i));
            changedFigures.add(encoded.get(i));
            changedResults.add(results.get(i));
        }
        long compared = System.nanoTime();
        delete(year, replaced);
        insert(changed, CompletableFuture.completedFuture(changedFigures), changedResults);
        LOG.debug("{} standings of version #{}: {} as stored, {} replaced, {} new; rows made in {} ms, figures encoded and digested {} ms "
                  + "later, compared in {} ms, written in {} ms", rows.size(), version, rows.size() - changed.size(), replaced.size(),
                changed.size() - replaced.size(), (joined - started) / 1_000_000, (encodedAt - joined) / 1_000_000,
                (compared - encodedAt) / 1_000_000, (System.nanoTime() - compared) / 1_000_000);
    }

    /** Deletes the stored rows no rebuilt population took out of {@code stored}: members scored by no scheme any more. */
    void deleteLeft(int year, Map<Long, Object[]> stored) {
        delete(year, new ArrayList<>(stored.keySet()));
        if (!stored.isEmpty()) {
            LOG.debug("{} standings of members no longer scored deleted", stored.size());
        }
        stored.clear();
    }

    /** Whether a rebuilt row equals the stored one in every compared column and the digests of its figures and result. */
    private static boolean same(Object[] row, String figures, String result, Object[] old) {
        for (int i = FIRST; i <= LAST; i++) {
            if (!same(row[i], old[i - FIRST])) {
                return false;
            }
        }
        return figures.equals(old[COMPARED_COLUMNS]) && result.equals(old[COMPARED_COLUMNS + 1]);
    }

    /** Equal as stored: numbers by value (a numeric column gives back its scale, an int column an Integer), the rest as they are. */
    static boolean same(Object value, Object stored) {
        if (value == null || stored == null) {
            return value == stored;
        }
        if (value instanceof BigDecimal a && stored instanceof BigDecimal b) {
            return a.compareTo(b) == 0;
        }
        if (value instanceof Number a && stored instanceof Number b && !(a instanceof BigDecimal) && !(b instanceof BigDecimal)) {
            return a.longValue() == b.longValue();
        }
        return value.equals(stored);
    }

    private void delete(int year, List<Long> members) {
        for (int from = 0; from < members.size(); from += DELETED_AT_ONCE) {
            List<Long> part = members.subList(from, Math.min(members.size(), from + DELETED_AT_ONCE));
            jdbc.sql("delete from standing_detail where cycle_year = :y and member_id in (:ids)").param("y", year).param("ids", part).update();
            jdbc.sql("delete from standing where cycle_year = :y and member_id in (:ids)").param("y", year).param("ids", part).update();
        }
    }

    /**
     * Inserts rows: on PostgreSQL by COPY, the {@code standing} rows first while the figures may still be encoding,
     * then the {@code standing_detail} rows; elsewhere in one JDBC batch each.
     */
    private void insert(List<Object[]> args, CompletableFuture<List<String>> figures, List<String> results) {
        if (args.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        boolean copy = dialect.postgres();
        if (copy) {
            batch.execute((java.sql.Connection c) -> RowCopy.into(c, "standing", INSERTED, args));
        }
        long standings = System.nanoTime();
        List<String> encoded = figures.join();
        List<Object[]> details = new ArrayList<>(args.size());
        for (int i = 0; i < args.size(); i++) {
            details.add(new Object[] {args.get(i)[0], args.get(i)[1], encoded.get(i), results.get(i)});
        }
        long encodedAt = System.nanoTime();
        if (copy) {
            batch.execute((java.sql.Connection c) -> RowCopy.into(c, "standing_detail", DETAIL, details));
        } else {
            batch.batchUpdate("insert into standing (" + INSERTED + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", args);
            batch.batchUpdate("insert into standing_detail (" + DETAIL + ") values (?, ?, ?, ?)", details);
        }
        LOG.debug("{} standings written in {} ms (figures encoded meanwhile, waited for {} ms), their details in {} ms", args.size(),
                (standings - started) / 1_000_000, (encodedAt - standings) / 1_000_000, (System.nanoTime() - encodedAt) / 1_000_000);
    }
}

package cn.vanguard.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;

import cn.vanguard.ledger.internal.CountingRows;

/**
 * Whole-cycle reads of the ledger for scoring everybody at once: the positions of all members (for finding stale
 * stored results) and every counting entry, each in one query over the cycle rather than in chunks of members.
 */
@Service
public class LedgerPositions {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LedgerPositions.class);

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    public LedgerPositions(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /**
     * Every entry that counts in the cycle (as {@link Ledger#counting}), grouped by member, read at once as the current
     * transaction sees the ledger: on PostgreSQL inside a transaction, in {@link #streams()} {@code COPY} streams on as
     * many more connections of the pool, all in the transaction's snapshot; else on the transaction's connection alone.
     */
    public CycleEntries counting(int year) {
        return counting(year, streams());
    }

    /**
     * The same in {@code streams} streams (1: on the transaction's connection alone); falls back to one when the pool
     * cannot lend the other connections at once, when there is no transaction or the database is not PostgreSQL.
     */
    public CycleEntries counting(int year, int streams) {
        try (Reading reading = reading(year, streams)) {
            return reading.get();
        }
    }

    /**
     * Starts {@link #counting(int)}: where it reads in several streams, they run on their own connections and threads
     * from now on, in the snapshot of now, and the transaction's connection is free for other statements (of other
     * tables) until {@link Reading#get}; otherwise the one stream reads when asked. Close it in any case.
     */
    public Reading countingMeanwhile(int year) {
        return reading(year, streams());
    }

    private Reading reading(int year, int streams) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        List<Connection> helpers = new ArrayList<>();
        try {
            if (streams > 1 && connection.isWrapperFor(org.postgresql.PGConnection.class) && !connection.getAutoCommit()) {
                try {
                    while (helpers.size() < streams) {
                        helpers.add(dataSource.getConnection());
                    }
                } catch (SQLException e) {
                    LOG.warn("reading the cycle's entries in one stream: the pool lent {} of {} more connections ({})", helpers.size(), streams,
                            e.getMessage());
                    close(helpers);
                }
            }
            if (CountingRows.parallel(connection, helpers)) {
                return new Reading(year, helpers, CountingRows.start(connection, helpers, year));
            }
            return new Reading(year, helpers, null);
        } catch (SQLException | RuntimeException e) {
            close(helpers);
            throw e instanceof SQLException s ? new DataAccessResourceFailureException("reading the cycle's entries", s) : (RuntimeException) e;
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** A read of the cycle's counting entries under way (see {@link #countingMeanwhile}). */
    public final class Reading implements AutoCloseable {

        private final int year;
        private final List<Connection> helpers;
        private final CountingRows.Started started;
        private CycleEntries entries;

        private Reading(int year, List<Connection> helpers, CountingRows.Started started) {
            this.year = year;
            this.helpers = helpers;
            this.started = started;
        }

        /** The entries, once every stream has ended (read now, on the transaction's connection, where there is one). */
        public CycleEntries get() {
            if (entries == null) {
                try {
                    if (started != null) {
                        entries = started.finish();
                    } else {
                        Connection connection = DataSourceUtils.getConnection(dataSource);
                        try {
                            entries = CountingRows.read(connection, year);
                        } finally {
                            DataSourceUtils.releaseConnection(connection, dataSource);
                        }
                    }
                } catch (SQLException e) {
                    throw new DataAccessResourceFailureException("reading the cycle's entries", e);
                } finally {
                    close();
                }
            }
            return entries;
        }

        /** Waits for the streams to end and hands their connections back. */
        @Override
        public void close() {
            if (started != null) {
                started.await();
            }
            LedgerPositions.close(helpers);
        }
    }

    private static void close(List<Connection> connections) {
        for (Connection c : connections) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.warn("closing a connection: {}", e.getMessage());
            }
        }
        connections.clear();
    }

    /**
     * How many streams {@link #counting(int)} reads in: one a core (two to four), and no more than a third of a Hikari
     * pool, so that the rest stays free for requests (one for a pool of fewer than six, e.g. the tests' pool of one).
     */
    int streams() {
        int cores = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
        try {
            if (dataSource.isWrapperFor(com.zaxxer.hikari.HikariConfigMXBean.class)) {
                int pool = dataSource.unwrap(com.zaxxer.hikari.HikariConfigMXBean.class).getMaximumPoolSize();
                return Math.max(1, Math.min(cores, pool / 3));
            }
        } catch (SQLException e) {
            return 1;
        }
        return cores;
    }

    /** Member id → position of the entries that count in the cycle (as {@link Ledger#counting}); members without any are absent. */
    public Map<Long, LedgerPosition> of(int year) {
        Map<Long, LedgerPosition> positions = new HashMap<>();
        jdbc.sql("""
                select e.member_id, count(*), sum(e.id) from ledger_entry e
                where e.status = 'APPROVED' and e.reverses_id is null and e.entry_date between :from and :to
                  and not exists (select 1 from ledger_entry r where r.reverses_id = e.id and r.status = 'APPROVED')
                group by e.member_id""")
                .param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year, 12, 31))
                .query((rs, n) -> positions.put(rs.getLong(1), new LedgerPosition(rs.getLong(2), rs.getLong(3)))).list();
        return positions;
    }
}

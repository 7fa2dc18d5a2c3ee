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

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    public LedgerPositions(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /**
     * Every entry that counts in the cycle (as {@link Ledger#counting}), grouped by member, read at once on the current
     * transaction's connection.
     */
    public CycleEntries counting(int year) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return CountingRows.read(connection, year);
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("reading the cycle's entries", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
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

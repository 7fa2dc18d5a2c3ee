package cn.vanguard.ledger;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The ledger's positions of all members in a cycle, in one grouped query: for finding stale stored results. */
@Service
public class LedgerPositions {

    private final JdbcClient jdbc;

    public LedgerPositions(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

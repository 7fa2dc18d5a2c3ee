package cn.vanguard.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Whole-cycle reads of the ledger for scoring everybody at once: the positions of all members (for finding stale
 * stored results) and every counting entry, each in one query over the cycle rather than in chunks of members.
 */
@Service
public class LedgerPositions {

    private final JdbcClient jdbc;

    public LedgerPositions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Member id → the entries that count for them in the cycle (as {@link Ledger#counting}), by date and id. */
    public Map<Long, List<Ledger.CountingEntry>> counting(int year) {
        Map<Long, List<Ledger.CountingEntry>> byMember = new HashMap<>();
        jdbc.sql("""
                select e.id, e.member_id, e.item_code, e.entry_date, e.quantity, e.points, e.occurrence from ledger_entry e
                where e.status = 'APPROVED' and e.reverses_id is null and e.entry_date between :from and :to
                  and not exists (select 1 from ledger_entry r where r.reverses_id = e.id and r.status = 'APPROVED')
                order by e.entry_date, e.id""")
                .param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year, 12, 31))
                .query((rs, n) -> new Ledger.CountingEntry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                        rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getString(7)))
                .stream().forEach(e -> byMember.computeIfAbsent(e.memberId(), k -> new ArrayList<>()).add(e));
        return byMember;
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

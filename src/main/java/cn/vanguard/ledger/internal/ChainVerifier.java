package cn.vanguard.ledger.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.vanguard.ledger.ChainCheck;
import cn.vanguard.ledger.ChainCheck.Broken;
import cn.vanguard.ledger.ChainCheck.Kind;
import cn.vanguard.ledger.ChainHead;

/**
 * Verifies the chains of the units given (null: all) unit by unit, in windows of sequence numbers (not a LIMIT, whose plan depends on fresh statistics) of links joined
 * to their rows, then looks for
 * entries of those units that no chain records at all (written into the database directly). Stops at the first problem.
 */
@Component
public class ChainVerifier {

    private static final int PAGE = 10_000;

    private final JdbcClient jdbc;

    ChainVerifier(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ChainCheck verify(Collection<Long> scope, List<ChainHead> kept) {
        Map<Long, Map<Long, String>> keptByUnit = new HashMap<>();
        for (ChainHead head : kept) {
            if (scope == null || scope.contains(head.unitId())) {
                keptByUnit.computeIfAbsent(head.unitId(), u -> new HashMap<>()).put(head.seq(), head.hash());
            }
        }
        TreeSet<Long> units = new TreeSet<>(jdbc.sql("select unit_id from ledger_chain_head union select distinct unit_id from ledger_chain")
                .query(Long.class).list());
        units.addAll(keptByUnit.keySet());
        if (scope != null) {
            units.retainAll(scope);
        }
        long entries = 0;
        long links = 0;
        long heads = 0;
        for (long unit : units) {
            ChainWalk walk = new ChainWalk(unit, keptByUnit.getOrDefault(unit, Map.of()));
            long last = 0;
            long end = jdbc.sql("select coalesce(max(seq), 0) from ledger_chain where unit_id = :u").param("u", unit).query(Long.class).single();
            boolean going = true;
            for (long from = 0; going && from < end; from += PAGE) {
                for (ChainWalk.Link link : page(unit, from)) {
                    links++;
                    last = link.seq();
                    if (!walk.next(link)) {
                        going = false;
                        break;
                    }
                }
            }
            Map<String, Object> head = jdbc.sql("select seq, hash from ledger_chain_head where unit_id = :u").param("u", unit)
                    .query().listOfRows().stream().findFirst().orElse(Map.of());
            Broken broken = walk.finish(head.isEmpty() ? null : ((Number) head.get("seq")).longValue(), (String) head.get("hash"));
            if (broken == null) {
                broken = walk.unreached(last);
            }
            Broken lost = broken != null && walk.gap() ? unchained(List.of(unit)) : null;
            if (lost != null) {
                broken = new Broken(lost.entryId(), lost.unitId(), broken.seq(), Kind.RECORDED, "记录", "链第 " + broken.seq()
                        + " 环缺失，这条记录的录入环节不在链上（链环被删除）");
            }
            if (broken != null) {
                return new ChainCheck(entries, links, heads, broken);
            }
            entries += walk.entries();
            heads += walk.headsChecked();
        }
        return new ChainCheck(entries, links, heads, unchained(scope));
    }

    private List<ChainWalk.Link> page(long unit, long after) {
        List<ChainWalk.Link> page = new ArrayList<>(PAGE);
        jdbc.sql("select c.seq, c.entry_id, c.kind, c.hash, c.groups, " + ChainRow.COLUMNS + " from ledger_chain c "
                        + "left join ledger_entry e on e.id = c.entry_id where c.unit_id = :u and c.seq > :s and c.seq <= :e order by c.seq")
                .param("u", unit).param("s", after).param("e", after + PAGE)
                .query(rs -> {
                    rs.getLong("id");
                    ChainRow row = rs.wasNull() ? null : ChainRow.read(rs);
                    page.add(new ChainWalk.Link(rs.getLong("seq"), rs.getLong("entry_id"), Kind.valueOf(rs.getString("kind")),
                            rs.getString("hash"), rs.getString("groups"), row));
                });
        return page;
    }

    /** The first entry of the scope that has no RECORDED link in any chain: written into the table behind the application. */
    private Broken unchained(Collection<Long> scope) {
        if (scope != null && scope.isEmpty()) {
            return null;
        }
        return jdbc.sql("select e.id, e.unit_id from ledger_entry e where " + (scope == null ? "" : "e.unit_id in (:units) and ")
                        + "not exists (select 1 from ledger_chain c where c.entry_id = e.id and c.kind = 'RECORDED') order by e.id limit 1")
                .param("units", scope == null ? List.of(0L) : List.copyOf(scope))
                .query((rs, n) -> new Broken(rs.getLong(1), rs.getLong(2), 0, Kind.RECORDED, "记录", "链上没有这条记录（未经系统直接写入数据库）"))
                .optional().orElse(null);
    }
}

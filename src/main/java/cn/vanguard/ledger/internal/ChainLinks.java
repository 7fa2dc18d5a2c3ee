package cn.vanguard.ledger.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.vanguard.Conflict;
import cn.vanguard.ledger.ChainCheck.Kind;
import cn.vanguard.ledger.EntryStatus;

/**
 * Appends the links of the entries written one at a time (recorded, declared, reversed, checked, decided, seeded) to
 * their unit's chain, in the transaction that wrote the row, from the row as the database returns it. An entry's links
 * all go to the chain of the unit it was recorded in, even after its member's transfer moved it to another unit.
 */
@Component
public class ChainLinks {

    private final JdbcClient jdbc;

    ChainLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The entry was just recorded, in the unit its row names. */
    public void recorded(long entryId) {
        ChainRow row = row(entryId);
        append(ChainHeads.lock(jdbc, row.unitId()), Kind.RECORDED, row);
    }

    /**
     * The entry just moved to {@code to}: 待审核 after a first check, or decided. An entry without a recorded link (written
     * into the table by hand, not recorded, imported or seeded here) is refused: its decision could not be chained, and
     * the change is rolled back with the transaction.
     */
    public void moved(long entryId, EntryStatus to) {
        long unit = jdbc.sql("select unit_id from ledger_chain where entry_id = :e and kind = 'RECORDED'").param("e", entryId)
                .query(Long.class).optional()
                .orElseThrow(() -> new Conflict("积分记录 #" + entryId + " 不是经本系统记录或导入的（账本中没有它的记录环节），不能审核；"
                        + "请管理员在“账本校验”中核对后处理"));
        ChainHeads.Head head = ChainHeads.lock(jdbc, unit);
        append(head, to == EntryStatus.PENDING ? Kind.CHECKED : Kind.DECIDED, row(entryId));
    }

    /**
     * A trusted seed written straight into its final state: its history as the review would have made it — recorded, a
     * declaration's first check when it went on, the decision.
     */
    public void seeded(long entryId) {
        ChainRow row = row(entryId);
        ChainHeads.Head head = ChainHeads.lock(jdbc, row.unitId());
        append(head, Kind.RECORDED, row);
        EntryStatus status = row.currentStatus();
        if (row.initialStatus() == EntryStatus.FIRST_CHECK && (status == EntryStatus.PENDING || status == EntryStatus.APPROVED)) {
            append(head, Kind.CHECKED, row);
        }
        if (!status.open()) {
            append(head, Kind.DECIDED, row);
        }
    }

    /**
     * Holds a unit's chain head (FOR UPDATE, its row made when the unit has no link yet) until the caller's transaction
     * ends, and gives it: no link is appended to the unit meanwhile.
     */
    public static cn.vanguard.ledger.ChainHead hold(JdbcClient jdbc, long unitId) {
        ChainHeads.Head head = ChainHeads.lock(jdbc, unitId);
        return new cn.vanguard.ledger.ChainHead(unitId, head.seq, head.hash);
    }

    /** The "previous hash" of a unit's first link. */
    public static String genesis(long unitId) {
        return ChainForm.genesis(unitId);
    }

    private ChainRow row(long entryId) {
        return jdbc.sql("select " + ChainRow.COLUMNS + " from ledger_entry e where e.id = :id").param("id", entryId)
                .query((rs, n) -> ChainRow.read(rs)).single();
    }

    private void append(ChainHeads.Head head, Kind kind, ChainRow row) {
        ChainForm.Form form = ChainForm.of(kind, head.unitId, row);
        head.seq++;
        head.hash = ChainForm.hash(head.hash, form);
        jdbc.sql("insert into ledger_chain (unit_id, seq, entry_id, kind, hash, groups) values (:u, :s, :e, :k, :h, :g)")
                .param("u", head.unitId).param("s", head.seq).param("e", row.id()).param("k", kind.name()).param("h", head.hash)
                .param("g", form.digests()).update();
        ChainHeads.store(jdbc, head);
    }
}

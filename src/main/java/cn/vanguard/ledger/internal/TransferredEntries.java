package cn.vanguard.ledger.internal;

import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.vanguard.audit.AuditLog;
import cn.vanguard.org.MemberTransferred;

/**
 * A transferred member's entries still under review (待初审, 待审核) go with them: the new unit checks and approves
 * them. Decided entries keep the unit they were recorded in as history; every decision is taken against the member's
 * unit now anyway ({@link EntryRows#SELECT}). Runs inside the transfer's transaction and is audited there.
 */
@Component
public class TransferredEntries {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    TransferredEntries(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @EventListener
    void moveOpenEntries(MemberTransferred transfer) {
        List<Long> open = jdbc.sql("select id from ledger_entry where member_id = :m and status in ('FIRST_CHECK', 'PENDING') order by id")
                .param("m", transfer.memberId()).query(Long.class).list();
        if (open.isEmpty()) {
            return;
        }
        // the version moves too: a reviewer of the old unit who read the entry before cannot decide on it any more
        jdbc.sql("update ledger_entry set unit_id = :to, version = version + 1 where id in (:ids)")
                .param("to", transfer.toUnitId()).param("ids", open).update();
        audit.record(transfer.actor(), "ENTRIES_MOVED", "member", transfer.memberId(), transfer.toUnitId(),
                transfer.memberName() + " 转接，" + open.size() + "条待审记录随转至“" + transfer.toUnitName() + "”",
                Map.of("unit", transfer.fromUnitId(), "entries", open.toString()),
                Map.of("unit", transfer.toUnitId(), "entries", open.toString()));
    }
}

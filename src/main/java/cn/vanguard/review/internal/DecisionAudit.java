package cn.vanguard.review.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.vanguard.audit.AuditLog;
import cn.vanguard.ledger.EntryApproved;
import cn.vanguard.ledger.EntryChecked;
import cn.vanguard.ledger.EntryRejected;
import cn.vanguard.ledger.EntryStatus;
import cn.vanguard.ledger.LedgerEntry;
import cn.vanguard.security.Guard;

/**
 * The audit line of every review decision, written as the ledger announces it. A plain synchronous listener on purpose:
 * it runs in the deciding request's thread and transaction, so the line is written with the change or not at all, and
 * a failure to write it undoes the decision ({@code @ApplicationModuleListener} would run after the commit, in a
 * transaction of its own, and could lose the line).
 */
@Component
class DecisionAudit {

    private final AuditLog audit;
    private final Guard guard;

    DecisionAudit(AuditLog audit, Guard guard) {
        this.audit = audit;
        this.guard = guard;
    }

    @EventListener
    public void checked(EntryChecked event) {
        LedgerEntry entry = event.entry();
        write("ENTRY_CHECKED", "初审通过：" + entry.memberName() + " " + entry.itemName(), EntryStatus.FIRST_CHECK, entry);
    }

    @EventListener
    public void approved(EntryApproved event) {
        LedgerEntry entry = event.entry();
        write("ENTRY_APPROVED", "审核通过：" + entry.memberName() + " " + entry.itemName() + " " + entry.date(), EntryStatus.PENDING, entry);
    }

    @EventListener
    public void rejected(EntryRejected event) {
        LedgerEntry entry = event.entry();
        write("ENTRY_REJECTED", (event.from() == EntryStatus.FIRST_CHECK ? "初审驳回：" : "驳回：") + entry.memberName() + " "
                + entry.itemName() + "，理由：" + event.reason(), event.from(), entry);
    }

    /** Before and after differ in the status only: a decision changes nothing else the log keeps of an entry. */
    private void write(String action, String summary, EntryStatus from, LedgerEntry after) {
        Map<String, Object> before = new LinkedHashMap<>(after.auditFields());
        before.put("status", from);
        audit.record(guard.current().actor(), action, "ledger_entry", after.id(), after.unitId(), summary, before, after.auditFields());
    }
}

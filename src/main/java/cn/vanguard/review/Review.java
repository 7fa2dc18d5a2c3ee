package cn.vanguard.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.vanguard.Conflict;
import cn.vanguard.ledger.EntryStates;
import cn.vanguard.ledger.EntryStatus;
import cn.vanguard.ledger.LedgerEntry;
import cn.vanguard.review.internal.ReviewRules;
import cn.vanguard.review.internal.Step;
import cn.vanguard.security.CurrentUser;
import cn.vanguard.security.Guard;

/**
 * The review of entries: one call per action, each reading the entry and its scheme once, deciding by the rules of
 * {@link ReviewRules} and moving the entry through {@link EntryStates#move}. Of two reviewers acting at once, one moves
 * the entry and the other gets a conflict: nothing counts twice.
 */
@Service
public class Review {

    private final EntryStates states;
    private final Guard guard;

    Review(EntryStates states, Guard guard) {
        this.states = states;
        this.guard = guard;
    }

    /** The scorer's first check of a declaration (初审): pass it on for approval (待审核), or reject it with a reason. */
    @Transactional
    public LedgerEntry check(long id, boolean pass, String reason, int version) {
        return decide(pass ? Step.PASS_CHECK : Step.REJECT_AT_CHECK, states.read(id), reason, version);
    }

    /**
     * Approves an entry (已生效) once the evidence its item asks for is there; a reversal needs its original still in
     * force and not reversed already.
     */
    @Transactional
    public LedgerEntry approve(long id, int version) {
        return decide(Step.APPROVE, states.read(id), null, version);
    }

    /** Rejects an entry waiting for its first check or for approval (已驳回), with a reason. */
    @Transactional
    public LedgerEntry reject(long id, String reason, int version) {
        EntryStates.Decidable read = states.read(id);
        return decide(Step.rejectAt(read.entry().status()), read, reason, version);
    }

    private LedgerEntry decide(Step step, EntryStates.Decidable read, String reason, int version) {
        LedgerEntry entry = read.entry();
        CurrentUser user = guard.current();
        guard.require(step.permission(), entry.unitId());
        ReviewRules.requireOtherEyes(user, entry, step);
        ReviewRules.requireStage(entry, step);
        if (step.to() == EntryStatus.REJECTED) {
            ReviewRules.requireReason(reason);
        }
        if (step == Step.APPROVE && entry.reversesId() == null) {
            ReviewRules.requireEvidence(read);
        } else if (step == Step.APPROVE) {
            ReviewRules.requireOriginalInForce(states.original(entry.reversesId()));
        }
        return states.move(entry, step.to(), version, user, reason)
                .orElseThrow(() -> new Conflict("该记录已被他人处理，请刷新后查看"));
    }

    /** Whether the current user may pass the entry's first check now (the entry page offers the button). */
    public boolean mayCheck(LedgerEntry entry) {
        return may(Step.PASS_CHECK, entry);
    }

    /** Whether the current user may approve the entry now (the entry page offers the button). */
    public boolean mayApprove(LedgerEntry entry) {
        return may(Step.APPROVE, entry);
    }

    private boolean may(Step step, LedgerEntry entry) {
        return entry.status() == step.from() && ReviewRules.otherEyes(guard.current(), entry) && guard.can(step.permission(), entry.unitId());
    }

    /**
     * What the current user can act on, oldest first: declarations to check first and entries to approve, never one
     * they recorded or declared or one about themselves (four eyes). At most {@code limit}; {@link #pendingForMe()}
     * counts them all.
     */
    public List<LedgerEntry> queue(int limit) {
        CurrentUser user = guard.current();
        List<LedgerEntry> open = new ArrayList<>();
        for (Step step : List.of(Step.PASS_CHECK, Step.APPROVE)) {
            open.addAll(states.waiting(step.from(), guard.units(step.permission()), user.accountId(), user.memberId(), limit));
        }
        return open.stream().sorted(Comparator.comparing(LedgerEntry::recordedAt).thenComparing(LedgerEntry::id))
                .limit(Math.max(1, limit)).toList();
    }

    /** How many entries wait for the current user (the menu's badge on every page): {@link #queue(int)}, all counted. */
    public long pendingForMe() {
        CurrentUser user = guard.current();
        long waiting = 0;
        for (Step step : List.of(Step.PASS_CHECK, Step.APPROVE)) {
            waiting += states.countWaiting(step.from(), guard.units(step.permission()), user.accountId(), user.memberId());
        }
        return waiting;
    }
}

package cn.vanguard.standings.internal;

import java.util.List;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.vanguard.ledger.AssessmentChanged;
import cn.vanguard.ledger.EntriesSeeded;
import cn.vanguard.ledger.EntryApproved;
import cn.vanguard.org.MemberChanged;
import cn.vanguard.org.MemberJoined;
import cn.vanguard.org.MemberRecord;
import cn.vanguard.org.MemberTransferred;
import cn.vanguard.org.Members;
import cn.vanguard.org.UnitChanged;
import cn.vanguard.org.Units;
import cn.vanguard.rules.SchemePublished;
import cn.vanguard.rules.Schemes;

/**
 * Keeps standings current as the other modules change what scores depend on. The listeners are synchronous
 * {@code @EventListener}s, not {@code @ApplicationModuleListener}s (which run after the commit, in a transaction and a
 * thread of their own): here the refresh runs inside the transaction that published the event, so an approval is in
 * the score and the ranking when the approving request answers, and the change and its standings commit or roll back
 * together: no window in which a page shows a result the ledger does not support, and nothing to replay after a crash.
 */
@Component
public class StandingsEvents {

    private final Refresher refresher;
    private final Members members;
    private final Units units;
    private final Schemes schemes;

    StandingsEvents(Refresher refresher, Members members, Units units, Schemes schemes) {
        this.refresher = refresher;
        this.members = members;
        this.units = units;
        this.schemes = schemes;
    }

    /** An approved entry, or an approved reversal (which takes its original out): only the entry's cycle changes. */
    @EventListener
    void on(EntryApproved event) {
        refresh(event.date().getYear(), List.of(event.memberId()));
    }

    @EventListener
    void on(AssessmentChanged event) {
        refresh(event.year(), List.of(event.memberId()));
    }

    @EventListener
    void on(EntriesSeeded event) {
        everyCycle(event.memberIds());
    }

    /** The member leaves one population and may join another, in every cycle. */
    @EventListener
    void on(MemberTransferred event) {
        everyCycle(Set.of(event.memberId()));
    }

    @EventListener
    void on(MemberJoined event) {
        everyCycle(Set.of(event.memberId()));
    }

    @EventListener
    void on(MemberChanged event) {
        everyCycle(Set.of(event.memberId()));
    }

    /** Everybody under the unit may now be scored under the new version; those under a deeper scheme stay where they are. */
    @EventListener
    void on(SchemePublished event) {
        refresh(event.year(), members.inSubtree(event.unitId()).stream().map(MemberRecord::id).toList());
    }

    /**
     * A renamed or moved unit can change the scheme and the branch of everybody under it, and the label of branches
     * anywhere in its tree: the whole tree it belongs to is refreshed (rare, and still one population phase each).
     */
    @EventListener
    void on(UnitChanged event) {
        long top = units.lineage(event.unitId()).get(0).id();
        everyCycle(members.inSubtree(top).stream().map(MemberRecord::id).toList());
    }

    private void everyCycle(java.util.Collection<Long> memberIds) {
        for (int year : schemes.years()) {
            refresh(year, memberIds);
        }
    }

    /**
     * Refreshes once per transaction, just before it commits: a roster import of 10,000 members, or the demo's
     * members, assessments and seeds, publish one event a change, and refreshing at each would rank the growing
     * population again and again. The refresh still runs inside the transaction that published the events, so the
     * change and its standings commit together and are read together once the request has answered.
     */
    private void refresh(int year, java.util.Collection<Long> memberIds) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            refresher.refresh(year, memberIds);
            return;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(Pending.class);
        if (pending == null) {
            pending = new Pending(refresher);
            TransactionSynchronizationManager.bindResource(Pending.class, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.byYear.computeIfAbsent(year, y -> new java.util.LinkedHashSet<>()).addAll(memberIds);
    }

    /**
     * Runs the refresh the current transaction has waiting now rather than just before it commits, for a caller that
     * reads the standings it changed in the same transaction; what changes afterwards is refreshed before the commit.
     */
    public static void refreshWaitingNow() {
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(Pending.class);
        if (pending != null) {
            java.util.Map<Integer, java.util.Set<Long>> waiting = new java.util.TreeMap<>(pending.byYear);
            pending.byYear.clear();
            waiting.forEach((year, ids) -> pending.refresher.refresh(year, List.copyOf(ids)));
        }
    }

    /** The members whose standings a transaction changed, by cycle. */
    private static final class Pending implements TransactionSynchronization {

        private final Refresher refresher;
        private final java.util.Map<Integer, java.util.Set<Long>> byYear = new java.util.TreeMap<>();

        Pending(Refresher refresher) {
            this.refresher = refresher;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            TransactionSynchronizationManager.unbindResource(Pending.class);
            byYear.forEach((year, ids) -> refresher.refresh(year, List.copyOf(ids)));
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(Pending.class);
        }
    }
}

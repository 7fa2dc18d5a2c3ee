package cn.vanguard.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;

import cn.vanguard.audit.AuditLog;
import cn.vanguard.ledger.EntrySource;
import cn.vanguard.ledger.EntryStatus;
import cn.vanguard.ledger.Ledger;
import cn.vanguard.security.SignIn;
import cn.vanguard.testing.OnPostgres;
import cn.vanguard.testing.SettableClock;

@OnPostgres
@Import(SettableClock.Config.class)
class CycleOnPostgresTest extends CycleContract {

    /**
     * A close while entries of the period are being approved: the snapshot holds the branch's chain head while it reads,
     * so it counts exactly the approvals its head covers, whichever way each race goes (PostgreSQL: a real pool).
     */
    @Test
    void aSnapshotCountsExactlyTheApprovalsItsChainHeadCovers() throws Exception {
        List<Long> waiting = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ledger.seedTrusted(List.of(new Ledger.Seed(i % 2 == 0 ? alice : bob, "CZ_GROUP_STUDY", LocalDate.of(2026, 1, 10 + i),
                    BigDecimal.ONE, null, null, "学习", null, EntrySource.SCORER, EntryStatus.PENDING, scorer.id(), null, null, null)),
                    AuditLog.Actor.SYSTEM);
            waiting.add(fixtures.jdbc().sql("select max(id) from ledger_entry").query(Long.class).single());
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> approvals = new ArrayList<>();
            for (long id : waiting) {
                approvals.add(pool.submit(() -> {
                    committee.signIn();
                    try {
                        review.approve(id, ledger.get(id).version());
                    } finally {
                        SignIn.out();
                    }
                }));
            }
            secretary.signIn();
            EvaluationPeriod q1 = actions.close(period("2026-Q1").id(), period("2026-Q1").version(), "审核与汇总同时进行");
            for (Future<?> approval : approvals) {
                approval.get();
            }
            Snapshot snapshot = periods.snapshots(q1).get(0);
            long head = snapshot.heads().stream().filter(h -> h.unitId() == tree.branch().id()).findFirst().orElseThrow().seq();
            List<Long> covered = fixtures.jdbc().sql("""
                    select entry_id from ledger_chain where unit_id = :u and kind = 'DECIDED' and seq <= :s and entry_id in (:ids)""")
                    .param("u", tree.branch().id()).param("s", head).param("ids", waiting).query(Long.class).list();
            List<Long> counted = fixtures.jdbc().sql("select entry_id from snapshot_entry where snapshot_id = :s and entry_id in (:ids)")
                    .param("s", snapshot.id()).param("ids", waiting).query(Long.class).list();
            assertThat(counted).containsExactlyInAnyOrderElementsOf(covered);
            assertThat(chain.verify(List.of(tree.branch().id())).ok()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }
}

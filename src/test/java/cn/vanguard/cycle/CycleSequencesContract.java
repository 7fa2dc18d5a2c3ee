package cn.vanguard.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import cn.vanguard.Conflict;
import cn.vanguard.audit.AuditLog;
import cn.vanguard.ledger.EntrySource;
import cn.vanguard.ledger.EntryStatus;
import cn.vanguard.ledger.Ledger;
import cn.vanguard.ledger.LedgerEntry;
import cn.vanguard.review.Review;
import cn.vanguard.security.Role;
import cn.vanguard.security.SignIn;
import cn.vanguard.testing.Fixtures;
import cn.vanguard.testing.SettableClock;

/**
 * A property of the cycle (issue 9, point 10): whatever sequence of late entries, closes, publications, objections,
 * corrections, republications, returns and approvals a branch goes through, an approved period's snapshots never change,
 * and no entry counts in two periods. Random sequences from printed seeds, a year of a quarterly scheme each.
 */
abstract class CycleSequencesContract {

    @Autowired
    Fixtures fixtures;
    @Autowired
    SettableClock clock;
    @Autowired
    Periods periods;
    @Autowired
    PeriodActions actions;
    @Autowired
    Objections objections;
    @Autowired
    Ledger ledger;
    @Autowired
    Review review;

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {20260101L, 7L, 42L, 1949L})
    void anApprovedSnapshotNeverChangesAndNoEntryCountsTwice(long seed) {
        Random random = new Random(seed);
        clock.set("2026-01-05T09:00+08:00");
        Fixtures.Tree tree = fixtures.tree("changzhou-2021");
        List<Long> people = List.of(fixtures.member(tree.branch().id(), "甲"), fixtures.member(tree.branch().id(), "乙"),
                fixtures.member(tree.branch().id(), "丙"));
        Fixtures.Account secretary = fixtures.account(Role.SECRETARY, tree.branch().id());
        Fixtures.Account committee = fixtures.account(Role.COMMITTEE_ADMIN, tree.committee().id());
        Fixtures.Account objector = fixtures.memberAccount(people.get(1), tree.branch().id());
        Map<Long, List<SnapshotLine>> approvedLines = new HashMap<>();
        Map<Long, List<Snapshot>> approvedSnapshots = new HashMap<>();
        LocalDate today = LocalDate.of(2026, 1, 5);
        List<String> steps = new ArrayList<>();

        for (int step = 0; step < 60 && today.isBefore(LocalDate.of(2026, 12, 20)); step++) {
            today = today.plusDays(1 + random.nextInt(6));
            clock.set(today + "T10:00+08:00");
            int action = random.nextInt(10);
            secretary.signIn();
            List<EvaluationPeriod> all = periods.ofUnit(tree.branch().id(), 2026);
            // mostly the earliest period still being decided, sometimes any: illegal moves are tried too
            EvaluationPeriod p = random.nextInt(4) > 0
                    ? all.stream().filter(x -> x.status() != PeriodStatus.APPROVED).findFirst().orElse(all.get(0))
                    : all.get(random.nextInt(all.size()));
            steps.add(today + " " + action + " " + p.label() + " " + p.status());
            try {
                switch (action) {
                    case 0, 1, 2 -> {
                        LocalDate date = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(today.getDayOfYear()));
                        ledger.seedTrusted(List.of(new Ledger.Seed(people.get(random.nextInt(3)), "CZ_GROUP_STUDY", date, BigDecimal.ONE,
                                null, null, "学习", null, EntrySource.SCORER, EntryStatus.APPROVED, secretary.id(), null, committee.id(),
                                null)), AuditLog.Actor.SYSTEM);
                    }
                    case 3 -> objectAndCorrect(random, p, people, secretary, committee, objector);
                    case 5, 6 -> {
                        if (p.status() == PeriodStatus.PUBLISHED) {
                            objectAndCorrect(random, p, people, secretary, committee, objector);
                        } else {
                            advance(random, p, secretary, committee);
                        }
                    }
                    case 4 -> actions.endWindows();
                    default -> advance(random, p, secretary, committee);
                }
            } catch (Conflict | cn.vanguard.Invalid refused) {
                // an illegal move in this state is refused, and changes nothing: the property below still holds
            }
            secretary.signIn();
            for (EvaluationPeriod period : periods.ofUnit(tree.branch().id(), 2026)) {
                if (period.status() == PeriodStatus.APPROVED) {
                    List<Snapshot> snapshots = periods.snapshots(period);
                    List<SnapshotLine> lines = periods.lines(period);
                    approvedSnapshots.putIfAbsent(period.id(), snapshots);
                    approvedLines.putIfAbsent(period.id(), lines);
                    assertThat(snapshots).as("seed %d, %s: the snapshots of approved %s", seed, steps, period.label())
                            .isEqualTo(approvedSnapshots.get(period.id()));
                    assertThat(lines).as("seed %d, %s: the lines of approved %s", seed, steps, period.label())
                            .usingRecursiveFieldByFieldElementComparatorIgnoringFields("answer").isEqualTo(approvedLines.get(period.id()));
                }
            }
            List<Long> counted = fixtures.jdbc().sql("""
                    select se.entry_id from snapshot_entry se join period_snapshot s on s.id = se.snapshot_id
                    join evaluation_period p on p.id = s.period_id
                    where p.unit_id = :u and s.seq = (select max(s2.seq) from period_snapshot s2 where s2.period_id = p.id)""")
                    .param("u", tree.branch().id()).query(Long.class).list();
            assertThat(counted).as("seed %d, %s: an entry counted by two periods", seed, steps).doesNotHaveDuplicates();
        }
        // the property is about approved periods: a sequence that approved none would prove nothing
        assertThat(approvedLines).as("seed %d, %s: periods approved", seed, steps).isNotEmpty();
        long republished = fixtures.jdbc().sql("""
                select count(*) from period_snapshot s join evaluation_period p on p.id = s.period_id
                where p.unit_id = :u and s.seq > 1""").param("u", tree.branch().id()).query(Long.class).single();
        System.out.println("CycleSequences seed " + seed + ": " + approvedLines.size() + " periods approved, " + republished
                + " snapshots after a first, " + steps.size() + " steps");
    }

    /** The period's next step as its state has it: close, sign, publish, let the window end, approve or (sometimes) return. */
    private void advance(Random random, EvaluationPeriod p, Fixtures.Account secretary, Fixtures.Account committee) {
        switch (p.status()) {
            case OPEN, RETURNED -> actions.close(p.id(), p.version(), "按计划汇总");
            case CLOSED -> actions.sign(p.id(), p.version());
            case SIGNED -> actions.publish(p.id(), p.version());
            case PUBLISHED -> actions.endWindows();
            case SUBMITTED -> {
                committee.signIn();
                if (random.nextInt(4) == 0) {
                    actions.returnPeriod(p.id(), p.version(), "请核实");
                } else {
                    actions.approve(p.id(), p.version());
                }
            }
            default -> {
                committee.signIn();
                actions.approve(p.id(), p.version());
            }
        }
    }

    /** During a window: an objection to a member's line, upheld or not; an upheld one corrected by a reversal, then republished. */
    private void objectAndCorrect(Random random, EvaluationPeriod p, List<Long> people, Fixtures.Account secretary,
                                  Fixtures.Account committee, Fixtures.Account objector) {
        objector.signIn();
        long member = people.get(random.nextInt(3));
        Objection filed = objections.object(p.id(), member, null, "请核实", null);
        secretary.signIn();
        boolean upheld = random.nextBoolean();
        objections.answer(filed.id(), upheld, upheld ? "属实" : "不属实", filed.version());
        if (!upheld) {
            return;
        }
        List<LedgerEntry> counted = ledger.ofMember(member, 2026).stream()
                .filter(e -> e.status() == EntryStatus.APPROVED && e.reversesId() == null && e.reversedBy() == null
                        && p.span().contains(e.date())).toList();
        if (!counted.isEmpty()) {
            LedgerEntry reversal = ledger.reverse(counted.get(random.nextInt(counted.size())).id(), "异议成立", java.util.UUID.randomUUID().toString());
            committee.signIn();
            review.approve(reversal.id(), reversal.version());
            secretary.signIn();
        }
        EvaluationPeriod now = periods.get(p.id());
        actions.republish(now.id(), now.version());
    }
}

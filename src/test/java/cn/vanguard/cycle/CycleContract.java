package cn.vanguard.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import cn.vanguard.Conflict;
import cn.vanguard.Invalid;
import cn.vanguard.NotFound;
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
 * A branch runs its quarters under a scheme that publishes before the higher review (changzhou-2021: quarterly, 5
 * working days): close with a snapshot, confirm and dispute, sign, publish on the 2026 calendar, objections answered,
 * a correction republished with a new snapshot and window, the window ending, the committee's approval and return;
 * late entries counting in the next open period. Time is set by hand.
 */
abstract class CycleContract {

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
    @Autowired
    Notices notices;
    @Autowired
    cn.vanguard.ledger.LedgerChain chain;

    Fixtures.Tree tree;
    long alice;
    long bob;
    long carol;
    Fixtures.Account scorer;
    Fixtures.Account secretary;
    Fixtures.Account committee;
    Fixtures.Account aliceAccount;
    Fixtures.Account bobAccount;

    @BeforeEach
    void branch() {
        clock.set("2026-07-10T09:00+08:00");
        tree = fixtures.tree("changzhou-2021");
        alice = fixtures.member(tree.branch().id(), "爱丽丝");
        bob = fixtures.member(tree.branch().id(), "鲍勃");
        carol = fixtures.member(tree.branch().id(), "卡罗尔");
        scorer = fixtures.account(Role.SCORER, tree.branch().id());
        secretary = fixtures.account(Role.SECRETARY, tree.branch().id());
        committee = fixtures.account(Role.COMMITTEE_ADMIN, tree.committee().id());
        aliceAccount = fixtures.memberAccount(alice, tree.branch().id());
        bobAccount = fixtures.memberAccount(bob, tree.branch().id());
    }

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    private void approved(long member, String item, String date) {
        ledger.seedTrusted(List.of(new Ledger.Seed(member, item, LocalDate.parse(date), BigDecimal.ONE, null, null, "测试", null,
                EntrySource.SCORER, EntryStatus.APPROVED, scorer.id(), null, secretary.id(), null)), AuditLog.Actor.SYSTEM);
    }

    EvaluationPeriod period(String label) {
        return periods.ofUnit(tree.branch().id(), 2026).stream().filter(p -> p.label().equals(label)).findFirst().orElseThrow();
    }

    private SnapshotLine line(EvaluationPeriod period, long member) {
        return periods.lines(period).stream().filter(l -> l.memberId() == member).findFirst().orElseThrow();
    }

    @Test
    void aQuarterRunsFromCloseToTheCommitteesApprovalAsTheRuleDocumentSays() {
        approved(alice, "CZ_GROUP_STUDY", "2026-05-10");
        approved(alice, "CZ_GROUP_STUDY", "2026-07-02");
        secretary.signIn();
        assertThat(periods.ofUnit(tree.branch().id(), 2026)).extracting(EvaluationPeriod::label).containsExactly("2026-Q1", "2026-Q2", "2026-Q3");
        assertThat(period("2026-Q2").status()).isEqualTo(PeriodStatus.OPEN);

        assertThatThrownBy(() -> actions.close(period("2026-Q2").id(), period("2026-Q2").version(), null))
                .isInstanceOf(Conflict.class).hasMessage("请先汇总2026年第一季度，再汇总2026年第二季度");
        actions.close(period("2026-Q1").id(), period("2026-Q1").version(), null);
        EvaluationPeriod q2 = actions.close(period("2026-Q2").id(), period("2026-Q2").version(), null);
        assertThat(q2.status()).isEqualTo(PeriodStatus.CLOSED);
        assertThat(periods.snapshots(q2)).singleElement().satisfies(s -> {
            assertThat(s.seq()).isEqualTo(1);
            assertThat(s.reason()).isEqualTo("汇总");
            assertThat(s.memberCount()).isEqualTo(3);
            assertThat(s.heads()).isNotEmpty().allSatisfy(h -> assertThat(h.hash()).hasSize(64));
        });
        // the study in July belongs to the third quarter: only May's counts here, as one study would
        assertThat(line(q2, alice).total()).isGreaterThan(line(q2, carol).total());

        // illegal moves say why, in the cycle's words
        int v = q2.version();
        assertThatThrownBy(() -> actions.publish(q2.id(), v)).isInstanceOf(Conflict.class).hasMessageContaining("不能公示");
        committee.signIn();
        assertThatThrownBy(() -> actions.approve(q2.id(), v)).isInstanceOf(Conflict.class).hasMessageContaining("尚未提交上级审核");
        aliceAccount.signIn();
        assertThatThrownBy(() -> actions.sign(q2.id(), v)).isInstanceOf(NotFound.class);

        // members answer their own line before publication
        objections.confirm(q2.id());
        assertThatThrownBy(() -> objections.confirm(q2.id())).isInstanceOf(Conflict.class).hasMessage("您已答复过本期结果");
        assertThat(line(q2, alice).answer()).isEqualTo(SnapshotLine.Answer.CONFIRMED);
        assertThat(periods.lines(q2)).hasSize(1);
        bobAccount.signIn();
        assertThatThrownBy(() -> objections.dispute(q2.id(), " ", null)).isInstanceOf(Invalid.class);
        Objection dispute = objections.dispute(q2.id(), "五月份的主题党日我参加了，没有记录", new BigDecimal("1"));
        assertThat(dispute.status()).isEqualTo(Objection.Status.OPEN);
        secretary.signIn();
        assertThat(periods.answers(periods.snapshots(q2).get(0))).containsEntry("CONFIRMED", 1L).containsEntry("DISPUTED", 1L)
                .containsEntry("NONE", 1L);
        assertThat(objections.ofPeriod(q2.id())).singleElement().satisfies(o -> assertThat(o.objector()).isEqualTo("鲍勃"));

        // sign, publish on Thursday 24 September: 5 working days over 中秋 and 国庆
        EvaluationPeriod signed = actions.sign(q2.id(), q2.version());
        clock.set("2026-09-24T09:00+08:00");
        EvaluationPeriod published = actions.publish(q2.id(), signed.version());
        assertThat(published.windowWording()).isEqualTo("公示时间：2026年9月24日至10月8日（5个工作日）");
        committee.signIn();
        assertThatThrownBy(() -> actions.approve(q2.id(), published.version())).isInstanceOf(Conflict.class)
                .hasMessageStartingWith("公示期内不能审核");

        // during the window bob objects to one of alice's entries; the secretary answers both objections
        LedgerEntry mayStudy = ledger.ofMember(alice, 2026).stream().filter(e -> e.date().getMonthValue() == 5).findFirst().orElseThrow();
        bobAccount.signIn();
        assertThatThrownBy(() -> objections.object(q2.id(), alice, mayStudy.id() + 100000, "不对", null)).isInstanceOf(Invalid.class);
        Objection onEntry = objections.object(q2.id(), alice, mayStudy.id(), "这次集中学习她请假了", BigDecimal.ZERO);
        assertThat(objections.ofPeriod(q2.id())).extracting(Objection::objector).containsOnlyNulls();
        secretary.signIn();
        objections.answer(dispute.id(), false, "经核实，五月主题党日签到表无本人签名", dispute.version());
        objections.answer(onEntry.id(), true, "经核实请假属实", onEntry.version());
        assertThatThrownBy(() -> objections.answer(onEntry.id(), true, "再答", onEntry.version())).isInstanceOf(Conflict.class);

        // the correction is a reversal, reviewed like any entry; then a new snapshot and a new full window
        LedgerEntry reversal = ledger.reverse(mayStudy.id(), "异议成立：本人请假", java.util.UUID.randomUUID().toString());
        committee.signIn();
        review.approve(reversal.id(), reversal.version());
        clock.set("2026-09-29T10:00+08:00");
        secretary.signIn();
        EvaluationPeriod republished = actions.republish(q2.id(), period("2026-Q2").version());
        assertThat(republished.windowWording()).isEqualTo("公示时间：2026年9月29日至10月10日（5个工作日）");
        assertThat(periods.snapshots(republished)).extracting(Snapshot::reason).containsExactly("汇总", "异议更正后重新公示");
        assertThat(line(republished, alice).total()).isEqualByComparingTo(line(republished, carol).total());

        // the window ends at 24:00 of its last day (Saturday 10 October is a make-up working day); the committee approves: final
        clock.set("2026-10-10T23:59+08:00");
        actions.endWindows();
        assertThat(period("2026-Q2").status()).isEqualTo(PeriodStatus.PUBLISHED);
        clock.set("2026-10-11T00:01+08:00");
        actions.endWindows();
        assertThat(period("2026-Q2").status()).isEqualTo(PeriodStatus.SUBMITTED);
        committee.signIn();
        EvaluationPeriod approved = actions.approve(q2.id(), period("2026-Q2").version());
        assertThat(approved.status()).isEqualTo(PeriodStatus.APPROVED);
        assertThatThrownBy(() -> actions.returnPeriod(q2.id(), approved.version(), "再看看")).isInstanceOf(Conflict.class)
                .hasMessage("2026年第二季度已审核，结果不能再改变");
        assertThat(periods.history(approved)).extracting(PeriodMove::to).containsExactly(PeriodStatus.CLOSED, PeriodStatus.SIGNED,
                PeriodStatus.PUBLISHED, PeriodStatus.PUBLISHED, PeriodStatus.SUBMITTED, PeriodStatus.APPROVED);
        assertThat(periods.history(approved).get(4).actor()).isEqualTo("系统");
    }

    @Test
    void anEntryApprovedAfterItsPeriodClosedCountsInTheNextOpenPeriodWithALineSayingWhereItBelonged() {
        secretary.signIn();
        actions.close(period("2026-Q1").id(), period("2026-Q1").version(), null);
        EvaluationPeriod q2 = actions.close(period("2026-Q2").id(), period("2026-Q2").version(), null);
        approved(alice, "CZ_GROUP_STUDY", "2026-05-20");
        assertThat(line(q2, alice).total()).isEqualByComparingTo(line(q2, carol).total());

        clock.set("2026-10-09T09:00+08:00");
        approved(bob, "CZ_GROUP_STUDY", "2026-08-03");
        EvaluationPeriod q3 = actions.close(period("2026-Q3").id(), period("2026-Q3").version(), null);
        SnapshotLine late = line(q3, alice);
        assertThat(late.total()).isGreaterThan(line(q3, carol).total()).isEqualByComparingTo(line(q3, bob).total());
        assertThat(line(q3, bob).notes()).isEmpty();
        assertThat(late.notes()).singleElement().asString().startsWith("补记：原属2026年第二季度（#");
        // the closed quarter's frozen result did not change
        assertThat(line(q2, alice).total()).isEqualByComparingTo(line(q2, carol).total());
    }

    @Test
    void aSnapshotKeepsItsChainHeadsAndNothingItCountedChangesWithoutTheCheckSayingSo() {
        approved(alice, "CZ_GROUP_STUDY", "2026-02-10");
        secretary.signIn();
        EvaluationPeriod q1 = actions.close(period("2026-Q1").id(), period("2026-Q1").version(), null);
        Snapshot snapshot = periods.snapshots(q1).get(0);
        assertThat(snapshot.heads()).extracting(cn.vanguard.ledger.ChainHead::unitId).contains(tree.branch().id());
        assertThat(snapshot.heads()).filteredOn(h -> h.unitId() == tree.branch().id()).singleElement()
                .satisfies(h -> assertThat(h).isEqualTo(chain.head(tree.branch().id())));
        List<Long> units = List.of(tree.branch().id());
        cn.vanguard.ledger.ChainCheck before = chain.verify(units);
        assertThat(before.ok()).isTrue();
        assertThat(before.heads()).isGreaterThanOrEqualTo(1);

        long entry = fixtures.jdbc().sql("select max(id) from ledger_entry where member_id = :m").param("m", alice).query(Long.class).single();
        fixtures.jdbc().sql("update ledger_entry set quantity = 3 where id = :id").param("id", entry).update();
        cn.vanguard.ledger.ChainCheck after = chain.verify(units);
        assertThat(after.ok()).isFalse();
        assertThat(after.broken().entryId()).isEqualTo(entry);
    }

    @Test
    void closingWithEntriesStillWaitingNeedsAReasonAndTheyCountLater() {
        secretary.signIn();
        actions.close(period("2026-Q1").id(), period("2026-Q1").version(), null);
        ledger.seedTrusted(List.of(new Ledger.Seed(alice, "CZ_GROUP_STUDY", LocalDate.parse("2026-06-01"), BigDecimal.ONE, null, null,
                "测试", null, EntrySource.SCORER, EntryStatus.PENDING, scorer.id(), null, null, null)), AuditLog.Actor.SYSTEM);
        EvaluationPeriod q2 = period("2026-Q2");
        assertThat(actions.pendingAtClose(q2)).singleElement().satisfies(e -> assertThat(e.memberId()).isEqualTo(alice));
        assertThatThrownBy(() -> actions.close(q2.id(), q2.version(), "  ")).isInstanceOf(Invalid.class)
                .hasMessageStartingWith("本期还有1条记录待审核");
        assertThat(actions.close(q2.id(), q2.version(), "支委会已定于7月10日汇总").status()).isEqualTo(PeriodStatus.CLOSED);
        assertThat(periods.history(period("2026-Q2")).get(0).reason()).isEqualTo("支委会已定于7月10日汇总");
    }

    @Test
    void theCommitteeReturnsAPeriodWithAReasonAndTheBranchClosesItAgainWithANewSnapshot() {
        secretary.signIn();
        EvaluationPeriod q1 = actions.close(period("2026-Q1").id(), period("2026-Q1").version(), null);
        q1 = actions.sign(q1.id(), q1.version());
        q1 = actions.publish(q1.id(), q1.version());
        clock.set("2026-07-20T09:00+08:00");
        committee.signIn();
        actions.endWindows();
        EvaluationPeriod submitted = period("2026-Q1");
        assertThat(submitted.status()).isEqualTo(PeriodStatus.SUBMITTED);
        assertThatThrownBy(() -> actions.returnPeriod(submitted.id(), submitted.version(), "")).isInstanceOf(Invalid.class);
        EvaluationPeriod returned = actions.returnPeriod(submitted.id(), submitted.version(), "请补充党员评议情况");
        assertThat(returned.status()).isEqualTo(PeriodStatus.RETURNED);
        secretary.signIn();
        EvaluationPeriod again = actions.close(returned.id(), returned.version(), null);
        assertThat(periods.snapshots(again)).extracting(Snapshot::reason).containsExactly("汇总", "退回后重新汇总");
    }

    @Test
    void eachUserIsToldWhatWaitsForThemUntilItIsDone() {
        clock.set("2026-10-09T09:00+08:00");
        periods.openBegun();
        secretary.signIn();
        assertThat(notices.forMe()).extracting(Notice::text).contains(tree.branch().name() + "2026年第一季度已结束，待汇总");
        EvaluationPeriod q1 = actions.close(period("2026-Q1").id(), period("2026-Q1").version(), null);
        aliceAccount.signIn();
        assertThat(notices.forMe()).extracting(Notice::text, Notice::link)
                .contains(org.assertj.core.groups.Tuple.tuple("请确认您2026年第一季度的积分结果", "/periods/" + q1.id()));
        objections.confirm(q1.id());
        assertThat(notices.forMe()).extracting(Notice::text).doesNotContain("请确认您2026年第一季度的积分结果");
        bobAccount.signIn();
        Objection dispute = objections.dispute(q1.id(), "少记了一次学习", null);
        secretary.signIn();
        assertThat(notices.forMe()).extracting(Notice::text).contains(tree.branch().name() + "2026年第一季度有1条异议待答复");
        objections.answer(dispute.id(), false, "已核实", dispute.version());
        bobAccount.signIn();
        assertThat(notices.forMe()).extracting(Notice::text).contains("您的异议#" + dispute.id() + "已答复：不成立");
        secretary.signIn();
        q1 = actions.sign(q1.id(), q1.version());
        q1 = actions.publish(q1.id(), q1.version());
        aliceAccount.signIn();
        assertThat(notices.forMe()).extracting(Notice::text).contains("2026年第一季度积分正在公示，10月14日结束");
        clock.set("2026-10-16T09:00+08:00");
        actions.endWindows();
        committee.signIn();
        assertThat(notices.forMe()).extracting(Notice::text).contains(tree.branch().name() + "2026年第一季度待上级审核");
    }

    @Test
    void nobodyOutsideTheUnitSeesItsPeriodsAndMembersSeeOnlyTheirOwnLine() {
        secretary.signIn();
        EvaluationPeriod q1 = actions.close(period("2026-Q1").id(), period("2026-Q1").version(), null);
        Fixtures.Account otherSecretary = fixtures.account(Role.SECRETARY, tree.otherBranch().id());
        otherSecretary.signIn();
        assertThatThrownBy(() -> periods.get(q1.id())).isInstanceOf(NotFound.class).hasMessage("考评期不存在");
        assertThatThrownBy(() -> actions.close(q1.id(), q1.version(), null)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> periods.ofUnit(tree.branch().id(), 2026)).isInstanceOf(NotFound.class);
        Fixtures.Account outsider = fixtures.memberAccount(fixtures.member(tree.otherBranch().id(), "外人"), tree.otherBranch().id());
        outsider.signIn();
        assertThatThrownBy(() -> periods.get(q1.id())).isInstanceOf(NotFound.class);
        aliceAccount.signIn();
        assertThat(periods.lines(periods.get(q1.id()))).extracting(SnapshotLine::memberId).containsExactly(alice);
        assertThatThrownBy(() -> periods.publicityLines(periods.get(q1.id()))).isInstanceOf(NotFound.class);
        Fixtures.Account scorerOnly = scorer;
        scorerOnly.signIn();
        assertThatThrownBy(() -> actions.sign(q1.id(), q1.version())).isInstanceOf(AccessDeniedException.class);
    }
}

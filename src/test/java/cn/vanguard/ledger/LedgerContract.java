package cn.vanguard.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import cn.vanguard.Conflict;
import cn.vanguard.Invalid;
import cn.vanguard.ledger.internal.IdempotencyKeys;
import cn.vanguard.report.Scores;
import cn.vanguard.review.Review;
import cn.vanguard.security.Grant;
import cn.vanguard.security.Role;
import cn.vanguard.security.SignIn;
import cn.vanguard.testing.Fixtures;

/**
 * The ledger's workflow against a real database: recording, declaring, checking, approving with four eyes,
 * idempotent creation, reversals, and approvals racing each other. Runs on H2 and on PostgreSQL.
 */
abstract class LedgerContract {

    @Autowired
    Fixtures fixtures;
    @Autowired
    Ledger ledger;
    @Autowired
    Review review;
    @Autowired
    Scores scores;
    @Autowired
    IdempotencyKeys keys;

    Fixtures.Tree tree;
    long member;
    long otherMember;
    Fixtures.Account scorer;
    Fixtures.Account secretary;
    Fixtures.Account memberAccount;
    LocalDate day;

    @BeforeEach
    void organisation() {
        tree = fixtures.tree("city-direct-organs");
        member = fixtures.member(tree.branch().id(), "张三");
        otherMember = fixtures.member(tree.otherBranch().id(), "李四");
        scorer = fixtures.account(Role.SCORER, tree.branch().id());
        secretary = fixtures.account(Role.SECRETARY, tree.branch().id());
        memberAccount = fixtures.memberAccount(member, tree.branch().id());
        day = LocalDate.of(fixtures.year(), 1, 10);
    }

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    private NewEntry meeting(long memberId) {
        return new NewEntry(memberId, "ACT_MEETING", day, null, null, null, "支部党员大会", null);
    }

    @Test
    void aRecordedEntryCountsOnlyOnceApprovedByAnotherPerson() {
        scorer.signIn();
        LedgerEntry entry = ledger.record(meeting(member), List.of(), Fixtures.unique("k"));
        assertThat(entry.status()).isEqualTo(EntryStatus.PENDING);
        assertThatThrownBy(() -> review.approve(entry.id(), entry.version())).isInstanceOf(AccessDeniedException.class);
        assertThat(total(member)).isEqualByComparingTo("0");

        secretary.signIn();
        LedgerEntry own = ledger.record(new NewEntry(member, "ACT_STUDY", day, null, null, null, null, null), List.of(), Fixtures.unique("k"));
        assertThatThrownBy(() -> review.approve(own.id(), own.version()))
                .isInstanceOf(Invalid.class).hasMessageContaining("不能审核自己录入");
        LedgerEntry approved = review.approve(entry.id(), entry.version());
        assertThat(approved.status()).isEqualTo(EntryStatus.APPROVED);
        assertThat(approved.decidedBy()).isEqualTo(secretary.id());
        assertThat(total(member)).isEqualByComparingTo("1");
    }

    private java.math.BigDecimal total(long memberId) {
        secretary.signIn();
        return scores.member(memberId, fixtures.year()).orElseThrow().result().total();
    }

    @Test
    void theSameIdempotencyKeyReturnsTheFirstEntryAndRefusesOtherContent() {
        scorer.signIn();
        String key = Fixtures.unique("k");
        LedgerEntry first = ledger.record(meeting(member), List.of(), key);
        LedgerEntry again = ledger.record(meeting(member), List.of(), key);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(ledger.search(new Ledger.Filter(null, member, null, null, null, null), 10)).hasSize(1);
        NewEntry other = new NewEntry(member, "ACT_STUDY", day, null, null, null, null, null);
        assertThatThrownBy(() -> ledger.record(other, List.of(), key)).isInstanceOf(Conflict.class).hasMessageContaining("已用于另一条");
    }

    @Test
    void theMenuBadgeCountsWhatTheReviewQueueShows() {
        long secretaryMember = fixtures.member(tree.branch().id(), "王书记");
        Fixtures.Account secretaryWithRecord = fixtures.account(secretaryMember, new Grant(Role.SECRETARY, tree.branch().id()));
        scorer.signIn();
        ledger.record(meeting(member), List.of(), Fixtures.unique("k"));
        ledger.record(meeting(secretaryMember), List.of(), Fixtures.unique("k"));
        secretary.signIn();
        ledger.record(new NewEntry(member, "ACT_STUDY", day, null, null, null, null, null), List.of(), Fixtures.unique("k"));
        memberAccount.signIn();
        ledger.declare(new NewEntry(member, "PRC_VOLUNTEER", day, null, null, null, "社区志愿服务", null), List.of(), Fixtures.unique("k"));

        Map<String, Integer> expected = Map.of(
                scorer.username(), 1, // the declaration to check first
                secretary.username(), 3, // the declaration and the scorer's two entries, not the secretary's own
                secretaryWithRecord.username(), 3, // the declaration and the two entries not about them
                memberAccount.username(), 0);
        for (Fixtures.Account account : List.of(scorer, secretary, secretaryWithRecord, memberAccount)) {
            account.signIn();
            assertThat(review.queue(100)).as(account.username()).hasSize(expected.get(account.username()));
            assertThat(review.pendingForMe()).as(account.username()).isEqualTo(review.queue(100).size());
        }
        secretary.signIn();
        List<LedgerEntry> all = review.queue(100);
        assertThat(review.queue(2)).as("the oldest first").containsExactlyElementsOf(all.subList(0, 2));
    }

    @Test
    void nobodyRecordsOutsideTheirUnits() {
        scorer.signIn();
        assertThatThrownBy(() -> ledger.record(meeting(otherMember), List.of(), Fixtures.unique("k")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void entriesAreCheckedAgainstTheScheme() {
        scorer.signIn();
        NewEntry unknown = new NewEntry(member, "ACT_MEETNG", day, null, null, null, null, null);
        assertThatThrownBy(() -> ledger.record(unknown, List.of(), Fixtures.unique("k")))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.errors().get("itemCode")).contains("是否应为 ACT_MEETING"));
        NewEntry future = new NewEntry(member, "ACT_MEETING", LocalDate.now().plusDays(5), null, null, null, null, null);
        assertThatThrownBy(() -> ledger.record(future, List.of(), Fixtures.unique("k")))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.errors()).containsKey("date"));
        // a date of last year is outside the cycle the unit runs: said so, with the cycle, not "publish a scheme"
        NewEntry lastYear = new NewEntry(member, "ACT_MEETING", LocalDate.of(fixtures.year() - 1, 12, 20), null, null, null, null, null);
        assertThatThrownBy(() -> ledger.record(lastYear, List.of(), Fixtures.unique("k")))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.errors().get("date")).isEqualTo("日期" + (fixtures.year() - 1)
                        + "-12-20不在积分周期内：“" + tree.branch().name() + "”现行的是" + fixtures.year() + "年度积分周期（" + fixtures.year()
                        + "年1月1日至12月31日），" + (fixtures.year() - 1) + "年没有积分方案。请填写" + fixtures.year() + "年内的日期"));
    }

    @Test
    void aDeclarationNeedsADescriptionAndIsCheckedFirst() {
        memberAccount.signIn();
        NewEntry bare = new NewEntry(member, "PRC_VOLUNTEER", day, null, null, null, null, null);
        assertThatThrownBy(() -> ledger.declare(bare, List.of(), Fixtures.unique("k")))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.errors()).containsKey("note"));
        LedgerEntry declared = ledger.declare(new NewEntry(member, "PRC_VOLUNTEER", day, null, null, null, "社区志愿服务", null),
                List.of(), Fixtures.unique("k"));
        assertThat(declared.status()).isEqualTo(EntryStatus.FIRST_CHECK);
        assertThatThrownBy(() -> ledger.declare(meeting(otherMember), List.of(), Fixtures.unique("k")))
                .isInstanceOf(AccessDeniedException.class);

        scorer.signIn();
        LedgerEntry checked = review.check(declared.id(), true, null, declared.version());
        assertThat(checked.status()).isEqualTo(EntryStatus.PENDING);
        secretary.signIn();
        assertThat(review.approve(checked.id(), checked.version()).status()).isEqualTo(EntryStatus.APPROVED);
    }

    @Test
    void aReversalTakesTheOriginalOutOfTheScoreOnceApproved() {
        scorer.signIn();
        LedgerEntry entry = ledger.record(meeting(member), List.of(), Fixtures.unique("k"));
        secretary.signIn();
        review.approve(entry.id(), entry.version());
        assertThat(total(member)).isEqualByComparingTo("1");

        scorer.signIn();
        LedgerEntry reversal = ledger.reverse(entry.id(), "重复录入", Fixtures.unique("k"));
        assertThat(reversal.reversesId()).isEqualTo(entry.id());
        assertThatThrownBy(() -> ledger.reverse(entry.id(), "再冲一次", Fixtures.unique("k"))).isInstanceOf(Conflict.class);
        assertThat(total(member)).isEqualByComparingTo("1");

        secretary.signIn();
        review.approve(reversal.id(), reversal.version());
        assertThat(total(member)).isEqualByComparingTo("0");
        assertThat(ledger.get(entry.id()).status()).isEqualTo(EntryStatus.APPROVED);
    }

    @Test
    void concurrentApprovalsOfOneEntryCountItOnce() throws Exception {
        Fixtures.Account secondSecretary = fixtures.account(Role.SECRETARY, tree.branch().id());
        scorer.signIn();
        LedgerEntry entry = ledger.record(meeting(member), List.of(), Fixtures.unique("k"));
        SignIn.out();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        for (Fixtures.Account approver : List.of(secretary, secondSecretary, secretary, secondSecretary)) {
            Callable<String> approve = () -> {
                approver.signIn();
                start.await();
                try {
                    review.approve(entry.id(), entry.version());
                    return "approved";
                } catch (Conflict e) {
                    return "conflict";
                } finally {
                    SignIn.out();
                }
            };
            outcomes.add(pool.submit(approve));
        }
        start.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            results.add(outcome.get());
        }
        pool.shutdown();
        assertThat(results).containsOnlyOnce("approved").contains("conflict");
        assertThat(total(member)).isEqualByComparingTo("1");
    }

    @Test
    void idempotencyKeysAreForgottenOnlyAfterTheirTime() {
        scorer.signIn();
        String key = Fixtures.unique("k");
        LedgerEntry first = ledger.record(meeting(member), List.of(), key);
        keys.forgetBefore(java.time.OffsetDateTime.now().minusDays(IdempotencyKeys.KEEP_DAYS));
        assertThat(ledger.record(meeting(member), List.of(), key).id()).isEqualTo(first.id());
        keys.forgetBefore(java.time.OffsetDateTime.now().plusMinutes(1));
        assertThat(ledger.record(meeting(member), List.of(), key).id()).isNotEqualTo(first.id());
    }
}

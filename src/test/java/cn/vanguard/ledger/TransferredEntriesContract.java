package cn.vanguard.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import cn.vanguard.Conflict;
import cn.vanguard.org.Members;
import cn.vanguard.review.Review;
import cn.vanguard.security.Role;
import cn.vanguard.security.SignIn;
import cn.vanguard.testing.Fixtures;

/**
 * A member transferred from committee A to committee B: every decision about their entries is taken against the unit
 * they belong to now, their entries under review move with them (audited in the transfer), and the old unit neither
 * sees nor decides about them any more.
 */
abstract class TransferredEntriesContract {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};

    @Autowired
    Fixtures fixtures;
    @Autowired
    Ledger ledger;
    @Autowired
    Review review;
    @Autowired
    Attachments attachments;
    @Autowired
    Members members;
    @Autowired
    LedgerChain chain;

    Fixtures.Tree a;
    Fixtures.Tree b;
    long member;
    Fixtures.Account secretaryA;
    Fixtures.Account scorerA;
    Fixtures.Account secretaryB;
    Fixtures.Account scorerB;
    LedgerEntry approved;
    LedgerEntry pending;
    LedgerEntry declared;
    long attachment;

    @BeforeEach
    void aMemberWithEntriesInEveryStateIsTransferred() {
        a = fixtures.tree("city-direct-organs");
        b = fixtures.tree("city-direct-organs");
        member = fixtures.member(a.branch().id(), "转接人");
        Fixtures.Account own = fixtures.memberAccount(member, a.branch().id());
        secretaryA = fixtures.account(Role.SECRETARY, a.branch().id());
        scorerA = fixtures.account(Role.SCORER, a.branch().id());
        secretaryB = fixtures.account(Role.SECRETARY, b.branch().id());
        scorerB = fixtures.account(Role.SCORER, b.branch().id());
        LocalDate day = LocalDate.of(fixtures.year(), 1, 10);

        scorerA.signIn();
        LedgerEntry first = ledger.record(new NewEntry(member, "RWD_CITY", day, null, null, null, "表彰", null),
                List.of(new Upload("表彰.png", "image/png", PNG)), Fixtures.unique("k"));
        pending = ledger.record(new NewEntry(member, "ACT_MEETING", day, null, null, null, "党员大会", null), List.of(), Fixtures.unique("k"));
        secretaryA.signIn();
        approved = review.approve(first.id(), first.version());
        own.signIn();
        declared = ledger.declare(new NewEntry(member, "PRC_VOLUNTEER", day, null, null, null, "志愿服务", "张三、李四"), List.of(),
                Fixtures.unique("k"));
        attachment = fixtures.jdbc().sql("select id from attachment where entry_id = :e").param("e", first.id()).query(Long.class).single();

        fixtures.account(Role.SYSTEM_ADMIN, null).signIn();
        members.transfer(member, b.branch().id(), day, "工作调动");
        SignIn.out();
    }

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    private long storedUnit(long entryId) {
        return fixtures.jdbc().sql("select unit_id from ledger_entry where id = :id").param("id", entryId).query(Long.class).single();
    }

    @Test
    void theEntriesUnderReviewMoveWithTheMemberInTheTransfersAuditedTransaction() {
        assertThat(storedUnit(pending.id())).isEqualTo(b.branch().id());
        assertThat(storedUnit(declared.id())).isEqualTo(b.branch().id());
        assertThat(storedUnit(approved.id())).as("a decided entry keeps where it was recorded").isEqualTo(a.branch().id());
        assertThat(ledger.get(approved.id()).unitId()).as("but is decided by the member's unit now").isEqualTo(b.branch().id());
        String moved = fixtures.jdbc().sql("select after_json from audit_log where action = 'ENTRIES_MOVED' and object_id = :m")
                .param("m", Long.toString(member)).query(String.class).single();
        assertThat(moved).contains(Long.toString(pending.id())).contains(Long.toString(declared.id())).doesNotContain(Long.toString(approved.id()) + ",");
    }

    @Test
    void theOldUnitNeitherSeesNorDecidesAnyMore() {
        secretaryA.signIn();
        assertThatThrownBy(() -> ledger.visible(approved.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> review.approve(pending.id(), ledger.get(pending.id()).version())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> review.reject(pending.id(), "不对", ledger.get(pending.id()).version())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> attachments.content(attachment, ledger)).isInstanceOf(AccessDeniedException.class);
        assertThat(review.queue(100)).extracting(LedgerEntry::memberId).doesNotContain(member);
        assertThat(review.pendingForMe()).isZero();
        assertThat(ledger.search(new Ledger.Filter(null, null, null, null, null, null), 2000)).extracting(LedgerEntry::memberId)
                .doesNotContain(member);

        scorerA.signIn();
        assertThatThrownBy(() -> review.check(declared.id(), true, null, ledger.get(declared.id()).version()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ledger.reverse(approved.id(), "录错了", Fixtures.unique("k"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> attachments.add(pending.id(), List.of(new Upload("补充.png", "image/png", PNG)), ledger))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(review.pendingForMe()).isZero();
        assertThat(fixtures.jdbc().sql("select count(*) from ledger_entry where member_id = :m").param("m", member).query(Integer.class).single())
                .as("nothing was written").isEqualTo(3);
    }

    @Test
    void theNewUnitSeesChecksApprovesAndReversesThem() {
        secretaryB.signIn();
        assertThat(ledger.visible(approved.id()).id()).isEqualTo(approved.id());
        assertThat(attachments.content(attachment, ledger).data()).isEqualTo(PNG);
        assertThat(ledger.search(new Ledger.Filter(b.branch().id(), member, null, null, null, null), 100)).extracting(LedgerEntry::id)
                .containsExactlyInAnyOrder(approved.id(), pending.id(), declared.id());
        assertThat(review.queue(100)).extracting(LedgerEntry::id).contains(pending.id(), declared.id());
        assertThat(review.pendingForMe()).isEqualTo(2);
        assertThatThrownBy(() -> review.approve(pending.id(), pending.version()))
                .as("a version read before the transfer is stale").isInstanceOf(Conflict.class);
        assertThat(review.approve(pending.id(), ledger.get(pending.id()).version()).status()).isEqualTo(EntryStatus.APPROVED);

        scorerB.signIn();
        assertThat(review.check(declared.id(), true, null, ledger.get(declared.id()).version()).status()).isEqualTo(EntryStatus.PENDING);
        LedgerEntry reversal = ledger.reverse(approved.id(), "重复录入", Fixtures.unique("k"));
        assertThat(storedUnit(reversal.id())).as("the reversal is written for the member's unit now").isEqualTo(b.branch().id());
        secretaryB.signIn();
        assertThat(review.approve(reversal.id(), reversal.version()).status()).isEqualTo(EntryStatus.APPROVED);

        assertThat(chainUnits(pending.id())).as("decided in B, chained where it was recorded").containsOnly(a.branch().id());
        assertThat(chainUnits(declared.id())).containsOnly(a.branch().id());
        assertThat(chainUnits(reversal.id())).containsOnly(b.branch().id());
        assertThat(chain.verify(List.of(a.branch().id(), b.branch().id())).broken()).isNull();
    }

    private List<Long> chainUnits(long entryId) {
        return fixtures.jdbc().sql("select unit_id from ledger_chain where entry_id = :e").param("e", entryId).query(Long.class).list();
    }
}

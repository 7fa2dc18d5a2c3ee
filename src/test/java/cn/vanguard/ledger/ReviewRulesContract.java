package cn.vanguard.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.vanguard.Conflict;
import cn.vanguard.Invalid;
import cn.vanguard.review.Review;
import cn.vanguard.security.Grant;
import cn.vanguard.security.Role;
import cn.vanguard.security.SignIn;
import cn.vanguard.testing.Fixtures;

/**
 * The review's rules one by one, each test failing when its rule is taken out (mutation testing found them unguarded):
 * four eyes about oneself, the guards of reversals, approval's version, the evidence rule at declaration and at
 * approval, the type of evidence files, fast entry's all or nothing, and the first check only of declarations waiting
 * for it. Items of city-organs-100 need materials or two witnesses (MATERIALS_OR_WITNESSES).
 */
abstract class ReviewRulesContract {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};

    @Autowired
    LedgerImport ledgerImport;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Ledger ledger;
    @Autowired
    Review review;
    @Autowired
    Assessments assessments;

    Fixtures.Tree tree;
    long member;
    Fixtures.Account scorer;
    Fixtures.Account secretary;
    Fixtures.Account memberAccount;
    LocalDate day;

    @BeforeEach
    void organisation() {
        tree = fixtures.tree("city-organs-100");
        member = fixtures.member(tree.branch().id(), "张三");
        scorer = fixtures.account(Role.SCORER, tree.branch().id());
        secretary = fixtures.account(Role.SECRETARY, tree.branch().id());
        memberAccount = fixtures.memberAccount(member, tree.branch().id());
        day = LocalDate.of(fixtures.year(), 1, 10);
    }

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    private LedgerEntry recorded(long memberId, String item) {
        scorer.signIn();
        return ledger.record(new NewEntry(memberId, item, day, null, null, null, "记录", "李四、王五"), List.of(), Fixtures.unique("k"));
    }

    private LedgerEntry approved(long memberId) {
        LedgerEntry entry = recorded(memberId, "BON_CHARITY");
        secretary.signIn();
        return review.approve(entry.id(), entry.version());
    }

    private int count(String sql, Object id) {
        return fixtures.jdbc().sql(sql).param("id", id).query(Integer.class).single();
    }

    // ---------------------------------------------------------------- four eyes

    @Test
    void nobodyApprovesOrRejectsAnEntryAboutThemselvesEvenWhenSomeoneElseRecordedIt() {
        long secretaryMember = fixtures.member(tree.branch().id(), "王书记");
        Fixtures.Account secretaryWithRecord = fixtures.account(secretaryMember, new Grant(Role.SECRETARY, tree.branch().id()));
        LedgerEntry aboutThem = recorded(secretaryMember, "BON_CHARITY");

        secretaryWithRecord.signIn();
        assertThatThrownBy(() -> review.approve(aboutThem.id(), aboutThem.version()))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.errors().get("entry")).contains("关于自己"));
        assertThatThrownBy(() -> review.reject(aboutThem.id(), "不对", aboutThem.version()))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.errors().get("entry")).contains("关于自己"));
        assertThat(ledger.get(aboutThem.id()).status()).isEqualTo(EntryStatus.PENDING);

        secretary.signIn();
        assertThat(review.approve(aboutThem.id(), aboutThem.version()).status()).as("another secretary may").isEqualTo(EntryStatus.APPROVED);
    }

    // ---------------------------------------------------------------- reversals

    @Test
    void onlyAnApprovedEntryThatIsNotAReversalIsReversed() {
        LedgerEntry pending = recorded(member, "BON_CHARITY");
        scorer.signIn();
        assertThatThrownBy(() -> ledger.reverse(pending.id(), "录错了", Fixtures.unique("k")))
                .isInstanceOf(Conflict.class).hasMessageContaining("只能冲销已生效的记录");

        LedgerEntry original = approved(member);
        scorer.signIn();
        LedgerEntry reversal = ledger.reverse(original.id(), "重复录入", Fixtures.unique("k"));
        secretary.signIn();
        review.approve(reversal.id(), reversal.version());
        scorer.signIn();
        assertThatThrownBy(() -> ledger.reverse(reversal.id(), "恢复", Fixtures.unique("k")))
                .isInstanceOf(Conflict.class).hasMessageContaining("冲销记录本身不能再冲销");
        assertThat(count("select count(*) from ledger_entry where reverses_id = :id", reversal.id())).isZero();
    }

    @Test
    void aSecondReversalOfTheSameOriginalIsNotApproved() {
        LedgerEntry original = approved(member);
        scorer.signIn();
        LedgerEntry first = ledger.reverse(original.id(), "重复录入", Fixtures.unique("k"));
        // two reversals racing past the check at once: the second is written beside the first
        long second = copyOf(first.id());
        secretary.signIn();
        review.approve(first.id(), first.version());
        assertThatThrownBy(() -> review.approve(second, 0)).isInstanceOf(Conflict.class).hasMessageContaining("已被冲销过");
        assertThat(ledger.get(second).status()).isEqualTo(EntryStatus.PENDING);
    }

    @Test
    void aReversalWhoseOriginalIsNotInForceIsNotApproved() {
        LedgerEntry pending = recorded(member, "BON_CHARITY");
        // a reversal written while its original was still under review (data from before the reversal rules)
        long reversal = copyOf(pending.id());
        fixtures.jdbc().sql("update ledger_entry set reverses_id = :o where id = :id").param("o", pending.id()).param("id", reversal).update();
        secretary.signIn();
        assertThatThrownBy(() -> review.approve(reversal, 0)).isInstanceOf(Conflict.class).hasMessageContaining("已不是“已生效”状态");
        assertThat(ledger.get(reversal).status()).isEqualTo(EntryStatus.PENDING);
    }

    /** A second row like the entry given, waiting for approval, recorded by the same scorer. */
    private long copyOf(long id) {
        fixtures.jdbc().sql("""
                insert into ledger_entry (member_id, unit_id, scheme_version_id, item_code, entry_date, quantity, points, occurrence, note,
                                          witnesses, source, status, reverses_id, recorded_by, recorded_at)
                select member_id, unit_id, scheme_version_id, item_code, entry_date, quantity, points, occurrence, note, witnesses, source,
                       'PENDING', reverses_id, recorded_by, recorded_at from ledger_entry where id = :id""").param("id", id).update();
        return fixtures.jdbc().sql("select max(id) from ledger_entry where member_id = :m").param("m", member).query(Long.class).single();
    }

    // ---------------------------------------------------------------- approval

    @Test
    void anApprovalReadAtAnOlderVersionChangesNothing() {
        LedgerEntry entry = recorded(member, "BON_CHARITY");
        secretary.signIn();
        assertThatThrownBy(() -> review.approve(entry.id(), entry.version() + 1)).isInstanceOf(Conflict.class).hasMessageContaining("已被他人处理");
        assertThatThrownBy(() -> review.reject(entry.id(), "不对", entry.version() + 1)).isInstanceOf(Conflict.class);
        assertThat(ledger.get(entry.id()).status()).isEqualTo(EntryStatus.PENDING);
        assertThat(review.approve(entry.id(), entry.version()).status()).isEqualTo(EntryStatus.APPROVED);
    }

    @Test
    void theEvidenceRuleHoldsAtApproval() {
        scorer.signIn();
        LedgerEntry bare = ledger.record(new NewEntry(member, "BON_CHARITY", day, null, null, null, "爱心捐助", "李四"), List.of(),
                Fixtures.unique("k"));
        secretary.signIn();
        assertThatThrownBy(() -> review.approve(bare.id(), bare.version()))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.errors().get("evidence")).contains("至少2名证明人"));
        assertThat(ledger.get(bare.id()).status()).isEqualTo(EntryStatus.PENDING);

        scorer.signIn();
        LedgerEntry withFile = ledger.record(new NewEntry(member, "BON_CHARITY", day, null, null, null, "爱心捐助", null),
                List.of(new Upload("捐助.png", "image/png", PNG)), Fixtures.unique("k"));
        LedgerEntry withWitnesses = recorded(member, "BON_CHARITY");
        secretary.signIn();
        assertThat(review.approve(withFile.id(), withFile.version()).status()).isEqualTo(EntryStatus.APPROVED);
        assertThat(review.approve(withWitnesses.id(), withWitnesses.version()).status()).isEqualTo(EntryStatus.APPROVED);
    }

    // ---------------------------------------------------------------- declaring

    @Test
    void aDeclarationNeedsTheEvidenceItsItemAsksFor() {
        memberAccount.signIn();
        for (String witnesses : new String[] {null, "李四", "李四 "}) {
            assertThatThrownBy(() -> ledger.declare(new NewEntry(member, "BON_CHARITY", day, null, null, null, "爱心捐助", witnesses),
                    List.of(), Fixtures.unique("k")))
                    .as("witnesses %s", witnesses)
                    .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.errors().get("files")).contains("需要上传证明材料"));
        }
        assertThat(count("select count(*) from ledger_entry where member_id = :id", member)).isZero();
        assertThat(ledger.declare(new NewEntry(member, "BON_CHARITY", day, null, null, null, "爱心捐助", "李四、王五"), List.of(),
                Fixtures.unique("k")).status()).isEqualTo(EntryStatus.FIRST_CHECK);
        assertThat(ledger.declare(new NewEntry(member, "BON_CHARITY", day, null, null, null, "爱心捐助", null),
                List.of(new Upload("捐助.png", "image/png", PNG)), Fixtures.unique("k")).status()).isEqualTo(EntryStatus.FIRST_CHECK);
    }

    @Test
    void evidenceFilesAreRecognisedByTheirContentNotTheirName() {
        memberAccount.signIn();
        Upload disguised = new Upload("照片.png", "image/png", "<script>alert(1)</script>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ledger.declare(new NewEntry(member, "BON_CHARITY", day, null, null, null, "爱心捐助", null),
                List.of(disguised), Fixtures.unique("k")))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.errors().get("files")).contains("不是照片"));
        assertThat(count("select count(*) from ledger_entry where member_id = :id", member)).isZero();
    }

    @Test
    void membersDeclareOnlyTheItemsTheRuleAllows() {
        memberAccount.signIn();
        assertThatThrownBy(() -> ledger.declare(new NewEntry(member, "DED_DUTY", day, null, null, null, "自报扣分", "李四、王五"), List.of(),
                Fixtures.unique("k")))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.errors().get("itemCode")).contains("不能个人申报"));
        assertThat(count("select count(*) from ledger_entry where member_id = :id", member)).isZero();
    }

    // ---------------------------------------------------------------- the first check

    @Test
    void theFirstCheckIsOnlyForDeclarationsWaitingForIt() {
        LedgerEntry recordedEntry = recorded(member, "BON_CHARITY");
        Fixtures.Account otherScorer = fixtures.account(Role.SCORER, tree.branch().id());
        otherScorer.signIn();
        assertThatThrownBy(() -> review.check(recordedEntry.id(), false, "不对", recordedEntry.version()))
                .isInstanceOf(Conflict.class).hasMessageContaining("待审核").hasMessageContaining("不能初审");
        assertThatThrownBy(() -> review.check(recordedEntry.id(), true, null, recordedEntry.version()))
                .isInstanceOf(Conflict.class).hasMessageContaining("不能初审");
        assertThat(ledger.get(recordedEntry.id()).status()).as("a scorer cannot reject what waits for the secretary").isEqualTo(EntryStatus.PENDING);
    }

    // ---------------------------------------------------------------- fast entry

    @Test
    void fastEntrySavesEveryRowOrNone() {
        scorer.signIn();
        NewEntry good = new NewEntry(member, "BON_CHARITY", day, null, null, null, "爱心捐助", null);
        NewEntry bad = new NewEntry(member, "BON_CHARTY", day, null, null, null, "爱心捐助", null);
        assertThatThrownBy(() -> ledger.recordAll(List.of(good, bad), List.of(Fixtures.unique("k"), Fixtures.unique("k"))))
                .isInstanceOfSatisfying(RowsInvalid.class, e -> assertThat(e.byRow()).containsOnlyKeys(2));
        assertThat(count("select count(*) from ledger_entry where member_id = :id", member)).isZero();
        assertThat(ledger.recordAll(List.of(good, good), List.of(Fixtures.unique("k"), Fixtures.unique("k")))).hasSize(2);
    }

    // ---------------------------------------------------------------- numbers

    @Test
    void numbersAreRefusedAsTheyAreWhenTheDatabaseWouldRoundOrOverflowThem() {
        scorer.signIn();
        assertRefused(new BigDecimal("0.00001"), null, "quantity", "数量最多保留4位小数");
        assertRefused(new BigDecimal("1.00004"), null, "quantity", "数量最多保留4位小数");
        assertRefused(new BigDecimal("99999999999"), null, "quantity", "数量超出范围");
        assertRefused(new BigDecimal("1E+999999999"), null, "quantity", "数量超出范围");
        assertRefused(null, new BigDecimal("3.00001"), "points", "分值最多保留4位小数");
        assertThat(count("select count(*) from ledger_entry where member_id = :id", member)).isZero();
        LedgerEntry fine = ledger.record(new NewEntry(member, "BON_SUGGESTION", day, new BigDecimal("2.0000"), null, null, "建议", null),
                List.of(), Fixtures.unique("k"));
        assertThat(fine.quantity()).isEqualByComparingTo("2");
    }

    @Test
    void numbersAreCheckedTheSameWayInDeclarationsImportsAndAssessments() throws java.io.IOException {
        memberAccount.signIn();
        assertThatThrownBy(() -> ledger.declare(new NewEntry(member, "BON_SUGGESTION", day, new BigDecimal("0.00001"), null, null, "建议",
                "李四、王五"), List.of(), Fixtures.unique("k")))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.errors().get("quantity")).isEqualTo("数量最多保留4位小数"));

        scorer.signIn();
        String code = fixtures.jdbc().sql("select code from member where id = :id").param("id", member).query(String.class).single();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("ledger-", ".csv");
        java.nio.file.Files.writeString(file, "member_id,item,date,quantity\n" + code + ",BON_SUGGESTION," + day + ",1\n"
                + code + ",BON_SUGGESTION," + day + ",99999999999\n");
        ImportResult result = ledgerImport.importFile(tree.branch().id(), file, "台账.csv");
        java.nio.file.Files.delete(file);
        assertThat(result.imported()).isZero();
        assertThat(result.problems()).containsExactly(new RowsInvalid.RowProblem(3, "数量", "数量超出范围：最大为9999999999.9999"));
        assertThat(count("select count(*) from ledger_entry where member_id = :id", member)).isZero();

        secretary.signIn();
        assertThatThrownBy(() -> assessments.assess(member, fixtures.year(), "B_POLITICAL", "19.00001"))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.errors().get("value")).isEqualTo("评定值最多保留4位小数"));
        assertThatThrownBy(() -> assessments.assess(member, fixtures.year(), "B_POLITICAL", "1E+999999999"))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.errors().get("value")).startsWith("评定值超出范围"));
        assessments.assess(member, fixtures.year(), "B_POLITICAL", "19.5");
        assertThat(assessments.current(member, fixtures.year())).containsEntry("B_POLITICAL", "19.5");
    }

    private void assertRefused(BigDecimal quantity, BigDecimal points, String field, String message) {
        NewEntry entry = new NewEntry(member, "BON_SUGGESTION", day, quantity, points, null, "建议", null);
        assertThatThrownBy(() -> ledger.record(entry, List.of(), Fixtures.unique("k")))
                .as("%s %s", quantity, points)
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.errors().get(field)).startsWith(message));
        assertThat(ledger.problems(entry)).containsKey(field);
    }
}

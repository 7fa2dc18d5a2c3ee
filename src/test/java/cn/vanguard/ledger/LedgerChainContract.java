package cn.vanguard.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import cn.vanguard.cli.Cli;
import cn.vanguard.ledger.ChainCheck.Kind;
import cn.vanguard.ledger.internal.ChainVerifier;
import cn.vanguard.review.Review;
import cn.vanguard.security.Role;
import cn.vanguard.security.SignIn;
import cn.vanguard.testing.Fixtures;

/**
 * Tamper evidence (cycle.md §6): entries recorded, declared, checked, approved, rejected and reversed through the
 * application verify, by the service and by {@code verify-ledger}; one row or link changed behind the application's
 * back is named, with the group of fields, and the command exits 1.
 */
abstract class LedgerChainContract {

    private static final List<String> DATABASE = List.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
            "spring.flyway.url", "spring.flyway.user", "spring.flyway.default-schema", "spring.flyway.schemas", "vanguard.key-file",
            "vanguard.sessions.jdbc");

    @Autowired
    Fixtures fixtures;
    @Autowired
    Ledger ledger;
    @Autowired
    Review review;
    @Autowired
    LedgerChain chain;
    @Autowired
    ChainVerifier verifier;
    @Autowired
    Environment environment;
    @Autowired
    LedgerImport imports;
    @Autowired
    cn.vanguard.org.Members members;

    Fixtures.Tree tree;
    List<Long> units;
    long member;
    long other;
    Fixtures.Account scorer;
    Fixtures.Account secretary;
    /** By name: approved, rejected, declared (checked, approved), pending, reversal (approved). */
    final Map<String, Long> entries = new HashMap<>();
    final Map<String, String> previous = new HashMap<>();

    @BeforeEach
    void entriesRecordedAndDecided() {
        tree = fixtures.tree("city-direct-organs");
        units = List.of(tree.committee().id(), tree.branch().id(), tree.otherBranch().id());
        member = fixtures.member(tree.branch().id(), "链上人");
        other = fixtures.member(tree.branch().id(), "旁人");
        Fixtures.Account own = fixtures.memberAccount(member, tree.branch().id());
        scorer = fixtures.account(Role.SCORER, tree.branch().id());
        secretary = fixtures.account(Role.SECRETARY, tree.branch().id());
        LocalDate day = LocalDate.of(fixtures.year(), 1, 10);

        scorer.signIn();
        LedgerEntry approved = record("ACT_MEETING", day, "党员大会");
        LedgerEntry rejected = record("ACT_SPEECH", day, "专题发言");
        own.signIn();
        LedgerEntry declared = ledger.declare(new NewEntry(member, "PRC_VOLUNTEER", day, null, null, null, "志愿服务", "张三、李四"),
                List.of(), Fixtures.unique("k"));
        scorer.signIn();
        declared = review.check(declared.id(), true, null, declared.version());
        LedgerEntry pending = record("ACT_MEETING", day.plusDays(1), "支部委员会");
        secretary.signIn();
        approved = review.approve(approved.id(), approved.version());
        review.reject(rejected.id(), "与事实不符", rejected.version());
        review.approve(declared.id(), declared.version());
        scorer.signIn();
        LedgerEntry reversal = ledger.reverse(approved.id(), "重复录入", Fixtures.unique("k"));
        secretary.signIn();
        review.approve(reversal.id(), reversal.version());
        SignIn.out();
        entries.putAll(Map.of("approved", approved.id(), "rejected", rejected.id(), "declared", declared.id(), "pending", pending.id(),
                "reversal", reversal.id()));
    }

    private LedgerEntry record(String item, LocalDate day, String note) {
        return ledger.record(new NewEntry(member, item, day, null, null, null, note, null), List.of(), Fixtures.unique("k"));
    }

    @Test
    void everyEntryAndDecisionVerifiesByTheServiceAndTheCommand() {
        ChainCheck check = chain.verify(units);
        assertThat(check.broken()).isNull();
        assertThat(check.entries()).isEqualTo(5);
        // five recorded, one first check, four decisions
        assertThat(check.links()).isEqualTo(10);
        assertThat(chain.head(tree.branch().id()).seq()).isEqualTo(10);
        assertThat(chain.hashAt(tree.branch().id(), 10)).contains(chain.head(tree.branch().id()).hash());

        Run run = verifyLedger();
        assertThat(run.out()).contains("ledger verified: 5 entries, 0 snapshots");
        assertThat(run.status()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            points    | approved | RECORDED | 分值     | update ledger_entry set points = 99 where id = :id
            date      | approved | RECORDED | 日期     | update ledger_entry set entry_date = entry_date - 1 where id = :id
            member    | approved | RECORDED | 党员     | update ledger_entry set member_id = :other where id = :id
            status    | pending  | DECIDED  | 状态     | update ledger_entry set status = 'APPROVED' where id = :id
            decision  | rejected | DECIDED  | 审核结论 | update ledger_entry set status = 'APPROVED', reject_reason = null where id = :id
            link hash | rejected | DECIDED  | 链       | update ledger_chain set hash = :forged where entry_id = :id and kind = 'DECIDED'
            link gone | rejected | DECIDED  | 状态     | delete from ledger_chain where entry_id = :id and kind = 'DECIDED'
            recorded gone | pending | RECORDED | 记录   | delete from ledger_chain where entry_id = :id and kind = 'RECORDED'
            """)
    void aRowOrLinkChangedInTheDatabaseIsNamedAndTheCommandExitsOne(String what, String entry, Kind kind, String fields, String sql) {
        long id = entries.get(entry);
        assertThat(fixtures.jdbc().sql(sql).param("id", id).param("other", other).param("forged", "0".repeat(64)).update()).isOne();

        ChainCheck.Broken broken = chain.verify(units).broken();
        assertThat(broken).as(what).isNotNull();
        assertThat(broken.entryId()).as(broken.describe()).isEqualTo(id);
        assertThat(broken.unitId()).isEqualTo(tree.branch().id());
        assertThat(broken.kind()).isEqualTo(kind);
        assertThat(broken.fields()).isEqualTo(fields);

        Run run = verifyLedger();
        assertThat(run.out()).contains("entry " + id + " (unit " + tree.branch().id()).contains(fields);
        assertThat(run.status()).isEqualTo(1);
    }

    @Test
    void anEntryInsertedIntoTheTableIsNamed() {
        org.springframework.jdbc.support.KeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        fixtures.jdbc().sql("""
                        insert into ledger_entry (member_id, unit_id, scheme_version_id, item_code, entry_date, quantity, source, status,
                                                  recorded_by, recorded_at)
                        select member_id, unit_id, scheme_version_id, item_code, entry_date, quantity, source, 'APPROVED', recorded_by,
                               recorded_at from ledger_entry where id = :id""")
                .param("id", entries.get("approved")).update(key, "id");
        long id = key.getKeyAs(Long.class);

        ChainCheck.Broken broken = chain.verify(units).broken();
        assertThat(broken.entryId()).isEqualTo(id);
        assertThat(broken.seq()).isZero();
        assertThat(broken.problem()).contains("链上没有这条记录");
        assertThat(verifyLedger().status()).isEqualTo(1);
    }

    @Test
    void anImportIntoTwoUnitsChainsEveryEntryInItsOwnUnit() throws java.io.IOException {
        long elsewhere = fixtures.member(tree.otherBranch().id(), "另一支部的人");
        String day = LocalDate.of(fixtures.year(), 3, 2).toString();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("ledger-", ".csv");
        try {
            java.nio.file.Files.writeString(file, "成员编号,项目编码,日期,数量\n" + code(member) + ",ACT_MEETING," + day + ",1\n"
                    + code(elsewhere) + ",ACT_MEETING," + day + ",1\n" + code(member) + ",PRC_VOLUNTEER," + day + ",2.5\n");
            fixtures.account(Role.SCORER, tree.committee().id()).signIn();
            assertThat(imports.importFile(tree.committee().id(), file, "台账.csv").imported()).isEqualTo(3);
        } finally {
            SignIn.out();
            java.nio.file.Files.deleteIfExists(file);
        }
        assertThat(chain.head(tree.branch().id()).seq()).isEqualTo(12);
        assertThat(chain.head(tree.otherBranch().id()).seq()).isEqualTo(1);
        ChainCheck check = chain.verify(units);
        assertThat(check.broken()).isNull();
        assertThat(check.entries()).isEqualTo(8);

        long volunteer = fixtures.jdbc().sql("select id from ledger_entry where member_id = :m and source = 'IMPORT' and quantity > 2")
                .param("m", member).query(Long.class).single();
        fixtures.jdbc().sql("update ledger_entry set quantity = 3 where id = :id").param("id", volunteer).update();
        assertThat(chain.verify(units).broken()).extracting(ChainCheck.Broken::entryId, ChainCheck.Broken::fields)
                .containsExactly(volunteer, "分值");
    }

    private String code(long memberId) {
        return members.find(memberId).orElseThrow().code();
    }

    @Test
    void aKeptHeadVerifiesUntilAnEarlierRowChanges() {
        ChainHead head = chain.head(tree.branch().id());
        ChainHead first = new ChainHead(head.unitId(), 1, chain.hashAt(head.unitId(), 1).orElseThrow());
        assertThat(verifier.verify(units, List.of(head, first))).satisfies(c -> {
            assertThat(c.ok()).isTrue();
            assertThat(c.heads()).isEqualTo(2);
        });
        ChainHead forged = new ChainHead(head.unitId(), 3, head.hash());
        assertThat(verifier.verify(units, List.of(forged)).broken().fields()).isEqualTo("快照");

        fixtures.jdbc().sql("update ledger_chain_head set seq = seq - 1 where unit_id = :u").param("u", head.unitId()).update();
        assertThat(verifier.verify(units, List.of()).broken().fields()).isEqualTo("链");
    }

    @Test
    void concurrentApprovalsInOneUnitKeepOneOrder() throws Exception {
        scorer.signIn();
        List<LedgerEntry> waiting = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            waiting.add(record("ACT_MEETING", LocalDate.of(fixtures.year(), 2, 1 + i), "会议 " + i));
        }
        SignIn.out();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<LedgerEntry>> decided = new ArrayList<>();
            for (LedgerEntry e : waiting) {
                decided.add(pool.submit(() -> {
                    secretary.signIn();
                    try {
                        return review.approve(e.id(), e.version());
                    } finally {
                        SignIn.out();
                    }
                }));
            }
            for (Future<LedgerEntry> f : decided) {
                assertThat(f.get().status()).isEqualTo(EntryStatus.APPROVED);
            }
        } finally {
            pool.shutdownNow();
        }
        ChainCheck check = chain.verify(units);
        assertThat(check.broken()).isNull();
        assertThat(check.links()).isEqualTo(10 + 24);
        assertThat(chain.head(tree.branch().id()).seq()).isEqualTo(34);
    }

    record Run(int status, String out) {
    }

    private Run verifyLedger() {
        for (String key : DATABASE) {
            String value = environment.getProperty(key);
            if (value != null) {
                previous.put(key, System.getProperty(key));
                System.setProperty(key, value);
            }
        }
        StringWriter out = new StringWriter();
        List<String> args = new ArrayList<>(List.of("verify-ledger"));
        units.forEach(u -> args.addAll(List.of("--unit", u.toString())));
        int status = Cli.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(new StringWriter()));
        return new Run(status, out.toString());
    }

    @AfterEach
    void restore() {
        previous.forEach((key, value) -> {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        });
    }
}

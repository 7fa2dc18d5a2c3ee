package cn.vanguard.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.vanguard.audit.AuditLog;
import cn.vanguard.audit.AuditSearch;
import org.springframework.beans.factory.annotation.Autowired;

import cn.vanguard.Conflict;
import cn.vanguard.Invalid;
import cn.vanguard.NotFound;
import cn.vanguard.audit.AuditLog;
import cn.vanguard.ledger.EntrySource;
import cn.vanguard.ledger.EntryStatus;
import cn.vanguard.ledger.Ledger;
import cn.vanguard.ledger.Upload;
import cn.vanguard.security.Role;
import cn.vanguard.security.SignIn;
import cn.vanguard.testing.Fixtures;
import cn.vanguard.testing.SettableClock;

/**
 * Objections carry evidence (cycle.md §4): photos and PDFs filed with a dispute or an objection, or added by the objector
 * until the answer; seen by the objector and those over the unit only; a bad file refuses the whole objection. And the
 * monthly list of the best (branch-hourly's 每月公示前五名): ranks 1 to 5 with ties, nobody without a point.
 */
abstract class ObjectionEvidenceContract {

    @Autowired
    AuditSearch auditSearch;

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
    static final byte[] PDF = "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

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
    ObjectionEvidence evidence;
    @Autowired
    Ledger ledger;

    Fixtures.Tree tree;
    Fixtures.Account scorer;
    Fixtures.Account secretary;
    Fixtures.Account committee;

    @BeforeEach
    void time() {
        clock.set("2026-07-10T09:00+08:00");
    }

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    private void staff(String preset) {
        tree = fixtures.tree(preset);
        scorer = fixtures.account(Role.SCORER, tree.branch().id());
        secretary = fixtures.account(Role.SECRETARY, tree.branch().id());
        committee = fixtures.account(Role.COMMITTEE_ADMIN, tree.committee().id());
    }

    private void approved(long member, String item, String date, String quantity) {
        ledger.seedTrusted(List.of(new Ledger.Seed(member, item, LocalDate.parse(date), new BigDecimal(quantity), null, null, "测试", null,
                EntrySource.SCORER, EntryStatus.APPROVED, scorer.id(), null, secretary.id(), null)), AuditLog.Actor.SYSTEM);
    }

    private EvaluationPeriod period(String label) {
        return periods.ofUnit(tree.branch().id(), 2026).stream().filter(p -> p.label().equals(label)).findFirst().orElseThrow();
    }

    /** Closes the periods up to {@code label} as the secretary, leaving {@code label} closed. */
    private EvaluationPeriod closeUpTo(String label) {
        secretary.signIn();
        for (EvaluationPeriod p : periods.ofUnit(tree.branch().id(), 2026)) {
            if (p.status() == PeriodStatus.OPEN) {
                actions.close(p.id(), p.version(), null);
            }
            if (p.label().equals(label)) {
                break;
            }
        }
        return period(label);
    }

    private EvaluationPeriod publish(String label, String at) {
        secretary.signIn();
        EvaluationPeriod signed = actions.sign(period(label).id(), period(label).version());
        clock.set(at);
        return actions.publish(signed.id(), signed.version());
    }

    private static Upload file(String name, byte[] data) {
        return new Upload(name, "application/octet-stream", data);
    }

    @Test
    void evidenceFiledWithAnObjectionIsSeenByTheObjectorAndThoseOverTheUnitOnly() {
        staff("changzhou-2021");
        long alice = fixtures.member(tree.branch().id(), "爱丽丝");
        long bob = fixtures.member(tree.branch().id(), "鲍勃");
        Fixtures.Account aliceAccount = fixtures.memberAccount(alice, tree.branch().id());
        Fixtures.Account bobAccount = fixtures.memberAccount(bob, tree.branch().id());
        approved(alice, "CZ_GROUP_STUDY", "2026-02-10", "1");
        EvaluationPeriod q1 = closeUpTo("2026-Q1");

        // a text file called .png refuses the whole dispute: no objection, no answer, no file
        bobAccount.signIn();
        assertThatThrownBy(() -> objections.dispute(q1.id(), "二月的学习我也参加了", null,
                List.of(file("签到表.png", PNG), file("假照片.png", "just text".getBytes()))))
                .isInstanceOf(Invalid.class).hasMessage("文件“假照片.png”不是照片（JPG、PNG、WebP、GIF）或PDF");
        secretary.signIn();
        assertThat(objections.ofPeriod(q1.id())).isEmpty();
        assertThat(periods.lines(q1)).filteredOn(l -> l.memberId() == bob).singleElement()
                .satisfies(l -> assertThat(l.answer()).isNull());

        bobAccount.signIn();
        Objection dispute = objections.dispute(q1.id(), "二月的学习我也参加了", BigDecimal.ONE, List.of(file("签到表.png", PNG)));
        assertThat(evidence.ofPeriod(q1.id()).get(dispute.id())).singleElement().satisfies(f -> {
            assertThat(f.filename()).isEqualTo("签到表.png");
            assertThat(f.contentType()).isEqualTo("image/png");
            assertThat(f.size()).isEqualTo(PNG.length);
        });

        // published on Thursday 24 September; bob objects to alice's line with a PDF, then adds more until five
        publish("2026-Q1", "2026-09-24T09:00+08:00");
        bobAccount.signIn();
        Objection onAlice = objections.object(q1.id(), alice, null, "她二月的集中学习请假了", BigDecimal.ZERO,
                List.of(file("请假条.pdf", PDF)));
        evidence.add(onAlice.id(), List.of(file("a.png", PNG), file("b.png", PNG), file("c.png", PNG), file("d.png", PNG)));
        assertThatThrownBy(() -> evidence.add(onAlice.id(), List.of(file("e.png", PNG)))).isInstanceOf(Invalid.class)
                .hasMessage("每条异议最多上传5个证明材料");
        assertThatThrownBy(() -> evidence.add(onAlice.id(), List.of())).isInstanceOf(Invalid.class);
        Map<Long, List<ObjectionFile>> bobSees = evidence.ofPeriod(q1.id());
        assertThat(bobSees.get(onAlice.id())).extracting(ObjectionFile::filename).containsExactly("请假条.pdf", "a.png", "b.png", "c.png", "d.png");
        long pdf = bobSees.get(onAlice.id()).get(0).id();
        assertThat(evidence.content(pdf).data()).isEqualTo(PDF);
        assertThat(evidence.content(pdf).contentType()).isEqualTo("application/pdf");

        // alice, the member objected to, sees neither the objection nor its files; nor does anybody outside the unit
        aliceAccount.signIn();
        assertThat(evidence.ofPeriod(q1.id())).isEmpty();
        assertThatThrownBy(() -> evidence.content(pdf)).isInstanceOf(NotFound.class).hasMessage("证明材料不存在");
        assertThatThrownBy(() -> evidence.add(onAlice.id(), List.of(file("x.png", PNG)))).isInstanceOf(NotFound.class)
                .hasMessage("证明材料不存在");
        fixtures.account(Role.SECRETARY, tree.otherBranch().id()).signIn();
        assertThatThrownBy(() -> evidence.content(pdf)).isInstanceOf(NotFound.class).hasMessage("证明材料不存在");
        assertThatThrownBy(() -> evidence.content(pdf + 100000)).isInstanceOf(NotFound.class).hasMessage("证明材料不存在");

        // the secretary and the committee see every file; once answered, nothing more is added
        committee.signIn();
        assertThat(evidence.content(pdf).filename()).isEqualTo("请假条.pdf");
        // who opened which file is in the audit log; a refused look is not
        assertThat(auditSearch.page(AuditSearch.Filter.of(null).action("OBJECTION_EVIDENCE_VIEWED").object("objection", Long.toString(onAlice.id())), 0, 10)
                .lines()).extracting(AuditLog.Line::accountId, l -> l.afterFields().get("file"))
                .containsExactly(tuple(committee.id(), "请假条.pdf"), tuple(bobAccount.id(), "请假条.pdf"), tuple(bobAccount.id(), "请假条.pdf"));
        secretary.signIn();
        assertThat(evidence.ofPeriod(q1.id())).containsOnlyKeys(dispute.id(), onAlice.id());
        objections.answer(onAlice.id(), false, "经核实，她二月参加了集中学习", onAlice.version());
        bobAccount.signIn();
        assertThatThrownBy(() -> evidence.add(onAlice.id(), List.of(file("late.png", PNG)))).isInstanceOf(Conflict.class)
                .hasMessage("异议已答复（不成立），不能再补充材料");
        assertThat(fixtures.jdbc().sql("select count(*) from audit_log where action = 'OBJECTION_EVIDENCE_ADDED' and object_id = :o")
                .param("o", String.valueOf(onAlice.id())).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theMonthlyListOfTheBestNamesTheTopFiveRanksWithTiesAndNobodyWithoutAPoint() {
        clock.set("2026-02-02T09:00+08:00");
        staff("branch-hourly");
        String[] names = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛"};
        String[] hours = {"10", "8", "8", "6", "5", "5", "3", null};
        long[] ids = new long[names.length];
        for (int i = 0; i < names.length; i++) {
            ids[i] = fixtures.member(tree.branch().id(), names[i]);
            if (hours[i] != null) {
                approved(ids[i], "H_ACTIVITY", "2026-01-1" + i, hours[i]);
            }
        }
        closeUpTo("2026-01");
        EvaluationPeriod january = publish("2026-01", "2026-02-02T09:00+08:00");
        assertThat(periods.publicityTop(january)).isEqualTo(5);
        assertThat(periods.publicityShows(january)).containsExactly("name", "total");
        // ranks 1, 2, 2, 4, 5, 5: six names where two share the fifth rank; 庚 (rank 7) and 辛 (no points) are not listed
        assertThat(periods.publicityLines(january)).extracting(SnapshotLine::name).containsExactly("甲", "乙", "丙", "丁", "戊", "己");

        // 庚 sees the list, may object to a listed line or to their own, never to an unlisted other's
        Fixtures.Account geng = fixtures.memberAccount(ids[6], tree.branch().id());
        geng.signIn();
        assertThat(periods.publicityLines(periods.get(january.id()))).hasSize(6);
        assertThat(objections.object(january.id(), ids[6], null, "我一月参加了四小时活动", new BigDecimal("4")).memberId()).isEqualTo(ids[6]);
        assertThat(objections.object(january.id(), ids[0], null, "甲的活动时长有误", null).memberId()).isEqualTo(ids[0]);
        assertThatThrownBy(() -> objections.object(january.id(), ids[7], null, "辛也参加了", null)).isInstanceOf(Invalid.class)
                .hasMessageContaining("该党员不在本期公示名单中");

        // February: only two members scored; the zeros share rank 3 but are not among the best
        clock.set("2026-03-02T09:00+08:00");
        approved(ids[0], "H_ACTIVITY", "2026-02-05", "2");
        approved(ids[1], "H_ACTIVITY", "2026-02-06", "1");
        closeUpTo("2026-02");
        EvaluationPeriod february = publish("2026-02", "2026-03-03T09:00+08:00");
        assertThat(periods.publicityLines(february)).extracting(SnapshotLine::name).containsExactly("甲", "乙");
    }
}

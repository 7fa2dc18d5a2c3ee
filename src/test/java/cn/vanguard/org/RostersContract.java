package cn.vanguard.org;

import static cn.vanguard.org.RosterSheets.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import cn.vanguard.audit.AuditLog;
import cn.vanguard.scheme.Category;
import cn.vanguard.scheme.MemberType;
import cn.vanguard.security.Role;
import cn.vanguard.security.SignIn;
import cn.vanguard.testing.Fixtures;

/**
 * The roster import and export against a real database: a good file adds, updates and transfers in one go; a file
 * with any bad row changes nothing and names every problem; the export holds exactly the members one may see.
 */
abstract class RostersContract {

    static final String ID_CARD = "110105198505010028";

    @Autowired
    Fixtures fixtures;
    @Autowired
    Rosters rosters;
    @Autowired
    Members members;
    @Autowired
    Units units;
    @Autowired
    java.time.Clock clock;

    Unit committee;
    Unit branch;
    Unit otherBranch;
    Unit foreign;
    long zhang;
    long li;
    long wang;
    Fixtures.Account admin;

    @BeforeEach
    void organisation() {
        committee = fixtures.unit(null, "测试党委", UnitKind.COMMITTEE);
        branch = fixtures.unit(committee.id(), "第一支部", UnitKind.BRANCH);
        otherBranch = fixtures.unit(committee.id(), "第二支部", UnitKind.BRANCH);
        foreign = fixtures.unit(fixtures.unit(null, "别的党委", UnitKind.COMMITTEE).id(), "外单位支部", UnitKind.BRANCH);
        zhang = fixtures.member(branch.id(), "张三");
        li = fixtures.member(otherBranch.id(), "李四", MemberType.PROBATIONARY, Category.RETIRED);
        wang = fixtures.member(foreign.id(), "王五");
        admin = fixtures.account(Role.COMMITTEE_ADMIN, committee.id());
        admin.signIn();
    }

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    private MemberRecord member(long id) {
        return members.find(id).orElseThrow();
    }

    private byte[] file(List<List<Object>> rows) {
        return RosterSheets.fill(rosters.template(), rows);
    }

    private List<MemberRecord> inCommittee() {
        return members.search(new Members.Query(committee.id(), null, null, null, null), 100);
    }

    @Test
    void aGoodFileAddsUpdatesAndTransfersInOneGo() {
        String code = Fixtures.unique("R");
        MemberRecord zhangBefore = member(zhang);
        MemberRecord liBefore = member(li);
        byte[] file = file(List.of(
                row(null, "新人甲", "女", LocalDate.of(1990, 3, 4), "110105199003041240", "13700000000", LocalDate.of(2015, 7, 1),
                        "预备党员", "在职", committee.name() + "/" + branch.name(), null),
                row(code, "新人乙", "男", "1980/1/2", null, null, "2001年7月1日", "FORMAL", "离退休", otherBranch.name(), "在册"),
                row(zhangBefore.code(), "张三", null, null, null, "13900000000", null, "正式党员", null, otherBranch.name(), null),
                row(liBefore.code(), "李四", null, null, null, null, null, "预备党员", "离退休", otherBranch.name(), null)));

        Rosters.Outcome outcome = rosters.importFile("花名册.xlsx", file);

        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome).extracting(Rosters.Outcome::added, Rosters.Outcome::updated, Rosters.Outcome::transferred, Rosters.Outcome::unchanged)
                .containsExactly(2, 1, 1, 1);
        MemberRecord first = members.search(new Members.Query(branch.id(), "新人甲", null, null, null), 5).get(0);
        assertThat(first.code()).startsWith("M");
        assertThat(first.idCardMasked()).isEqualTo("1101**********1240");
        assertThat(first.birthDate()).isEqualTo(LocalDate.of(1990, 3, 4));
        assertThat(first.type()).isEqualTo(MemberType.PROBATIONARY);
        MemberRecord second = members.findByCode(code).orElseThrow();
        assertThat(second.joinedOn()).isEqualTo(LocalDate.of(2001, 7, 1));
        assertThat(second.category()).isEqualTo(Category.RETIRED);
        assertThat(second.unitId()).isEqualTo(otherBranch.id());

        MemberRecord zhangAfter = member(zhang);
        assertThat(zhangAfter.unitId()).isEqualTo(otherBranch.id());
        assertThat(zhangAfter.phone()).isEqualTo("13900000000");
        assertThat(zhangAfter.birthDate()).as("an empty cell keeps what is stored").isEqualTo(zhangBefore.birthDate());
        assertThat(members.transfers(zhang)).singleElement().satisfies(t -> {
            assertThat(t.reason()).isEqualTo(Rosters.TRANSFER_REASON);
            // the day in China, as the application dates a transfer (not the test machine's UTC day)
            assertThat(t.on()).isEqualTo(LocalDate.now(clock));
            assertThat(t.fromUnit()).isEqualTo(branch.name());
        });
        assertThat(member(li).version()).as("an unchanged member is not written").isEqualTo(liBefore.version());
        assertThat(fixtures.jdbc().sql("select count(*) from audit_log where action = 'ROSTER_IMPORTED' and unit_id = :u")
                .param("u", committee.id()).query(Integer.class).single()).isEqualTo(1);
        assertThat(fixtures.jdbc().sql("select channel from audit_log where action = 'ROSTER_IMPORTED' and unit_id = :u")
                .param("u", committee.id()).query(String.class).single()).as("an import is recorded as one").isEqualTo("IMPORT");
    }

    @Test
    void aFileWithBadRowsImportsNothingAndNamesEveryProblem() {
        String twice = Fixtures.unique("D");
        int before = inCommittee().size();
        byte[] file = file(List.of(
                row(null, "好人", null, null, null, null, null, "正式党员", null, branch.name(), null),
                row(null, "日期错", null, "1985-13-01", null, null, null, "正式党员", null, branch.name(), null),
                row(null, "号码错", null, null, "110105198505010029", null, null, "正式党员", null, branch.name(), null),
                row(null, "没组织", null, null, null, null, null, "正式党员", null, "不存在的支部", null),
                row(twice, "重复甲", null, null, null, null, null, "正式党员", null, branch.name(), null),
                row(twice, "重复乙", null, null, null, null, null, "正式党员", null, branch.name(), null),
                row(null, "没身份", null, null, null, null, null, null, null, branch.name(), null),
                row(null, "外单位", null, null, null, null, null, "正式党员", null, foreign.name(), null),
                row(null, "电话错", null, null, null, "电话号码", null, "正式党员", null, branch.name(), null),
                row(null, "身份错", null, null, null, null, null, "党员", null, branch.name(), null),
                row(null, "年龄错", null, "2000-01-01", null, null, "2010-01-01", "正式党员", "退休干部", branch.name(), null),
                row(member(wang).code(), "王五", null, null, null, null, null, "正式党员", null, branch.name(), null)));

        Rosters.Outcome outcome = rosters.importFile("花名册.xlsx", file);

        assertThat(outcome.imported()).isFalse();
        Map<Integer, String> byLine = outcome.problems().stream()
                .collect(Collectors.groupingBy(Rosters.RowProblem::line, Collectors.mapping(p -> p.column() + "：" + p.problem(), Collectors.joining("；"))));
        assertThat(byLine).doesNotContainKeys(2, 6);
        assertThat(byLine.get(3)).contains("出生日期", "不是日期");
        assertThat(byLine.get(4)).contains("身份证号码", "校验位不正确");
        assertThat(byLine.get(5)).contains("所在组织", "找不到组织");
        assertThat(byLine.get(7)).contains("党员编号", "与第6行重复");
        assertThat(byLine.get(8)).contains("党员身份为空");
        assertThat(byLine.get(9)).contains("不在您的管理范围内");
        assertThat(byLine.get(10)).contains("联系电话");
        assertThat(byLine.get(11)).contains("“党员”不是可选的值");
        assertThat(byLine.get(12)).contains("人员类别", "入党日期", "年满18周岁");
        assertThat(byLine.get(13)).contains("您管理范围以外的党员");
        assertThat(outcome.problems()).allSatisfy(p -> assertThat(p.fix()).isNotBlank());
        assertThat(inCommittee()).hasSize(before);
        assertThat(member(wang).unitId()).isEqualTo(foreign.id());
    }

    @Test
    void aUnitNameUsedTwiceMustBeWrittenAsAPath() {
        String name = Fixtures.unique("同名小组");
        units.createTrusted(branch.id(), name, UnitKind.GROUP, AuditLog.Actor.SYSTEM);
        Unit second = units.createTrusted(otherBranch.id(), name, UnitKind.GROUP, AuditLog.Actor.SYSTEM);

        Rosters.Outcome ambiguous = rosters.importFile("a.xlsx", file(List.of(row(null, "赵六", null, null, null, null, null, "正式党员", null, name, null))));
        assertThat(ambiguous.problems()).singleElement().satisfies(p -> {
            assertThat(p.problem()).contains("有2个组织都叫");
            assertThat(p.fix()).contains(branch.name() + "/" + name);
        });

        Rosters.Outcome byPath = rosters.importFile("b.xlsx", file(List.of(
                row(null, "赵六", null, null, null, null, null, "正式党员", null, otherBranch.name() + " / " + name, null))));
        assertThat(byPath.added()).isEqualTo(1);
        assertThat(members.search(new Members.Query(second.id(), "赵六", null, null, null), 5)).hasSize(1);
    }

    @Test
    void theExportHoldsExactlyTheVisibleMembersAndImportsBackUnchanged() {
        MemberRecord before = member(zhang);
        members.update(zhang, new MemberForm(before.code(), before.name(), before.gender(), before.birthDate(), ID_CARD, "13800138000",
                before.joinedOn(), before.type(), before.category(), before.status(), null), before.version());

        List<List<String>> rows = RosterSheets.read(rosters.export(new Members.Query(committee.id(), null, null, null, null)));
        assertThat(rows.get(0)).isEqualTo(RosterSheets.HEADERS);
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(0)).containsExactlyInAnyOrder(member(zhang).code(), member(li).code());
        List<String> zhangRow = rows.stream().filter(r -> r.get(1).equals("张三")).findFirst().orElseThrow();
        assertThat(zhangRow).containsExactly(member(zhang).code(), "张三", "女", "1985-05-01", "1101**********0028", "13800138000",
                "2010-07-01", "正式党员", "在职", branch.name(), "在册");

        assertThat(RosterSheets.read(rosters.export(new Members.Query(null, null, MemberType.PROBATIONARY, null, null))))
                .extracting(r -> r.get(1)).containsExactly("姓名", "李四");

        byte[] export = rosters.export(new Members.Query(committee.id(), null, null, null, null));
        Rosters.Outcome again = rosters.importFile("导出.xlsx", export);
        assertThat(again.problems()).isEmpty();
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(member(zhang).idCardMasked()).isEqualTo("1101**********0028");
    }

    @Test
    void theExportAndTheImportStayInsideTheScope() {
        Fixtures.Account otherAdmin = fixtures.account(Role.COMMITTEE_ADMIN, foreign.parentId());
        otherAdmin.signIn();
        assertThat(RosterSheets.read(rosters.export(Members.Query.all()))).extracting(r -> r.get(1)).containsExactly("姓名", "王五");
        assertThatThrownBy(() -> rosters.export(new Members.Query(committee.id(), null, null, null, null))).isInstanceOf(AccessDeniedException.class);

        fixtures.account(Role.SECRETARY, branch.id()).signIn();
        byte[] file = file(List.of(row(null, "赵六", null, null, null, null, null, "正式党员", null, branch.name(), null)));
        assertThatThrownBy(() -> rosters.importFile("a.xlsx", file)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void readsACsvSavedByExcelInGbk() {
        String csv = "姓名,党员身份,所在组织,出生日期\r\n赵六,正式党员," + branch.name() + ",1988.8.8\r\n";
        Rosters.Outcome outcome = rosters.importFile("名单.csv", csv.getBytes(Charset.forName("GBK")));
        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.added()).isEqualTo(1);
        assertThat(members.search(new Members.Query(branch.id(), "赵六", null, null, null), 5))
                .singleElement().extracting(MemberRecord::birthDate).isEqualTo(LocalDate.of(1988, 8, 8));
    }

    @Test
    void aFileWithoutTheRequiredColumnsOrOfAnotherKindIsRefused() {
        assertThat(rosters.importFile("a.csv", "姓名,性别\n赵六,男\n".getBytes()).problems())
                .extracting(Rosters.RowProblem::problem).contains("缺少列“党员身份”", "缺少列“所在组织”");
        assertThat(rosters.importFile("a.pdf", new byte[] {1}).problems()).singleElement()
                .extracting(Rosters.RowProblem::problem).asString().contains("不是 .xlsx 或 .csv 文件");
        assertThat(rosters.importFile("a.xlsx", "不是表格".getBytes()).problems()).singleElement()
                .extracting(Rosters.RowProblem::problem).asString().contains("无法读取");
    }
}

package cn.vanguard.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import cn.vanguard.Conflict;
import cn.vanguard.org.MemberRecord;
import cn.vanguard.org.Members;
import cn.vanguard.security.Role;
import cn.vanguard.security.SignIn;
import cn.vanguard.testing.Fixtures;

/**
 * The import of ledger files: all rows or none however long the file, the problems by line and Chinese column (a
 * thousand listed, all counted), one record of the file per unit (the same file refused twice, allowed into another
 * unit), the entries waiting for approval with one audit line, and the web page's jobs seen only by their owner and
 * the ledger's scope. On PostgreSQL the entries are written by COPY, on H2 by batches: the same rows either way.
 */
abstract class LedgerImportContract {

    @Autowired
    Fixtures fixtures;
    @Autowired
    LedgerImport imports;
    @Autowired
    Members members;

    Fixtures.Tree tree;
    List<String> codes = new ArrayList<>();
    Fixtures.Account scorer;
    String day;
    final List<Path> files = new ArrayList<>();

    @BeforeEach
    void organisation() {
        tree = fixtures.tree("city-direct-organs");
        for (String name : List.of("王五", "赵六", "孙七")) {
            codes.add(members.find(fixtures.member(tree.branch().id(), name)).map(MemberRecord::code).orElseThrow());
        }
        scorer = fixtures.account(Role.SCORER, tree.branch().id());
        day = LocalDate.now().minusDays(1).toString();
    }

    @AfterEach
    void cleanUp() throws IOException {
        SignIn.out();
        for (Path file : files) {
            Files.deleteIfExists(file);
        }
    }

    private Path file(String csv) throws IOException {
        Path file = Files.createTempFile("ledger-", ".csv");
        files.add(file);
        Files.writeString(file, csv);
        return file;
    }

    /** {@code rows} good rows of the branch's members; the row at {@code badLine} (a line of the file) names no item. */
    private Path large(int rows, int badLine) throws IOException {
        Path file = Files.createTempFile("ledger-", ".csv");
        files.add(file);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("成员编号,项目编码,日期,数量,备注\n");
            for (int line = 2; line < rows + 2; line++) {
                out.write(codes.get(line % codes.size()) + "," + (line == badLine ? "NO_SUCH_ITEM" : "ACT_MEETING") + "," + day + ",1,第" + line + "行\n");
            }
        }
        return file;
    }

    private long count(String sql) {
        return fixtures.jdbc().sql(sql).param("u", tree.branch().id()).query(Long.class).single();
    }

    private long entries() {
        return count("select count(*) from ledger_entry e join member m on m.id = e.member_id where m.unit_id = :u");
    }

    @Test
    void aBadRowAtLine999999OfAMillionImportsNothingAndNamesIt() throws IOException {
        Path file = large(1_000_000, 999_999);
        scorer.signIn();
        ImportResult result = imports.importFile(tree.branch().id(), file, "台账.csv");
        assertThat(result.imported()).isZero();
        assertThat(result.rowsRead()).isEqualTo(1_000_000);
        assertThat(result.problemCount()).isEqualTo(1);
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(999_999);
            assertThat(p.field()).isEqualTo("项目编码");
            assertThat(p.message()).contains("NO_SUCH_ITEM");
        });
        assertThat(entries()).isZero();
        assertThat(count("select count(*) from imported_file where unit_id = :u")).as("and the file is not remembered").isZero();
    }

    @Test
    void importedEntriesWaitForApprovalWithOneRecordOfTheFileAndOneAuditLine() throws IOException {
        Path file = file("成员编号,项目编码,日期,数量,分值,事项编号,备注\n"
                + codes.get(0) + ",ACT_MEETING," + day + ",1,,,\"支部党员大会\\t，第\t一次\n续行\"\n"
                + codes.get(1) + ",ACT_STUDY," + day.replace('-', '/') + ",2.5,,Q1,\n"
                + codes.get(2) + ",DED_OTHER," + day + ",,-2,,迟到\n");
        scorer.signIn();
        ImportResult result = imports.importFile(tree.branch().id(), file, "台账.csv");
        assertThat(result.ok()).as(result.toString()).isTrue();
        assertThat(result.imported()).isEqualTo(3);
        List<String> rows = fixtures.jdbc().sql("""
                        select m.code || '|' || e.item_code || '|' || e.entry_date || '|' || e.quantity || '|' || coalesce(cast(e.points as varchar), '-')
                               || '|' || coalesce(e.occurrence, '-') || '|' || coalesce(e.note, '-') || '|' || e.status || '|' || e.source
                               || '|' || case when e.recorded_by = :a then 'Y' else 'N' end
                        from ledger_entry e join member m on m.id = e.member_id where m.unit_id = :u order by e.id""")
                .param("u", tree.branch().id()).param("a", scorer.id()).query(String.class).list();
        assertThat(rows).as("the same rows whether written by COPY or by batches").containsExactly(
                codes.get(0) + "|ACT_MEETING|" + day + "|1.0000|-|-|支部党员大会\\t，第\t一次\n续行|PENDING|IMPORT|Y",
                codes.get(1) + "|ACT_STUDY|" + day + "|2.5000|-|Q1|-|PENDING|IMPORT|Y",
                codes.get(2) + "|DED_OTHER|" + day + "|1.0000|-2.0000|-|迟到|PENDING|IMPORT|Y");
        assertThat(count("select count(*) from imported_file where unit_id = :u")).isEqualTo(1);
        assertThat(count("select count(*) from audit_log where action = 'ENTRIES_IMPORTED' and unit_id = :u and channel = 'IMPORT'"))
                .as("one line, recorded as an import").isEqualTo(1);
        assertThat(fixtures.jdbc().sql("select count(*) from idempotency_key where account_id = :a").param("a", scorer.id())
                .query(Long.class).single()).as("one record of the file, no key a row").isZero();
    }

    @Test
    void theSameFileTwiceIntoAUnitIsRefusedButAnotherUnitMayImportIt() throws IOException {
        Path file = file("成员编号,项目编码,日期\n" + codes.get(0) + ",ACT_MEETING," + day + "\n" + codes.get(1) + ",ACT_MEETING," + day + "\n");
        scorer.signIn();
        assertThat(imports.importFile(tree.branch().id(), file, "台账.csv").imported()).isEqualTo(2);
        ImportResult again = imports.importFile(tree.branch().id(), file, "台账（副本）.csv");
        assertThat(again.imported()).isZero();
        assertThat(again.refusal()).contains("由测试" + scorer.username() + "导入过（2条记录），不会重复导入");
        assertThat(entries()).isEqualTo(2);

        fixtures.account(Role.SCORER, tree.committee().id()).signIn();
        assertThat(imports.importFile(tree.committee().id(), file, "台账.csv").imported())
                .as("the committee is another unit: the file is its own to import").isEqualTo(2);
        assertThat(entries()).isEqualTo(4);
    }

    @Test
    void everyProblemNamesItsLineAndChineseColumnAndBeyondAThousandTheyAreCounted() throws IOException {
        Path file = file("成员编号,项目编码,日期,数量,分值\n"
                + "X0000,ACT_MEETING," + day + ",1,\n"
                + codes.get(0) + ",ACT_MEETNG," + day + ",1,\n"
                + codes.get(0) + ",ACT_MEETING,2025-02-30,1,\n"
                + codes.get(0) + ",ACT_MEETING," + day + ",一,\n"
                + codes.get(0) + ",ACT_MEETING," + LocalDate.now().plusDays(3) + ",1,\n");
        scorer.signIn();
        ImportResult result = imports.importFile(tree.branch().id(), file, "台账.csv");
        assertThat(result.problems()).extracting(p -> p.row() + " " + p.field()).containsExactly(
                "2 成员编号", "3 项目编码", "4 日期", "5 数量", "6 日期");
        assertThat(result.problems().get(0).message()).isEqualTo("党员编号“X0000”不是本组织的党员，请核对");
        assertThat(result.problems().get(1).message()).contains("是否应为 ACT_MEETING");
        assertThat(entries()).isZero();

        ImportResult many = imports.importFile(tree.branch().id(),
                file("成员编号,项目编码,日期\n" + ("X1,ACT_MEETING," + day + "\n").repeat(1_500)), "台账.csv");
        assertThat(many.problemCount()).isEqualTo(1_500);
        assertThat(many.problems()).hasSize(ImportResult.LISTED);
        assertThat(entries()).isZero();
    }

    @Test
    void aJobIsSeenByItsOwnerAndTheLedgerScopeOnlyAndOneUnitImportsOneFileAtATime() throws IOException {
        scorer.signIn();
        long job = imports.start(tree.branch().id(), large(50_000, -1), "大台账.csv");
        Path second = file("成员编号,项目编码,日期\n" + codes.get(0) + ",ACT_STUDY," + day + "\n");
        assertThatThrownBy(() -> imports.start(tree.branch().id(), second, "台账.csv"))
                .isInstanceOf(Conflict.class).hasMessageContaining("正在导入");
        assertThat(imports.await(job, 120_000)).isTrue();
        ImportJob done = imports.job(job);
        assertThat(done.state()).isEqualTo(ImportJob.State.DONE);
        assertThat(done.rowsRead()).isEqualTo(50_000);
        assertThat(done.rowsWritten()).isEqualTo(50_000);
        assertThat(entries()).isEqualTo(50_000);

        fixtures.account(Role.SECRETARY, tree.branch().id()).signIn();
        assertThat(imports.job(job).fileName()).as("the branch's secretary sees its ledger").isEqualTo("大台账.csv");
        fixtures.account(Role.SCORER, tree.otherBranch().id()).signIn();
        assertThatThrownBy(() -> imports.job(job)).as("another branch does not").isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> imports.start(tree.branch().id(), second, "台账.csv")).isInstanceOf(AccessDeniedException.class);
    }
}

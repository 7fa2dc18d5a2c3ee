package cn.vanguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import cn.vanguard.org.MemberRecord;
import cn.vanguard.org.Members;
import cn.vanguard.testing.Fixtures;

/**
 * {@code import-ledger --unit ID FILE}: the command starts the application without its web server on the database the
 * server uses (here the test's, handed over as system properties, as SPRING_DATASOURCE_URL would), imports as the
 * system, and says what it did in Chinese, or in English with {@code --lang en}; {@code rebuild-standings} starts it the
 * same way and scores every cycle from scratch.
 */
abstract class ImportLedgerCommandContract {

    /** The settings that point an application at the test's database. */
    private static final List<String> DATABASE = List.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
            "spring.flyway.url", "spring.flyway.user", "spring.flyway.default-schema", "spring.flyway.schemas", "vanguard.key-file",
            "vanguard.sessions.jdbc");

    @Autowired
    Fixtures fixtures;
    @Autowired
    Members members;
    @Autowired
    Environment environment;

    Fixtures.Tree tree;
    String code;
    Path file;
    final Map<String, String> previous = new HashMap<>();

    record Run(int status, String out, String err) {
    }

    @BeforeEach
    void organisation() throws IOException {
        tree = fixtures.tree("city-direct-organs");
        code = members.find(fixtures.member(tree.branch().id(), "王五")).map(MemberRecord::code).orElseThrow();
        file = Files.createTempFile("ledger-", ".csv");
        for (String key : DATABASE) {
            String value = environment.getProperty(key);
            if (value != null) {
                previous.put(key, System.getProperty(key));
                System.setProperty(key, value);
            }
        }
    }

    @AfterEach
    void restore() throws IOException {
        previous.forEach((key, value) -> {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        });
        Files.deleteIfExists(file);
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(status, out.toString(), err.toString());
    }

    private long imported() {
        return fixtures.jdbc().sql("""
                        select count(*) from ledger_entry e join member m on m.id = e.member_id
                        where m.unit_id = :u and e.status = 'PENDING' and e.source = 'IMPORT'""")
                .param("u", tree.branch().id()).query(Long.class).single();
    }

    @Test
    void importsAFileAsTheSystemAndRefusesItTheSecondTime() throws IOException {
        String day = LocalDate.now().minusDays(1).toString();
        Files.writeString(file, "成员编号,项目编码,日期\n" + code + ",ACT_MEETING," + day + "\n" + code + ",ACT_STUDY," + day + "\n");
        String unit = Long.toString(tree.branch().id());

        Run first = run("import-ledger", "--unit", unit, file.toString());
        assertThat(first.status()).as(first.err()).isZero();
        assertThat(first.out()).contains("到“" + tree.branch().name() + "”").contains("已导入 2 条积分记录，等待审核");
        assertThat(imported()).isEqualTo(2);
        assertThat(fixtures.jdbc().sql("select username from audit_log where action = 'ENTRIES_IMPORTED' and unit_id = :u")
                .param("u", tree.branch().id()).query(String.class).list()).as("audited as the system").containsExactly("system");

        Run again = run("import-ledger", "--unit", unit, file.toString(), "--lang", "en");
        assertThat(again.status()).isEqualTo(2);
        assertThat(again.err()).contains("由系统（命令行）导入过（2条记录），不会重复导入");
        assertThat(imported()).isEqualTo(2);
    }

    @Test
    void aFileWithProblemsImportsNothingAndEachProblemNamesItsLineAndColumn() throws IOException {
        String day = LocalDate.now().minusDays(1).toString();
        Files.writeString(file, "成员编号,项目编码,日期\n" + code + ",ACT_MEETING," + day + "\n" + code + ",ACT_MEETNG," + day + "\n"
                + "X0," + "ACT_MEETING,2025-13-01\n");
        Run run = run("import-ledger", "--unit", Long.toString(tree.branch().id()), file.toString());
        assertThat(run.status()).isEqualTo(2);
        String name = file.getFileName().toString();
        assertThat(run.err()).contains(name + ":3: “项目编码”列：").contains(name + ":4: “成员编号”列：党员编号“X0”不是本组织的党员")
                .contains(name + ":4: “日期”列：").contains("文件中有 3 处需要修改，没有导入任何记录");
        assertThat(imported()).isZero();

        Run english = run("import-ledger", "--unit", Long.toString(tree.branch().id()), file.toString(), "--lang", "en");
        assertThat(english.err()).contains(name + ":3: column 项目编码: ").contains("3 problems: nothing was imported");
    }

    @Test
    void rebuildStandingsScoresEveryCycleOnTheServersDatabase() throws IOException {
        Run run = run("rebuild-standings");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("\\d{4}年度: \\d+ members scored").containsPattern("rebuild-standings: \\d+ standings in \\d+ cycles, \\d+ ms");
    }

    @Test
    void anUnknownUnitOrFileIsBadInput() {
        Run noFile = run("import-ledger", "--unit", Long.toString(tree.branch().id()), file + ".missing");
        assertThat(noFile.status()).isEqualTo(2);
        assertThat(noFile.err()).contains("文件不存在");
        Run noUnit = run("import-ledger", "--unit", "987654321", file.toString(), "--lang", "en");
        assertThat(noUnit.status()).isEqualTo(2);
        assertThat(noUnit.err()).contains("unit 987654321 does not exist");
    }
}

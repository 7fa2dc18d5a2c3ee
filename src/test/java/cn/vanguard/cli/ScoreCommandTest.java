package cn.vanguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The score command end to end: files in, results or problems out (formats.md). */
class ScoreCommandTest {

    @TempDir
    Path dir;

    private Path members;

    /** What a run printed and returned. */
    record Run(int status, String out, String err) {
        List<String> errLines() {
            return err.isBlank() ? List.of() : Arrays.asList(err.strip().split("\\R"));
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(status, out.toString(), err.toString());
    }

    private Path file(String name, String content) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, content, StandardCharsets.UTF_8);
        return path;
    }

    @BeforeEach
    void roster() throws IOException {
        members = file("members.csv", """
                member_id,name,org_unit,member_type,category,exempt
                M001,张三,第一支部,FORMAL,IN_SERVICE,
                M002,李四,第一支部,预备党员,在职,
                M003,王五,第一支部,正式党员,离退休,
                """);
    }

    private String[] score(Path entries, String... more) {
        List<String> args = new ArrayList<>(List.of("score", "--preset", "city-direct-organs", "--year", "2025",
                "--members", members.toString(), "--lang", "en"));
        if (entries != null) {
            args.addAll(List.of("--entries", entries.toString()));
        }
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void scoresToJsonWithTwoDecimalStringsInInputOrder() throws IOException {
        Path entries = file("entries.csv", """
                member_id,item,date,quantity,points,occurrence,note
                M001,ACT_MEETING,2025-03-14,,,,支部党员大会
                M001,RWD_CITY,2025/7/1,,,,市级表彰
                M002,ACT_MEETING,2025-03-14,2,,,
                M001,DED_OTHER,2025-05-01,,-2,,
                """);
        Run run = run(score(entries));
        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("\"scheme\": \"city-direct-organs\"", "\"year\": 2025");
        assertThat(run.out().indexOf("\"M001\"")).isLessThan(run.out().indexOf("\"M002\""));
        assertThat(run.out()).contains("\"total\": \"2.00\"", "\"bonus\": \"3.00\"", "\"deductions\": \"-2.00\"",
                "\"sections\": {\"ACT\": \"1.00\", \"POST\": \"0.00\", \"PRACTICE\": \"0.00\"}");
        assertThat(run.out()).contains("\"reason\": \"免于积分管理\"");
    }

    @Test
    void explainsEveryMemberWhenAskedWithTheEntryLine() throws IOException {
        Path entries = file("entries.csv", "member_id,item,date\nM001,ACT_MEETING,2025-03-14\n");
        Run plain = run(score(entries));
        Run explained = run(score(entries, "--explain"));
        assertThat(plain.out()).contains("\"explanation\": []").doesNotContain("\"step\"");
        assertThat(explained.out()).contains("{\"step\": \"ENTRY\"", "\"entry\": \"entries.csv:2\"", "\"step\": \"GRADE\"");
    }

    @Test
    void sameInputsGiveByteIdenticalJsonAndCsv() throws IOException {
        Path entries = file("entries.csv", "member_id,item,date\nM001,ACT_MEETING,2025-03-14\nM002,PRC_VOLUNTEER,2025-04-01\n");
        assertThat(run(score(entries, "--explain")).out()).isEqualTo(run(score(entries, "--explain")).out());
        assertThat(run(score(entries, "--format", "csv")).out()).isEqualTo(run(score(entries, "--format", "csv")).out());
    }

    @Test
    void writesCsvWithTheColumnsOfFormatsMd() throws IOException {
        Path entries = file("entries.csv", "member_id,item,date\nM001,VETO_DUES_6M,2025-08-01\n");
        Run run = run(score(entries, "--format", "csv"));
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("\uFEFFmember_id,name,org_unit,scored,reason,total,rank,grade,stars,ACT,POST,PRACTICE,"
                + "bonus,deductions,vetoes,flags,warnings");
        assertThat(lines.get(1)).isEqualTo("M001,张三,第一支部,true,,0.00,1,不合格,,0.00,0.00,0.00,0.00,0.00,VETO_DUES_6M,,");
        assertThat(lines.get(3)).isEqualTo("M003,王五,第一支部,false,免于积分管理,,,,,,,,,,,,");
    }

    @Test
    void namesThatASpreadsheetWouldRunAreGuardedInCsvAndAreNeverFormulasInXlsx() throws IOException {
        members = file("members.csv", """
                member_id,name,org_unit,member_type
                M001,"=HYPERLINK(""http://evil.example"",""点我"")",@SUM(1),FORMAL
                M002,-5,+1-1,FORMAL
                """);
        Run csv = run(score(null, "--format", "csv"));
        assertThat(csv.status()).isZero();
        List<String> lines = csv.out().lines().toList();
        assertThat(lines.get(1)).startsWith("M001,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"点我\"\")\",'@SUM(1),");
        assertThat(lines.get(2)).startsWith("M002,-5,'+1-1,");
        Path previous = file("previous.csv", csv.out());
        assertThat(run(score(null, "--previous", previous.toString())).status()).as("the command reads its own CSV back").isZero();

        Path out = dir.resolve("formulas.xlsx");
        assertThat(run(score(null, "--format", "xlsx", "--out", out.toString())).status()).isZero();
        try (Workbook workbook = WorkbookFactory.create(out.toFile())) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                for (org.apache.poi.ss.usermodel.Cell cell : row) {
                    assertThat(cell.getCellType()).as(cell.getAddress().formatAsString()).isNotEqualTo(org.apache.poi.ss.usermodel.CellType.FORMULA);
                }
            }
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("=HYPERLINK(\"http://evil.example\",\"点我\")");
            assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).isEqualTo("@SUM(1)");
        }
    }

    @Test
    void writesXlsxWithChineseHeadersOnlyWhenComplete() throws IOException {
        Path entries = file("entries.csv", "member_id,item,date\nM001,ACT_MEETING,2025-03-14\n");
        Path out = dir.resolve("结果.xlsx");
        Run run = run(score(entries, "--format", "xlsx", "--out", out.toString()));
        assertThat(run.status()).isZero();
        try (Workbook workbook = WorkbookFactory.create(out.toFile())) {
            Sheet sheet = workbook.getSheetAt(0);
            Row header = sheet.getRow(1);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("成员编号");
            assertThat(header.getCell(9).getStringCellValue()).isEqualTo("参加党的活动");
            assertThat(sheet.getRow(2).getCell(5).getNumericCellValue()).isEqualTo(1.0);
        }
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
    }

    @Test
    void readsExcelFilesWithByteOrderMarkAndChineseHeaders() throws IOException {
        Path entries = dir.resolve("台账.csv");
        Files.write(entries, ("\uFEFF成员编号,项目编码,日期,数量,分值,事项编号,备注\r\nM001,PRC_VOLUNTEER,2025/3/5,3,,,\r\n")
                .getBytes(StandardCharsets.UTF_8));
        Run run = run(score(entries, "--format", "csv"));
        assertThat(run.status()).isZero();
        assertThat(run.out().lines().skip(1).findFirst().orElseThrow()).contains(",0.00,0.00,3.00,0.00,0.00,");
    }

    @Test
    void readsTheFirstSheetOfAnXlsxWorkbookWithDateCells() throws IOException {
        Path entries = dir.resolve("entries.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(entries)) {
            Sheet sheet = workbook.createSheet("台账");
            Row header = sheet.createRow(0);
            String[] names = {"党员编号", "项目", "日期", "数量"};
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("M001");
            row.createCell(1).setCellValue("ACT_STUDY");
            var date = row.createCell(2);
            date.setCellValue(java.time.LocalDate.of(2025, 4, 9));
            var style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
            date.setCellStyle(style);
            row.createCell(3).setCellValue(2.0);
            workbook.write(out);
        }
        Run run = run(score(entries, "--format", "csv"));
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("M001,张三,第一支部,true,,2.00");
    }

    @Test
    void scoresOnePeriodIgnoringEntriesOutsideIt() throws IOException {
        Path entries = file("entries.csv", "member_id,item,date\nM001,ACT_MEETING,2025-03-14\nM001,ACT_MEETING,2025-05-14\n");
        Run run = run(score(entries, "--period", "2025-Q2", "--format", "csv"));
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("M001,张三,第一支部,true,,1.00");
        Run until = run(score(entries, "--until", "2025-04-30", "--format", "csv"));
        assertThat(until.out()).contains("M001,张三,第一支部,true,,1.00");
    }

    @Test
    void badEntriesAreAllReportedByLineAndNothingIsWritten() throws IOException {
        Path entries = file("entries.csv", """
                member_id,item,date,quantity,points
                M001,ACT_MEETNG,2025-03-14,,
                M009,ACT_MEETING,2025-03-14,,
                M001,DED_OTHER,2025-03-14,,-7
                M001,ACT_MEETING,2024-12-31,,
                M001,ACT_MEETING,2025-03-14,abc,
                M001,ACT_MEETING,2025-02-30,,
                M001,DED_OTHER,2025-03-14,,
                M001,ACT_MEETING,2025-03-14,,5
                M001,ACT_MEETING,2025-03-14,0,
                M001,POST_LEVEL,2025-03-14,,
                """);
        Path out = dir.resolve("results.json");
        Run run = run(score(entries, "--out", out.toString()));
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(out).doesNotExist();
        String f = entries.toString();
        assertThat(run.errLines()).containsExactly(
                f + ":2: item \"ACT_MEETNG\" is not in scheme city-direct-organs (did you mean ACT_MEETING?)",
                f + ":3: member_id \"M009\" is not in members.csv (did you mean M001?)",
                f + ":4: points -7 are outside the range of item DED_OTHER (-4 to -1)",
                f + ":5: date 2024-12-31 is outside the cycle 2025",
                f + ":6: quantity \"abc\" is not a number",
                f + ":7: date \"2025-02-30\" is not a date: write it as 2025-03-14 (or 2025/3/14)",
                f + ":8: item DED_OTHER needs the points of the entry: give a number from -4 to -1",
                f + ":9: points 5 do not match item ACT_MEETING: 1 per 次 × 1 = 1 (leave points empty)",
                f + ":10: quantity must be a positive number, not 0",
                f + ":11: item POST_LEVEL (年度考核等次) is assessed, not recorded: give its value in the assessments file");
    }

    @Test
    void reportsProblemsInChineseWhenAsked() throws IOException {
        Path entries = file("entries.csv", "member_id,item,date\nM001,ACT_MEETNG,2025-03-14\n");
        Run run = run("score", "--preset", "city-direct-organs", "--year", "2025", "--members", members.toString(),
                "--entries", entries.toString(), "--lang", "zh");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains(":2: 项目“ACT_MEETNG”不在方案“XX市直党员积分制管理办法”中（是否应为 ACT_MEETING？）");
    }

    @Test
    void missingColumnsAreReportedOnTheHeaderLine() throws IOException {
        Path entries = file("entries.csv", "member_id,项目\nM001,ACT_MEETING\n");
        Run run = run(score(entries));
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(entries + ":1: missing column date (日期)");
    }

    @Test
    void badRosterRowsAreReported() throws IOException {
        members = file("members.csv", """
                member_id,name,member_type,category,exempt
                M001,张三,党员,在职,
                M001,李四,FORMAL,在岗,也许
                ,王五,FORMAL,,
                """);
        Run run = run(score(null));
        assertThat(run.status()).isEqualTo(2);
        String f = members.toString();
        assertThat(run.errLines()).containsExactly(
                f + ":2: member_type \"党员\" is not one of FORMAL, PROBATIONARY, ACTIVIST (正式党员, 预备党员, 入党积极分子)",
                f + ":3: category \"在岗\" is not one of IN_SERVICE, LEADER, RETIRED, MOBILE (在职, 领导班子, 离退休, 流动)",
                f + ":3: exempt \"也许\" must be true or false (是 or 否), or empty",
                f + ":4: member_id is empty: every member needs an id");
    }

    @Test
    void duplicateMembersAreReported() throws IOException {
        members = file("members.csv", "member_id,member_type\nM001,FORMAL\nM001,FORMAL\n");
        Run run = run(score(null));
        assertThat(run.errLines()).containsExactly(members + ":3: member_id \"M001\" appears twice (also on line 2)");
    }

    @Test
    void badAssessmentsAndVotesAreReported() throws IOException {
        Path assessments = file("assessments.csv", "member_id,item,value\nM001,POST_LEVEL,良好\nM001,POST_LEVEL,称职\nM002,POST_LEVEL,COMPETENT\nM002,POST_LEVEL,优秀\n");
        Path votes = file("votes.csv", "member_id,好,一般,差\nM001,10,2,1\n");
        Run run = run(score(null, "--assessments", assessments.toString(), "--votes", votes.toString()));
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(
                assessments + ":2: value \"良好\" is not a level of POST_LEVEL: use one of 优秀, 称职, 基本称职, 不称职",
                assessments + ":5: item POST_LEVEL is assessed twice for member M002 (also on line 4)",
                votes + ": scheme city-direct-organs has no democratic appraisal by votes: leave out --votes");
    }

    @Test
    void badSchemeFilesAreReportedWithLineAndPath() throws IOException {
        Path scheme = file("scheme.yaml", """
                id: my-scheme
                name: 我的方案
                scope: [FORMAL]
                sections:
                  - code: ACT
                    name: 参加活动
                    mode: ACCRUE
                    maxx: 60
                    items:
                      - { code: ACT_MEETING, name: 参加会议, points: 1, cap: { points: 5, window: WEEK } }
                deductions:
                  - { code: DED_X, name: 扣分, points: -1, into: AKT }
                """);
        Run run = run("score", "--scheme", scheme.toString(), "--year", "2025", "--members", members.toString(), "--lang", "en");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(
                scheme + ":8: sections[0].maxx: unknown key \"maxx\" in a section (did you mean max?)",
                scheme + ":10: sections[0].items[0].cap.window: must be one of MONTH, QUARTER, HALF, YEAR, not \"WEEK\"",
                scheme + ":12: deductions[0].into: unknown section AKT (did you mean ACT?)");
    }

    @Test
    void unknownPresetsAndMissingFilesAreBadInput() {
        Run preset = run("score", "--preset", "city-direct-organ", "--year", "2025", "--members", members.toString(), "--lang", "en");
        assertThat(preset.status()).isEqualTo(2);
        assertThat(preset.err()).contains("no preset \"city-direct-organ\" (did you mean city-direct-organs?)");
        Run missing = run(score(dir.resolve("nowhere.csv")));
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.errLines()).containsExactly(dir.resolve("nowhere.csv") + ": no such file");
    }

    @Test
    void optionMistakesAreBadInput() throws IOException {
        assertThat(run(score(null, "--period", "2024-03")).err()).contains("--period 2024-03 is not in --year 2025");
        assertThat(run(score(null, "--period", "2025-13")).status()).isEqualTo(2);
        assertThat(run(score(null, "--format", "xlsx")).err()).contains("--format xlsx needs --out");
        assertThat(run("score", "--year", "2025", "--members", members.toString()).status()).isEqualTo(2);
    }

    @Test
    void previousResultsFeedTwoCyclesInARowWarnings() throws IOException {
        Path scheme = file("warn.yaml", """
                id: warn
                name: 预警方案
                scope: [FORMAL, PROBATIONARY]
                sections:
                  - { code: ACT, name: 参加活动, mode: ACCRUE, items: [ { code: ACT_MEETING, name: 参加会议, points: 1 } ] }
                warnings:
                  - { code: RED_TWICE, label: 连续两年低于60分, below: 60, cycles: 2 }
                """);
        Path previous = file("previous.json", """
                {"scheme": "warn", "year": 2024, "members": [
                  {"member_id": "M001", "total": "55.00", "explanation": [{"step": "TOTAL"}]},
                  {"member_id": "M002", "total": "75.00"}
                ]}
                """);
        Run run = run("score", "--scheme", scheme.toString(), "--year", "2025", "--members", members.toString(),
                "--previous", previous.toString(), "--format", "csv");
        assertThat(run.err()).isEmpty();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(1)).endsWith(",RED_TWICE");
        assertThat(lines.get(2)).endsWith(",,");
    }
}

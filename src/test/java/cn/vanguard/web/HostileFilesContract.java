package cn.vanguard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import cn.vanguard.org.RosterSheets;
import cn.vanguard.security.ApiTokens;
import cn.vanguard.security.Role;
import cn.vanguard.security.SignIn;
import cn.vanguard.sheet.HostileFiles;
import cn.vanguard.sheet.HostileFiles.Hostile;
import cn.vanguard.testing.Fixtures;

/**
 * Every import of the application, tried with every hostile file of its kind (wide, long, zip bombs, invalid UTF-8,
 * huge cells, formulas, files that are not what they claim; billion laughs, deep nesting and oversized scheme files):
 * each ends in a page or a problem that says in Chinese what is wrong, never a 500 or an exhausted heap, and nothing
 * is written. The files are made here, a few kilobytes each once compressed.
 */
abstract class HostileFilesContract {

    private static final List<String> LEDGER_HEADER = List.of("成员编号", "项目编码", "日期");

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    ApiTokens tokens;

    Fixtures.Tree tree;
    Fixtures.Account admin;
    Fixtures.Account scorer;

    @BeforeEach
    void organisation() {
        tree = fixtures.tree("city-direct-organs");
        fixtures.member(tree.branch().id(), "王五");
        admin = fixtures.account(Role.COMMITTEE_ADMIN, tree.committee().id());
        scorer = fixtures.account(Role.SCORER, tree.branch().id());
    }

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    /** What an import may have written: members, entries, scheme versions, audit lines. */
    private List<Long> written() {
        List<Long> counts = new ArrayList<>();
        for (String table : List.of("member", "ledger_entry", "scheme_version", "audit_log")) {
            counts.add(fixtures.jdbc().sql("select count(*) from " + table).query(Long.class).single());
        }
        return counts;
    }

    private static String page(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void everyHostileRosterIsRefusedInChineseWithNothingWritten() throws Exception {
        List<Hostile> files = new ArrayList<>(HostileFiles.tables(RosterSheets.HEADERS, 10_000));
        files.add(new Hostile("formula.xlsx", HostileFiles.workbook(headerRow(RosterSheets.HEADERS)
                + "<row r=\"2\"><c r=\"B2\" t=\"inlineStr\"><is><t>甲</t></is></c><c r=\"H2\" t=\"str\"><f>HYPERLINK(\"http://evil.example\",\"点我\")</f>"
                + "<v>点我</v></c><c r=\"J2\" t=\"inlineStr\"><is><t>第一支部</t></is></c></row>", null, 1), "党员身份“点我”"));
        files.add(new Hostile("formula.csv", (String.join(",", RosterSheets.HEADERS) + "\n,=HYPERLINK(\"\"http://evil.example\"\"),,"
                + "=1+1,,,,正式党员,,第一支部,\n").getBytes(StandardCharsets.UTF_8), "出生日期“=1+1”"));
        for (Hostile file : files) {
            List<Long> before = written();
            MockHttpServletResponse response = mvc.perform(multipart("/members/import")
                            .file(new MockMultipartFile("file", file.name(), "application/octet-stream", file.bytes()))
                            .with(admin.request()).with(csrf()))
                    .andReturn().getResponse();
            assertThat(response.getStatus()).as(file.name()).isEqualTo(200);
            assertThat(page(response)).as(file.name()).contains("没有导入任何党员").contains(file.expected());
            assertThat(written()).as(file.name()).isEqualTo(before);
        }
    }

    @Test
    void everyHostileLedgerIsRefusedInChineseWithNothingWritten() throws Exception {
        // the ledger page takes two million rows (LedgerImport.WEB): a file past that is left to TableLimitsTest, which
        // holds the readers to their row limits, rather than written here
        List<Hostile> files = new ArrayList<>(HostileFiles.tables(LEDGER_HEADER, 10_000).stream()
                .filter(f -> !f.name().startsWith("long.")).toList());
        files.add(new Hostile("formula.csv", ("成员编号,项目编码,日期\n\"=HYPERLINK(\"\"http://evil.example\"\",\"\"M1\"\")\",ACT_MEETING,2025-01-01\n")
                .getBytes(StandardCharsets.UTF_8), "=HYPERLINK("));
        files.add(new Hostile("formula.xlsx", HostileFiles.workbook(headerRow(LEDGER_HEADER)
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>X1</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>ACT_MEETING</t></is></c>"
                + "<c r=\"C2\" t=\"str\"><f>NOW()</f><v>=NOW()</v></c></row>", null, 1), "第2行"));
        for (Hostile file : files) {
            List<Long> before = written();
            MockHttpServletResponse response = mvc.perform(multipart("/entries/import")
                            .file(new MockMultipartFile("file", file.name(), "application/octet-stream", file.bytes()))
                            .param("unitId", Long.toString(tree.branch().id())).with(scorer.request()).with(csrf()))
                    .andReturn().getResponse();
            assertThat(response.getStatus()).as(file.name()).isEqualTo(200);
            assertThat(page(response)).as(file.name()).containsAnyOf("文件无法读取", "整个文件都没有导入").contains(file.expected());
            assertThat(written()).as(file.name()).isEqualTo(before);
        }
    }

    /** The hostile scheme files, with the words their refusal must contain. */
    private static Map<String, String> hostileSchemes() {
        return Map.of(
                HostileFiles.billionLaughs(9), "引用（*别名）列表或键值对超过 20 处的上限",
                HostileFiles.deeplyNested(5_000), "嵌套超过 30 层的上限",
                HostileFiles.oversized(600_000), "方案文件超过 500000 个字符的上限");
    }

    @Test
    void everyHostileSchemeFileIsRefusedOnTheUploadPageWithNothingPublished() throws Exception {
        Map<String, String> files = new java.util.LinkedHashMap<>(hostileSchemes());
        for (Map.Entry<String, String> file : files.entrySet()) {
            List<Long> before = written();
            MockHttpServletResponse response = mvc.perform(multipart("/schemes/upload")
                            .file(new MockMultipartFile("file", "scheme.yaml", "text/yaml", file.getKey().getBytes(StandardCharsets.UTF_8)))
                            .param("unitId", Long.toString(tree.branch().id())).param("year", Integer.toString(fixtures.year()))
                            .with(admin.request()).with(csrf()))
                    .andReturn().getResponse();
            assertThat(response.getStatus()).as(file.getValue()).isEqualTo(200);
            assertThat(page(response)).as(file.getValue()).contains("未发布").contains(file.getValue());
            assertThat(page(response).length()).as("the page does not echo a file past the limit").isLessThan(200_000);
            assertThat(written()).isEqualTo(before);
        }
        byte[] notUtf8 = {'i', 'd', ':', ' ', (byte) 0xD5, (byte) 0xC5, (byte) 0xFF, '\n'};
        MockHttpServletResponse response = mvc.perform(multipart("/schemes/upload")
                        .file(new MockMultipartFile("file", "gbk.yaml", "text/yaml", notUtf8))
                        .param("unitId", Long.toString(tree.branch().id())).param("year", Integer.toString(fixtures.year()))
                        .with(admin.request()).with(csrf()))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(page(response)).contains("不是UTF-8编码的文本");
    }

    @Test
    void everyHostileSchemeFileIsRefusedThroughTheApiWithNothingPublished() throws Exception {
        admin.signIn();
        String token;
        try {
            token = tokens.create("t");
        } finally {
            SignIn.out();
        }
        for (Map.Entry<String, String> file : hostileSchemes().entrySet()) {
            List<Long> before = written();
            String body = "{\"unitId\":" + tree.branch().id() + ",\"year\":" + fixtures.year() + ",\"yaml\":"
                    + tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(file.getKey()) + "}";
            MockHttpServletResponse response = mvc.perform(post("/api/v1/schemes").header("Authorization", "Bearer " + token)
                            .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                            .content(body))
                    .andReturn().getResponse();
            assertThat(response.getStatus()).as(file.getValue()).isEqualTo(400);
            assertThat(page(response)).as(file.getValue()).contains(file.getValue());
            assertThat(written()).isEqualTo(before);
        }
    }

    private static String headerRow(List<String> header) {
        StringBuilder row = new StringBuilder("<row r=\"1\">");
        for (String h : header) {
            row.append("<c t=\"inlineStr\"><is><t>").append(h).append("</t></is></c>");
        }
        return row.append("</row>").toString();
    }
}

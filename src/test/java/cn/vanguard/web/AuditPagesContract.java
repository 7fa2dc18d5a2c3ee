package cn.vanguard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.vanguard.audit.AuditLog;
import cn.vanguard.audit.Channel;
import cn.vanguard.ledger.Ledger;
import cn.vanguard.ledger.LedgerEntry;
import cn.vanguard.ledger.NewEntry;
import cn.vanguard.ledger.Upload;
import cn.vanguard.security.ApiTokens;
import cn.vanguard.security.Role;
import cn.vanguard.security.SignIn;
import cn.vanguard.testing.Fixtures;

/**
 * The audit log page: scope, filters (text, person, action, object, dates), Chinese labels, people by name, addresses,
 * channels, evidence opened, before → after, pages with the total, and the export. H2 and PostgreSQL.
 */
abstract class AuditPagesContract {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    AuditLog audit;
    @Autowired
    Ledger ledger;
    @Autowired
    ApiTokens tokens;

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};

    Fixtures.Tree tree;
    Fixtures.Tree otherTree;
    Fixtures.Account supervisor;
    Fixtures.Account system;

    @BeforeEach
    void organisation() {
        tree = fixtures.tree("city-direct-organs");
        otherTree = fixtures.tree("city-direct-organs");
        supervisor = fixtures.account(Role.SUPERVISOR, tree.committee().id());
        system = fixtures.account(Role.SYSTEM_ADMIN, null);
    }

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    private String page(String url, Fixtures.Account who) throws Exception {
        return mvc.perform(get(url).with(who.request())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private void line(String summary, Long unitId) {
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("name", "旧名称");
        before.put("kind", "BRANCH");
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("name", "新名称");
        after.put("kind", "BRANCH");
        audit.record(new AuditLog.Actor(null, "tester"), "UNIT_RENAMED", "unit", unitId, unitId, summary, before, after);
    }

    @Test
    void aSupervisorSeesTheLinesOfTheirCommitteeOnly() throws Exception {
        String mine = Fixtures.unique("本委");
        String theirs = Fixtures.unique("他委");
        line(mine, tree.branch().id());
        line(theirs, otherTree.branch().id());
        line(Fixtures.unique("无组织"), null);
        String html = page("/audit", supervisor);
        assertThat(html).contains(mine).doesNotContain(theirs);
        assertThat(page("/audit?text=" + theirs, system)).contains(theirs);
        assertThat(page("/audit", supervisor)).contains(tree.committee().name()).doesNotContain(otherTree.committee().name());
    }

    @Test
    void theTextFilterFindsPercentAndUnderscoreLiterally() {
        String tag = Fixtures.unique("进度");
        line(tag + "完成50%", tree.branch().id());
        line(tag + "完成500", tree.branch().id());
        line(tag + "a_b", tree.branch().id());
        line(tag + "axb", tree.branch().id());
        List<Long> units = List.of(tree.branch().id());
        assertThat(audit.recent(units, tag + "完成50%", null, null, 10)).extracting(AuditLog.Line::summary).containsExactly(tag + "完成50%");
        assertThat(audit.recent(units, "_b", null, null, 100)).extracting(AuditLog.Line::summary).containsExactly(tag + "a_b");
    }

    @Test
    void onlyThoseWhoMayViewTheLogOpenIt() throws Exception {
        mvc.perform(get("/audit").with(fixtures.account(Role.SCORER, tree.branch().id()).request())).andExpect(status().isForbidden());
        mvc.perform(get("/audit").with(fixtures.account(Role.SECRETARY, tree.branch().id()).request())).andExpect(status().isForbidden());
        page("/audit", fixtures.account(Role.COMMITTEE_ADMIN, tree.committee().id()));
    }

    @Test
    void linesReadInChineseWithTheirChanges() throws Exception {
        String summary = Fixtures.unique("更名");
        line(summary, tree.branch().id());
        String html = page("/audit?text=" + summary, supervisor);
        assertThat(html).contains("组织更名").contains("名称：").contains("旧名称").contains("新名称").contains("tester")
                .doesNotContain("党支部 →");
        assertThat(SchemePagesContract.count(html, "class=\"audit-line\"")).isEqualTo(1);
    }

    @Test
    void textAndDatesFilterTheLines() throws Exception {
        String summary = Fixtures.unique("筛选");
        line(summary, tree.branch().id());
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        assertThat(page("/audit?text=" + summary + "&from=" + today + "&to=" + today, supervisor)).contains(summary);
        assertThat(page("/audit?text=" + summary + "&from=" + today.plusDays(1), supervisor)).doesNotContain(summary + "<").contains("没有符合条件的记录");
        assertThat(page("/audit?text=" + summary + "&to=" + today.minusDays(1), supervisor)).contains("没有符合条件的记录");
        assertThat(page("/audit?text=" + Fixtures.unique("无此"), supervisor)).contains("没有符合条件的记录");
        assertThat(page("/audit?from=2026-13-01", supervisor)).contains("日期格式应为");
    }

    @Test
    void olderLinesComePageByPageWithTheTotal() throws Exception {
        String prefix = Fixtures.unique("分页");
        for (int i = 1; i <= AuditController.PAGE + 5; i++) {
            line(prefix + "-" + i + "号", tree.branch().id());
        }
        String first = page("/audit?text=" + prefix, supervisor);
        assertThat(SchemePagesContract.count(first, "class=\"audit-line\"")).isEqualTo(AuditController.PAGE);
        assertThat(first).contains(prefix + "-55号").doesNotContain(prefix + "-5号<").contains("共 55 条记录（已筛选）").contains("第1/2页");
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("<a[^>]*rel=\"next\"[^>]*>").matcher(first);
        assertThat(link.find()).isTrue();
        java.util.regex.Matcher href = java.util.regex.Pattern.compile(" href=\"([^\"]+)\"").matcher(link.group());
        assertThat(href.find()).isTrue();
        String next = href.group(1).replace("&amp;", "&");
        assertThat(next).contains("page=2").contains("text=");
        String rows = mvc.perform(get(java.net.URI.create(next)).header("HX-Request", "true").with(supervisor.request())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(rows).doesNotContain("<html").contains(prefix + "-5号").contains(prefix + "-1号").doesNotContain(prefix + "-6号")
                .contains("共 55 条记录").contains("第2/2页");
        assertThat(SchemePagesContract.count(rows, "class=\"audit-line\"")).isEqualTo(5);
    }

    @Test
    void peopleAreNamedWithTheirAccount() throws Exception {
        Fixtures.Account scorer = fixtures.account(Role.SCORER, tree.branch().id());
        String summary = Fixtures.unique("谁改的");
        audit.record(new AuditLog.Actor(scorer.id(), scorer.username()), "UNIT_RENAMED", "unit", tree.branch().id(), tree.branch().id(),
                summary, Map.of("name", "甲"), Map.of("name", "乙"));
        String html = page("/audit?text=" + summary, supervisor);
        assertThat(html).contains("测试" + scorer.username() + "（" + scorer.username() + "）");
        assertThat(page("/audit?who=测试" + scorer.username(), supervisor)).contains(summary).contains("共 1 条记录");
        assertThat(page("/audit?who=" + scorer.username().toUpperCase(), supervisor)).contains(summary);
        assertThat(page("/audit?who=" + Fixtures.unique("无此人"), supervisor)).doesNotContain(summary).contains("共 0 条记录");
    }

    @Test
    void addressesReadAsIpv4AndEachLineSaysItsChannel() throws Exception {
        String tag = Fixtures.unique("渠道");
        MockHttpServletRequest api = new MockHttpServletRequest();
        api.setRemoteAddr("::ffff:10.9.8.7");
        api.setAttribute(AuditLog.API_TOKEN_ATTRIBUTE, "考勤机");
        inRequest(api, () -> line(tag + "接口", tree.branch().id()));
        MockHttpServletRequest browser = new MockHttpServletRequest();
        browser.setRemoteAddr("0:0:0:0:0:0:0:1");
        inRequest(browser, () -> line(tag + "页面", tree.branch().id()));
        audit.record(AuditLog.Actor.SYSTEM, "UNIT_RENAMED", "unit", tree.branch().id(), tree.branch().id(), tag + "系统", null, null);
        audit.record(new AuditLog.Actor(system.id(), system.username()).through(Channel.IMPORT), "ROSTER_IMPORTED", "roster", null,
                tree.branch().id(), tag + "导入", null, Map.of("file", "花名册.xlsx", "rows", 3));
        fixtures.jdbc().sql("""
                insert into audit_log (happened_at, account_id, username, remote_addr, action, object_type, object_id, unit_id, summary)
                values (current_timestamp, null, 'old', '0:0:0:0:0:0:0:1', 'UNIT_RENAMED', 'unit', null, :u, :s)""")
                .param("u", tree.branch().id()).param("s", tag + "旧").update();

        Map<String, AuditLog.Line> lines = new LinkedHashMap<>();
        audit.recent(null, tag, null, null, 10).forEach(l -> lines.put(l.summary().substring(tag.length()), l));
        assertThat(lines.get("接口")).satisfies(l -> {
            assertThat(l.remoteAddr()).isEqualTo("10.9.8.7");
            assertThat(l.channel()).isEqualTo(Channel.API);
            assertThat(l.channelName()).isEqualTo("考勤机");
        });
        assertThat(lines.get("页面")).satisfies(l -> {
            assertThat(l.remoteAddr()).isEqualTo("127.0.0.1");
            assertThat(l.channel()).isEqualTo(Channel.PAGE);
        });
        assertThat(lines.get("系统").channel()).isEqualTo(Channel.SYSTEM);
        assertThat(lines.get("导入").channel()).isEqualTo(Channel.IMPORT);
        assertThat(lines.get("旧").channel()).isNull();

        String html = page("/audit?text=" + tag, supervisor);
        assertThat(html).contains("API（考勤机）").contains("10.9.8.7").contains("127.0.0.1").contains(">页面<").contains(">系统<")
                .contains(">导入<").contains("未记录").contains("导入花名册").contains("行数：").contains("花名册.xlsx")
                .doesNotContain("0:0:0:0:0:0:0:1").doesNotContain(">ROSTER_IMPORTED<");
    }

    @Test
    void aCallOfTheApiIsRecordedWithItsTokensName() throws Exception {
        Fixtures.Account admin = fixtures.account(Role.COMMITTEE_ADMIN, tree.committee().id());
        admin.signIn();
        String token;
        try {
            token = tokens.create("组织同步");
        } finally {
            SignIn.out();
        }
        String name = Fixtures.unique("接口小组");
        mvc.perform(post("/api/v1/units").header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parentId\":" + tree.branch().id() + ",\"name\":\"" + name + "\",\"kind\":\"GROUP\"}"))
                .andExpect(status().isCreated());
        assertThat(audit.recent(null, name, null, null, 5)).singleElement().satisfies(l -> {
            assertThat(l.action()).isEqualTo("UNIT_CREATED");
            assertThat(l.channel()).isEqualTo(Channel.API);
            assertThat(l.channelName()).isEqualTo("组织同步");
            assertThat(l.accountId()).isEqualTo(admin.id());
            assertThat(l.remoteAddr()).isEqualTo("127.0.0.1");
        });
        assertThat(page("/audit?text=" + name, supervisor)).contains("API（组织同步）").contains("测试" + admin.username() + "（");
    }

    @Test
    void evidenceUploadedAndOpenedIsInTheLog() throws Exception {
        long member = fixtures.member(tree.branch().id(), Fixtures.unique("取证"));
        Fixtures.Account scorer = fixtures.account(Role.SCORER, tree.branch().id());
        scorer.signIn();
        LedgerEntry entry;
        try {
            entry = ledger.record(new NewEntry(member, "RWD_CITY", LocalDate.of(fixtures.year(), 3, 1), null, null, null, "表彰", null),
                    List.of(new Upload("表彰.png", "image/png", PNG)), UUID.randomUUID().toString());
        } finally {
            SignIn.out();
        }
        long file = fixtures.jdbc().sql("select id from attachment where entry_id = :e").param("e", entry.id()).query(Long.class).single();
        mvc.perform(get("/attachments/{id}", file).with(supervisor.request())).andExpect(status().isOk());
        mvc.perform(get("/attachments/{id}", file).with(fixtures.account(Role.SUPERVISOR, otherTree.committee().id()).request()))
                .andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(403, 404));

        List<AuditLog.Line> lines = audit.recent(null, null, null, null, 1000).stream()
                .filter(l -> "ledger_entry".equals(l.objectType()) && Long.toString(entry.id()).equals(l.objectId())).toList();
        assertThat(lines).extracting(AuditLog.Line::action).containsExactly("ATTACHMENT_VIEWED", "ENTRY_SCORER");
        assertThat(lines.get(0).accountId()).isEqualTo(supervisor.id());
        assertThat(lines.get(0).afterFields()).containsEntry("file", "表彰.png");
        assertThat(lines.get(1).afterFields()).containsEntry("files", "[表彰.png]");
        String html = page("/audit?type=ledger_entry&object=" + entry.id(), supervisor);
        assertThat(html).contains("查看证明材料").contains("表彰.png").contains("共 2 条记录").contains("积分记录 #" + entry.id());
        assertThat(page("/audit?action=ATTACHMENT_VIEWED&type=ledger_entry&object=" + entry.id(), supervisor)).contains("共 1 条记录");
    }

    @Test
    void filtersStayInTheUrlAndBadOnesAreNamed() throws Exception {
        String who = Fixtures.unique("abc");
        audit.record(new AuditLog.Actor(null, who), "LOGIN", "account", 12, tree.branch().id(), who + " 登录", null, null);
        String html = page("/audit?who=" + who + "&action=LOGIN&type=account&object=12", supervisor);
        assertThat(html).contains("共 1 条记录（已筛选）").contains(who + " 登录");
        assertThat(page("/audit?who=" + who + "&action=LOGIN&type=account&object=13", supervisor)).contains("共 0 条记录");
        assertThat(page("/audit?who=" + who + "&action=LOGIN_FAILED", supervisor)).contains("共 0 条记录");
        assertThat(page("/audit?who=" + who + "&type=unit", supervisor)).contains("共 0 条记录");
        assertThat(html).contains("value=\"" + who + "\"").contains("<option value=\"LOGIN\" selected=\"selected\">登录</option>")
                .contains("<option value=\"account\" selected=\"selected\">账号</option>").contains("value=\"12\"")
                .contains("/audit/export?who=" + who + "&amp;action=LOGIN&amp;type=account&amp;object=12");
        assertThat(page("/audit?action=NO_SUCH", supervisor)).contains("没有这种操作");
        assertThat(page("/audit?type=nothing", supervisor)).contains("没有这种对象");
        assertThat(page("/audit?from=2026-03-02&to=2026-03-01", supervisor)).contains("结束日期不能早于开始日期");
    }

    @Test
    void theExportHasTheFilteredLinesOfTheScopeOnly() throws Exception {
        String tag = Fixtures.unique("导出");
        line(tag + "本委一", tree.branch().id());
        line(tag + "本委二", tree.committee().id());
        line(tag + "他委", otherTree.branch().id());
        audit.record(new AuditLog.Actor(null, "tester"), "LOGIN", "account", null, tree.branch().id(), tag + "登录", null, null);
        Fixtures.Account admin = fixtures.account(Role.COMMITTEE_ADMIN, tree.committee().id());
        List<List<String>> rows = xlsx(mvc.perform(get("/audit/export").param("text", tag).param("action", "UNIT_RENAMED").with(admin.request()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andReturn().getResponse().getContentAsByteArray());
        assertThat(rows.get(0)).containsExactlyElementsOf(AuditExport.HEADER);
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(7)).containsExactly(tag + "本委二", tag + "本委一");
        assertThat(rows.get(1)).contains("tester", "组织更名", "名称：旧名称 → 新名称", tree.committee().name());
        List<List<String>> all = xlsx(mvc.perform(get("/audit/export").param("text", tag).with(system.request())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray());
        assertThat(all).hasSize(5);
        mvc.perform(get("/audit/export").with(fixtures.account(Role.SECRETARY, tree.branch().id()).request())).andExpect(status().isForbidden());
        mvc.perform(get("/audit/export").param("from", "bad").with(admin.request())).andExpect(status().is3xxRedirection());
    }

    @Test
    void aCommitteeAdministratorSeesTheirSubtreeOnly() throws Exception {
        String tag = Fixtures.unique("子树");
        line(tag + "支部", tree.branch().id());
        line(tag + "另一支部", tree.otherBranch().id());
        line(tag + "他委", otherTree.branch().id());
        Fixtures.Account admin = fixtures.account(Role.COMMITTEE_ADMIN, tree.committee().id());
        assertThat(page("/audit?text=" + tag, admin)).contains(tag + "支部").contains(tag + "另一支部").doesNotContain(tag + "他委")
                .contains("共 2 条记录");
        assertThat(page("/audit?text=" + tag, system)).contains(tag + "他委").contains("共 3 条记录");
    }

    private static void inRequest(MockHttpServletRequest request, Runnable work) {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            work.run();
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }

    private static List<List<String>> xlsx(byte[] bytes) throws java.io.IOException {
        List<List<String>> rows = new java.util.ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(bytes))) {
            DataFormatter format = new DataFormatter();
            for (Row row : workbook.getSheetAt(0)) {
                List<String> cells = new java.util.ArrayList<>();
                for (int i = 0; i < AuditExport.HEADER.size(); i++) {
                    cells.add(row.getCell(i) == null ? "" : format.formatCellValue(row.getCell(i)));
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
